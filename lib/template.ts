import { IResource, ITaggable, Names, RemovalPolicy, Resource, Stack, TagManager, TagType, Token } from 'aws-cdk-lib';
import { CfnCaseRule, ICaseRuleRef, ITemplateRef, TemplateReference } from 'aws-cdk-lib/aws-cases';
import { Construct } from 'constructs';
import { CaseRule, ICaseRule } from './case-rule';
import { CaseRuleType } from './case-rule-type';
import { LIMITS } from './private/api-limits';
import { formatDomainChildArn, parseDomainChildArn } from './private/arn';
import { CasesHandler, CasesResource } from './private/cases-handler';
import {
  RESOURCE_TYPES, TagPropagationConfigurationShape, TemplateAttributes, TemplateProperties, TemplateRuleShape,
} from './private/contract';
import { checkCount, checkId, checkLength, checkName, describeValue, firstDuplicate } from './private/validate';

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

/** A case rule attached to a template field. */
export interface TemplateRule {
  /**
   * The rule: a `CaseRule`, an imported one (`CaseRule.fromCaseRuleAttributes`), or any
   * `ICaseRuleRef` such as aws-cdk-lib's `CfnCaseRule`.
   */
  readonly caseRule: ICaseRuleRef;

  /**
   * The field the rule acts on (1-500 characters), e.g. `CfnField.attrFieldId` or a `SystemFieldId`.
   *
   * @default - none: only for field-options rules, which name their fields themselves
   */
  readonly fieldId?: string;
}

/** An Amazon Connect Cases template, defined here or imported. */
export interface ITemplate extends IResource, ITemplateRef {
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

/** The two ids that identify a template. */
export interface TemplateAttributesProps {
  /** The Cases domain of the template. */
  readonly domainId: string;
  /** The template's id. */
  readonly templateId: string;
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
  readonly layoutId?: string;

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
   * The id of an existing template of the domain to take over instead of creating one: the first
   * deployment writes this construct's attributes into it, tags it as owned by this stack and keeps
   * its id. Fails if another stack resource already manages it. Read only when the resource is
   * created; `cdk-connect-cases export` writes it for every template of a live domain.
   *
   * @default - a new template is created
   */
  readonly adoptTemplateId?: string;

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

  public get templateRef(): TemplateReference {
    return { templateArn: this.templateArn };
  }
}

/** A rule as the template holds it until synthesis: the API's shape, plus the rule it came from for validation. */
interface AttachedRule extends TemplateRuleShape {
  readonly caseRule: ICaseRuleRef;
}

/**
 * An Amazon Connect Cases template: the fields a case needs, its default layout and the case
 * rules that apply to its fields.
 *
 * Backed by one custom resource served by the stack's shared cdk-connect-cases handler.
 */
export class Template extends Resource implements ITemplate, ITaggable {
  /** Imports a template by its domain id and template id. */
  public static fromTemplateAttributes(scope: Construct, id: string, attrs: TemplateAttributesProps): ITemplate {
    const arn = formatDomainChildArn(scope, 'template', attrs.domainId, attrs.templateId);
    return new ImportedTemplate(scope, id, attrs.domainId, attrs.templateId, arn);
  }

  /** Imports a template by its ARN (`arn:...:cases:...:domain/{domainId}/template/{templateId}`). */
  public static fromTemplateArn(scope: Construct, id: string, templateArn: string): ITemplate {
    const ids = parseDomainChildArn(templateArn, 'template', `${scope.node.path}/${id}`);
    return new ImportedTemplate(scope, id, ids.domainId, ids.childId, templateArn);
  }

  public readonly domainId: string;
  /** The template's name, given or generated. */
  public readonly templateName: string;
  /** Tags of the template; add them with `Tags.of(...)`. */
  public readonly tags: TagManager;
  private readonly resource: CasesResource;

  // Copied to arrays of their exact length: a list grown by push from empty reserves 17 slots,
  // about 0.3 KB per template that most templates never fill (see `npm run bench`).
  private readonly requiredFields: string[];
  private readonly rules: AttachedRule[];

  constructor(scope: Construct, id: string, props: TemplateProps) {
    super(scope, id);
    this.domainId = props.domainId;
    this.templateName = props.templateName ?? Names.uniqueResourceName(this, { maxLength: LIMITS.NAME_MAX_LENGTH });
    const propagations = props.tagPropagationConfigurations ?? [];

    this.requiredFields = props.requiredFields === undefined ? [] : props.requiredFields.slice();
    this.rules = (props.rules ?? []).map(attachedRule);

    // Every problem at once, including those of lists that grow after construction.
    this.node.addValidation({
      validate: () => [
        checkId("Template property 'domainId'", props.domainId),
        checkName("Template property 'templateName'", this.templateName),
        checkLength("Template property 'description'", props.description, 0, LIMITS.DESCRIPTION_MAX_LENGTH),
        checkId("Template property 'layoutId'", props.layoutId),
        checkId("Template property 'adoptTemplateId'", props.adoptTemplateId),
        duplicatePropagationProblem(propagations),
        ...this.listProblems(),
      ].filter((problem): problem is string => problem !== undefined),
    });

    this.tags = new TagManager(TagType.KEY_VALUE, RESOURCE_TYPES.template);
    this.resource = CasesHandler.of(this).newResource(this, {
      resourceType: RESOURCE_TYPES.template,
      domainId: props.domainId,
      // Rendered at synthesis, so that addRequiredField and addRule after construction are included.
      renderProperties: (): TemplateProperties => ({
        DomainId: props.domainId,
        Name: this.templateName,
        Description: props.description,
        Status: props.status ?? TemplateStatus.ACTIVE,
        LayoutConfiguration: props.layoutId === undefined ? undefined : { defaultLayout: props.layoutId },
        RequiredFields: this.requiredFields.length > 0 ? this.requiredFields.map((fieldId) => ({ fieldId })) : undefined,
        Rules: this.rules.length > 0 ? this.rules.map(({ caseRuleId, fieldId }) => ({ caseRuleId, fieldId })) : undefined,
        TagPropagationConfigurations: propagations.length > 0 ? propagations.map(renderPropagation) : undefined,
        AdoptId: props.adoptTemplateId,
      }),
      tags: this.tags,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
  }

  /** The template's id. Made on first use (each token costs memory). */
  public get templateId(): string {
    return this.attribute('TemplateId');
  }

  /** The template's ARN. */
  public get templateArn(): string {
    return this.attribute('TemplateArn');
  }

  /** A reference to this template, for APIs that take aws-cdk-lib's `ITemplateRef`. */
  public get templateRef(): TemplateReference {
    return { templateArn: this.templateArn };
  }

  /** Requires a field to have a value when a case is created from this template. */
  public addRequiredField(fieldId: string): void {
    this.requiredFields.push(fieldId);
  }

  /**
   * Attaches a case rule to a field of this template.
   *
   * @param caseRule the rule, from the template's domain
   * @param fieldId the field it acts on; omit only for a field-options rule
   */
  public addRule(caseRule: ICaseRuleRef, fieldId?: string): void {
    this.rules.push(attachedRule({ caseRule, fieldId }));
  }

  /** Limits of the lists, and each attached rule's own problems. */
  private listProblems(): Array<string | undefined> {
    const problems: Array<string | undefined> = [
      checkCount("Template property 'requiredFields'", this.requiredFields.length, 0, LIMITS.MAX_REQUIRED_FIELDS, 'fields'),
      checkCount("Template property 'rules'", this.rules.length, 0, LIMITS.MAX_TEMPLATE_RULES, 'rules'),
      ...this.requiredFields.map((fieldId, i) => checkId(`Template property 'requiredFields[${i}]'`, fieldId)),
    ];
    // `rules[i]` names a rule given in props and one added with addRule alike: both append.
    this.rules.forEach(({ caseRule, fieldId }, i) => {
      const property = `rules[${i}]`;
      const subject = `Template property '${property}'`;
      problems.push(
        checkId(`Template property '${property}.fieldId'`, fieldId),
        ruleDomainProblem(subject, caseRule, this.domainId),
        missingFieldProblem(subject, caseRule, fieldId),
      );
    });
    const duplicateField = firstDuplicate(this.requiredFields);
    if (duplicateField !== undefined) {
      problems.push(`Template property 'requiredFields' must not list a field twice; received ${this.describe(duplicateField)} more than once`);
    }
    const ruleKeys = this.rules.map(({ caseRuleId, fieldId }) => JSON.stringify([caseRuleId, fieldId ?? null]));
    const duplicateRule = firstDuplicate(ruleKeys);
    if (duplicateRule !== undefined) {
      const [ruleId, fieldId] = JSON.parse(duplicateRule) as [string, string | null];
      problems.push(
        `Template property 'rules' must not attach a rule twice to the same field; received rule ${this.describe(ruleId)} `
        + `on field ${fieldId === null ? '(none)' : this.describe(fieldId)} more than once`,
      );
    }
    return problems;
  }

  /** Typed by the contract, so a renamed attribute fails to compile here rather than at deploy. */
  private attribute(name: keyof TemplateAttributes): string {
    return this.resource.getAttString(name);
  }

  /** A value for a message; a token is shown as the expression it stands for. */
  private describe(value: string): string {
    return Token.isUnresolved(value) ? JSON.stringify(Stack.of(this).resolve(value)) : describeValue(value);
  }
}

/** Derives the rule's id once, so that validation and the rendered template see the same token. */
function attachedRule({ caseRule, fieldId }: TemplateRule): AttachedRule {
  return { caseRuleId: caseRuleIdOf(caseRule), fieldId, caseRule };
}

/** The rule's id: known to our constructs and imports; otherwise read from the reference's ARN. */
function caseRuleIdOf(caseRule: ICaseRuleRef): string {
  const known = (caseRule as Partial<ICaseRule>).caseRuleId;
  if (known !== undefined) return known;
  return parseDomainChildArn(caseRule.caseRuleRef.caseRuleArn, 'case-rule', caseRule.node.path).childId;
}

function renderPropagation(configuration: TagPropagationConfiguration): TagPropagationConfigurationShape {
  const tags = configuration.tags;
  // Sorted, so the template does not depend on the order the tags were written in.
  const tagMap = Object.fromEntries(Object.keys(tags).sort().map((key) => [key, tags[key]]));
  return { resourceType: configuration.resourceType ?? TagPropagationResourceType.CASES, tagMap };
}

function duplicatePropagationProblem(configurations: TagPropagationConfiguration[]): string | undefined {
  const duplicate = firstDuplicate(configurations.map((c) => c.resourceType ?? TagPropagationResourceType.CASES));
  return duplicate === undefined
    ? undefined
    : `Template property 'tagPropagationConfigurations' must have at most one configuration per resource type; received '${duplicate}' more than once`;
}

/** A rule from another domain cannot be attached; known only when both ids are plain strings. */
function ruleDomainProblem(subject: string, caseRule: ICaseRuleRef, domainId: string): string | undefined {
  const ruleDomainId = (caseRule as Partial<ICaseRule>).domainId;
  if (ruleDomainId === undefined || Token.isUnresolved(ruleDomainId) || Token.isUnresolved(domainId)) return undefined;
  if (ruleDomainId === domainId) return undefined;
  return `${subject} must use a case rule of the template's domain '${domainId}'; received rule ${caseRule.node.path} of domain '${ruleDomainId}'`;
}

/** Required and hidden rules act on one field, which the template must name. */
function missingFieldProblem(subject: string, caseRule: ICaseRuleRef, fieldId: string | undefined): string | undefined {
  if (fieldId !== undefined) return undefined;
  const ruleType = ruleTypeOf(caseRule);
  if (ruleType === undefined || ruleType === CaseRuleType.FIELD_OPTIONS) return undefined;
  return `${subject} must give 'fieldId' for a ${ruleType} rule (only field-options rules name their own fields); received none for rule ${caseRule.node.path}`;
}

/** The kind of rule, when it is known at synth: our constructs, and aws-cdk-lib's L1 (required or hidden only). */
function ruleTypeOf(caseRule: ICaseRuleRef): CaseRuleType | undefined {
  if (caseRule instanceof CaseRule) return caseRule.rule.ruleType;
  if (caseRule instanceof CfnCaseRule && !Token.isUnresolved(caseRule.rule)) {
    const rule = caseRule.rule as CfnCaseRule.CaseRuleDetailsProperty;
    if (rule.required !== undefined) return CaseRuleType.REQUIRED;
    if (rule.hidden !== undefined) return CaseRuleType.HIDDEN;
  }
  return undefined;
}
