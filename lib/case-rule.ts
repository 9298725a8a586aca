import { Annotations, IResource, ITaggable, Names, RemovalPolicy, Resource, TagManager, TagType } from 'aws-cdk-lib';
import { CaseRuleReference, ICaseRuleRef } from 'aws-cdk-lib/aws-cases';
import { Construct } from 'constructs';
import { CaseRuleDefinition } from './case-rule-definition';
import { LIMITS } from './private/api-limits';
import { formatDomainChildArn, parseDomainChildArn } from './private/arn';
import { CasesHandler, CasesResource } from './private/cases-handler';
import { CaseRuleAttributes, CaseRuleProperties, RESOURCE_TYPES } from './private/contract';
import { checkId, checkLength, checkName } from './private/validate';

/** An Amazon Connect Cases case rule, defined here or imported. */
export interface ICaseRule extends IResource, ICaseRuleRef {
  /**
   * The case rule's id.
   * @attribute
   */
  readonly caseRuleId: string;

  /**
   * The case rule's ARN.
   * @attribute
   */
  readonly caseRuleArn: string;

  /**
   * The id of the Cases domain the rule belongs to.
   * @attribute
   */
  readonly domainId: string;
}

/** The two ids that identify a case rule. */
export interface CaseRuleAttributesProps {
  /** The Cases domain of the rule. */
  readonly domainId: string;
  /** The rule's id. */
  readonly caseRuleId: string;
}

/** Properties of a `CaseRule`. */
export interface CaseRuleProps {
  /** The Cases domain of the rule (1-500 characters), e.g. `CfnDomain.attrDomainId`. */
  readonly domainId: string;

  /**
   * The rule's name (1-100 characters, not ending in white space, unique in the domain).
   *
   * @default - a name unique in the app, generated from the construct path
   */
  readonly caseRuleName?: string;

  /**
   * What the rule is for (at most 255 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /** What the rule says: `CaseRuleDefinition.required`, `.hidden` or `.fieldOptions`. */
  readonly rule: CaseRuleDefinition;

  /**
   * The id of an existing case rule of the domain to take over instead of creating one: the first
   * deployment writes this construct's name, description and rule into it, tags it as owned by this
   * stack and keeps its id, so templates and flows that use it keep working. Fails if another stack
   * resource already manages it. Read only when the resource is created; `cdk-connect-cases export`
   * writes it for every rule of a live domain.
   *
   * @default - a new case rule is created
   */
  readonly adoptCaseRuleId?: string;

  /**
   * What happens to the rule when it leaves the stack or the stack is deleted.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** An imported case rule: only its ids are known. */
class ImportedCaseRule extends Resource implements ICaseRule {
  constructor(
    scope: Construct,
    id: string,
    public readonly domainId: string,
    public readonly caseRuleId: string,
    public readonly caseRuleArn: string,
  ) {
    super(scope, id, { environmentFromArn: caseRuleArn });
  }

  public get caseRuleRef(): CaseRuleReference {
    return { caseRuleArn: this.caseRuleArn };
  }
}

/**
 * An Amazon Connect Cases case rule ("case field condition" in the admin website): makes a field
 * required or hidden under conditions, or limits a field's options by another field's value.
 * Attach it to template fields with `Template`.
 *
 * Backed by one custom resource served by the stack's shared cdk-connect-cases handler.
 */
export class CaseRule extends Resource implements ICaseRule, ITaggable {
  /** Imports a case rule by its domain id and rule id. */
  public static fromCaseRuleAttributes(scope: Construct, id: string, attrs: CaseRuleAttributesProps): ICaseRule {
    const arn = formatDomainChildArn(scope, 'case-rule', attrs.domainId, attrs.caseRuleId);
    return new ImportedCaseRule(scope, id, attrs.domainId, attrs.caseRuleId, arn);
  }

  /** Imports a case rule by its ARN (`arn:...:cases:...:domain/{domainId}/case-rule/{caseRuleId}`). */
  public static fromCaseRuleArn(scope: Construct, id: string, caseRuleArn: string): ICaseRule {
    const ids = parseDomainChildArn(caseRuleArn, 'case-rule', `${scope.node.path}/${id}`);
    return new ImportedCaseRule(scope, id, ids.domainId, ids.childId, caseRuleArn);
  }

  public readonly domainId: string;
  /** The rule's name, given or generated. */
  public readonly caseRuleName: string;
  /** What the rule says. */
  public readonly rule: CaseRuleDefinition;
  /** Tags of the rule; add them with `Tags.of(...)`. */
  public readonly tags: TagManager;
  private readonly resource: CasesResource;

  constructor(scope: Construct, id: string, props: CaseRuleProps) {
    super(scope, id);
    this.domainId = props.domainId;
    this.rule = props.rule;
    this.caseRuleName = props.caseRuleName ?? Names.uniqueResourceName(this, { maxLength: LIMITS.NAME_MAX_LENGTH });

    // Every problem at once, each naming the property, the limit and the value (CDK adds the path).
    this.node.addValidation({
      validate: () => [
        checkId("CaseRule property 'domainId'", props.domainId),
        checkName("CaseRule property 'caseRuleName'", this.caseRuleName),
        checkLength("CaseRule property 'description'", props.description, 0, LIMITS.DESCRIPTION_MAX_LENGTH),
        checkId("CaseRule property 'adoptCaseRuleId'", props.adoptCaseRuleId),
        ...props.rule._validate('rule').map((problem) => `CaseRule ${problem}`),
      ].filter((problem): problem is string => problem !== undefined),
    });
    for (const warning of props.rule._warnings('rule')) {
      Annotations.of(this).addWarningV2('cdk-connect-cases:conditionLimit', `CaseRule ${warning}`);
    }

    this.tags = new TagManager(TagType.KEY_VALUE, RESOURCE_TYPES.caseRule);
    this.resource = CasesHandler.of(this).newResource(this, {
      resourceType: RESOURCE_TYPES.caseRule,
      domainId: props.domainId,
      // Rendered from the typed rule at synthesis, so that the rule is not kept twice.
      renderProperties: (): CaseRuleProperties => ({
        DomainId: props.domainId,
        Name: this.caseRuleName,
        Description: props.description,
        Rule: props.rule._render(),
        AdoptId: props.adoptCaseRuleId,
      }),
      tags: this.tags,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
  }

  /** The rule's id. Made on first use: most rules are never asked for their ARN, and each token costs memory. */
  public get caseRuleId(): string {
    return this.attribute('CaseRuleId');
  }

  /** The rule's ARN. */
  public get caseRuleArn(): string {
    return this.attribute('CaseRuleArn');
  }

  /** A reference to this rule, for APIs that take aws-cdk-lib's `ICaseRuleRef`. */
  public get caseRuleRef(): CaseRuleReference {
    return { caseRuleArn: this.caseRuleArn };
  }

  /** Typed by the contract, so a renamed attribute fails to compile here rather than at deploy. */
  private attribute(name: keyof CaseRuleAttributes): string {
    // The same token every time: CDK keeps one reference per resource and attribute.
    return this.resource.getAttString(name);
  }
}
