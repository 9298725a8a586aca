import { IResource, ITaggable, Lazy, Names, RemovalPolicy, Resource, TagManager, TagType, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CaseRule, ICaseRule } from './case-rule';
import { CaseRuleType } from './case-rule-type';
import { LIMITS } from './private/api-limits';
import { formatDomainChildArn, parseDomainChildArn } from './private/arn';
import { CasesHandler } from './private/cases-handler';
import {
  TEMPLATE_RESOURCE_TYPE,
  TagPropagationWire,
  TemplateAttributes,
  TemplateResourceProperties,
  TemplateRuleWire,
} from './private/resource-properties';
import { lazyTags, tagMapToWire } from './private/tags';
import { checkCount, checkId, checkLength, checkName, describeValue, firstDuplicate, throwFirst } from './private/validate';

/** Whether cases can be created from a template. */
export enum TemplateStatus {
  /** Cases can be created from the template. */
  ACTIVE = 'Active',
  /** Cases cannot be created from the template. */
  INACTIVE = 'Inactive',
}

/** Kinds of resource that a template's tags can be propagated to. */
export enum TagPropagationResourceType {
  /** Cases created from the template. */
  CASES = 'Cases',
}

/** Tags the service copies onto resources created from a template. */
export interface TagPropagationConfiguration {
  /**
   * Which resources receive the tags.
   *
   * @default TagPropagationResourceType.CASES
   */
  readonly resourceType?: TagPropagationResourceType;

  /** The tags, key to value. */
  readonly tags: { [key: string]: string };
}

/**
 * A case rule attached to a template: give exactly one of `caseRule` and `caseRuleId`.
 */
export interface TemplateRule {
  /**
   * The rule.
   *
   * @default - use `caseRuleId`
   */
  readonly caseRule?: ICaseRule;

  /**
   * The id of a rule defined elsewhere (1-500 characters).
   *
   * @default - use `caseRule`
   */
  readonly caseRuleId?: string;

  /**
   * The field the rule acts on (1-500 characters), e.g. `CfnField.attrFieldId`.
   *
   * @default - none: only for field-options rules, which name their fields themselves
   */
  readonly field?: string;
}

/** An Amazon Connect Cases template, defined here or imported. */
export interface ITemplate extends IResource {
  /**
   * The template's id.
   * @attribute
   */
  readonly templateId: string;

  /**
   * The template's ARN.
   * @attribute
   */
  readonly templateArn: string;

  /**
   * The id of the Cases domain the template belongs to.
   * @attribute
   */
  readonly domainId: string;
}

/** Properties of a `Template`. */
export interface TemplateProps {
  /** The Cases domain of the template (1-500 characters), e.g. `CfnDomain.attrDomainId`. */
  readonly domainId: string;

  /**
   * The template's name (1-100 characters, not ending in white space, unique in the domain).
   *
   * @default - a name unique in the app, generated from the construct path
   */
  readonly templateName?: string;

  /**
   * What the template is for (at most 255 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether cases can be created from the template.
   *
   * @default TemplateStatus.ACTIVE
   */
  readonly status?: TemplateStatus;

  /**
   * The id of the template's default layout (1-500 characters), e.g. `CfnLayout.attrLayoutId`.
   *
   * @default - no default layout
   */
  readonly layout?: string;

  /**
   * Ids of fields that must have a value when a case is created (at most 100, no duplicates).
   * More can be added with `addRequiredField`.
   *
   * @default - none
   */
  readonly requiredFields?: string[];

  /**
   * Case rules attached to fields (at most 50, no rule twice on the same field).
   * More can be added with `addRule`.
   *
   * @default - none
   */
  readonly rules?: TemplateRule[];

  /**
   * Tags the service copies onto cases created from the template (one configuration per
   * resource type).
   *
   * @default - none
   */
  readonly tagPropagationConfigurations?: TagPropagationConfiguration[];

  /**
   * What happens to the template when it leaves the stack or the stack is deleted.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** An imported template: only its ids are known. */
class ImportedTemplate extends Resource implements ITemplate {
  constructor(
    scope: Construct,
    id: string,
    public readonly domainId: string,
    public readonly templateId: string,
    public readonly templateArn: string,
  ) {
    super(scope, id, { environmentFromArn: templateArn });
  }
}

/**
 * An Amazon Connect Cases template: the fields a case needs, its default layout and the case
 * rules that apply to its fields.
 *
 * Backed by one custom resource served by the stack's shared cdk-connect-cases handler.
 */
export class Template extends Resource implements ITemplate, ITaggable {
  /** Imports a template by its domain id and template id. */
  public static fromTemplateId(scope: Construct, id: string, domainId: string, templateId: string): ITemplate {
    const arn = formatDomainChildArn(scope, 'template', domainId, templateId);
    return new ImportedTemplate(scope, id, domainId, templateId, arn);
  }

  /** Imports a template by its ARN (`arn:...:cases:...:domain/{domainId}/template/{templateId}`). */
  public static fromTemplateArn(scope: Construct, id: string, templateArn: string): ITemplate {
    const ids = parseDomainChildArn(templateArn, 'template', `${scope.node.path}/${id}`);
    return new ImportedTemplate(scope, id, ids.domainId, ids.childId, templateArn);
  }

  public readonly templateId: string;
  public readonly templateArn: string;
  public readonly domainId: string;
  /** The template's name, given or generated. */
  public readonly templateName: string;
  /** Tags of the template; add them with `Tags.of(...)`. */
  public readonly tags: TagManager;

  private readonly requiredFields: string[] = [];
  private readonly rules: TemplateRuleWire[] = [];

  constructor(scope: Construct, id: string, props: TemplateProps) {
    super(scope, id);
    this.domainId = props.domainId;
    this.templateName = props.templateName ?? Names.uniqueResourceName(this, { maxLength: LIMITS.NAME_MAX_LENGTH });
    const propagations = props.tagPropagationConfigurations ?? [];
    throwFirst(this.node.path, [
      checkId("Template property 'domainId'", props.domainId),
      checkName("Template property 'templateName'", this.templateName),
      checkLength("Template property 'description'", props.description, 0, LIMITS.DESCRIPTION_MAX_LENGTH),
      checkId("Template property 'layout'", props.layout),
      duplicatePropagationProblem(propagations),
    ]);

    (props.requiredFields ?? []).forEach((fieldId) => this.addRequiredField(fieldId));
    (props.rules ?? []).forEach((rule, i) => this.addTemplateRule(rule, `rules[${i}]`));

    this.tags = new TagManager(TagType.KEY_VALUE, TEMPLATE_RESOURCE_TYPE);
    const properties: TemplateResourceProperties = {
      DomainId: props.domainId,
      Name: this.templateName,
      Description: props.description,
      Status: props.status ?? TemplateStatus.ACTIVE,
      LayoutId: props.layout,
      RequiredFieldIds: Lazy.list({ produce: () => this.requiredFields }, { omitEmpty: true }),
      // Rendered at synthesis so that addRule after construction is included.
      Rules: Lazy.any({ produce: () => (this.rules.length > 0 ? this.rules : undefined) }) as unknown as TemplateRuleWire[],
      TagPropagations: propagations.length > 0 ? propagations.map(renderPropagation) : undefined,
      Tags: lazyTags(this.tags),
    };
    const resource = CasesHandler.of(this).newResource(this, {
      resourceType: TEMPLATE_RESOURCE_TYPE,
      domainId: props.domainId,
      properties,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    const attribute = (name: keyof TemplateAttributes) => resource.getAttString(name);
    this.templateId = attribute('TemplateId');
    this.templateArn = attribute('TemplateArn');

    this.node.addValidation({ validate: () => this.validateLists() });
  }

  /** Requires a field to have a value when a case is created from this template. */
  public addRequiredField(fieldId: string): void {
    throwFirst(this.node.path, [checkId(`Template property 'requiredFields[${this.requiredFields.length}]'`, fieldId)]);
    this.requiredFields.push(fieldId);
  }

  /**
   * Attaches a case rule to a field of this template.
   *
   * @param caseRule the rule, from the template's domain
   * @param field the field it acts on; omit only for a field-options rule
   */
  public addRule(caseRule: ICaseRule, field?: string): void {
    this.addTemplateRule({ caseRule, field }, `rules[${this.rules.length}]`);
  }

  private addTemplateRule(rule: TemplateRule, property: string): void {
    const subject = `Template property '${property}'`;
    const member = (name: string) => `Template property '${property}.${name}'`;
    if ((rule.caseRule === undefined) === (rule.caseRuleId === undefined)) {
      throwFirst(this.node.path, [
        `${subject} must give exactly one of 'caseRule' and 'caseRuleId'; received ${rule.caseRule === undefined ? 'neither' : 'both'}`,
      ]);
    }
    const caseRuleId = rule.caseRule?.caseRuleId ?? rule.caseRuleId!;
    throwFirst(this.node.path, [
      checkId(member('caseRuleId'), rule.caseRuleId),
      checkId(member('field'), rule.field),
      ruleDomainProblem(subject, rule.caseRule, this.domainId),
      missingFieldProblem(subject, rule),
    ]);
    this.rules.push({ CaseRuleId: caseRuleId, FieldId: rule.field });
  }

  /** Limits of lists that can still grow after construction, checked at synthesis. */
  private validateLists(): string[] {
    const problems: Array<string | undefined> = [
      checkCount("Template property 'requiredFields'", this.requiredFields.length, 0, LIMITS.MAX_REQUIRED_FIELDS, 'fields'),
      checkCount("Template property 'rules'", this.rules.length, 0, LIMITS.MAX_TEMPLATE_RULES, 'rules'),
    ];
    const duplicateField = firstDuplicate(this.requiredFields);
    if (duplicateField !== undefined) {
      problems.push(`Template property 'requiredFields' must not list a field twice; received ${this.describe(duplicateField)} more than once`);
    }
    const ruleKeys = this.rules.map((r) => JSON.stringify([r.CaseRuleId, r.FieldId ?? null]));
    const duplicateRule = firstDuplicate(ruleKeys);
    if (duplicateRule !== undefined) {
      const [ruleId, fieldId] = JSON.parse(duplicateRule) as [string, string | null];
      problems.push(
        `Template property 'rules' must not attach a rule twice to the same field; received rule ${this.describe(ruleId)} ` +
        `on field ${fieldId === null ? '(none)' : this.describe(fieldId)} more than once`,
      );
    }
    return problems.filter((p): p is string => p !== undefined);
  }

  /** A value for a message; a token is shown as the expression it stands for. */
  private describe(value: string): string {
    return Token.isUnresolved(value) ? JSON.stringify(this.stack.resolve(value)) : describeValue(value);
  }
}

function renderPropagation(configuration: TagPropagationConfiguration): TagPropagationWire {
  const tags = tagMapToWire(configuration.tags);
  return {
    ResourceType: configuration.resourceType ?? TagPropagationResourceType.CASES,
    Tags: tags.length > 0 ? tags : undefined,
  };
}

function duplicatePropagationProblem(configurations: TagPropagationConfiguration[]): string | undefined {
  const duplicate = firstDuplicate(configurations.map((c) => c.resourceType ?? TagPropagationResourceType.CASES));
  return duplicate === undefined
    ? undefined
    : `Template property 'tagPropagationConfigurations' must have at most one configuration per resource type; received '${duplicate}' more than once`;
}

/** A rule from another domain cannot be attached; known only when both ids are plain strings. */
function ruleDomainProblem(subject: string, caseRule: ICaseRule | undefined, domainId: string): string | undefined {
  if (caseRule === undefined || Token.isUnresolved(caseRule.domainId) || Token.isUnresolved(domainId)) return undefined;
  if (caseRule.domainId === domainId) return undefined;
  return `${subject} must use a case rule of the template's domain '${domainId}'; received rule ${caseRule.node.path} of domain '${caseRule.domainId}'`;
}

/** Required and hidden rules act on one field, which the template must name. */
function missingFieldProblem(subject: string, rule: TemplateRule): string | undefined {
  if (rule.field !== undefined || !(rule.caseRule instanceof CaseRule)) return undefined;
  if (rule.caseRule.rule.type === CaseRuleType.FIELD_OPTIONS) return undefined;
  return `${subject} must give 'field' for a ${rule.caseRule.rule.type} rule (only field-options rules name their own fields); received none for rule ${rule.caseRule.node.path}`;
}
