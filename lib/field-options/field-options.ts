import { Annotations, RemovalPolicy, Resource, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CaseRule } from '../case-rule';
import { CaseRuleDefinition } from '../case-rule-definition';
import { CaseRuleType } from '../case-rule-type';
import { CaseRuleValue } from '../case-rule-value';
import { CasesHandler } from '../private/cases-handler';
import { FieldOptionShape, FieldOptionsAttributes, FieldOptionsProperties, RESOURCE_TYPES } from '../private/contract';
import { optionValueProblems, repeatedOptionValueProblems } from '../private/option-values';
import { checkId, describeValue, problemsOf } from '../private/validate';
import { SystemFieldId } from '../system-fields';
import { FieldOption } from './field-option';
import { readOptionsCsv } from './options-csv';

/** Properties of a `FieldOptions`. */
export interface FieldOptionsProps {
  /** The Cases domain of the field (1-500 characters), e.g. `CfnDomain.attrDomainId`. */
  readonly domainId: string;

  /**
   * The SingleSelect field whose options these are (1-500 characters), e.g. `CfnField.attrFieldId`.
   * Not the system field `status`, whose options cannot be changed.
   */
  readonly fieldId: string;

  /**
   * The options, in the order agents see them: at least one, each value once. More can be added
   * with `addOption`. `FieldOptions.optionsFromValues` and `FieldOptions.optionsFromCsv` build the
   * list from plain values or a CSV file.
   */
  readonly options: FieldOption[];

  /**
   * What happens to the options when this construct leaves the stack or the stack is deleted:
   * `DESTROY` deactivates the options it declares (the Cases API cannot delete an option),
   * `RETAIN` leaves them as they are.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The options of one SingleSelect field of Amazon Connect Cases, which neither CloudFormation nor
 * `CfnField` can declare.
 *
 * The construct owns the options it declares, identified by their values: a deployment writes
 * every declared option whose name or `active` flag differs on the field (BatchPutFieldOptions,
 * 50 options a call) and nothing else; an option removed from the construct is deactivated (the
 * API has no delete); options it never declared, such as those added in the admin website, are
 * left alone. Changing an option's `name` renames it in place; changing its `value` makes another
 * option (deactivate the old one by removing it). Declare each field's options in one
 * `FieldOptions` only.
 *
 * At synth, besides the API's limits, every value that a field-options `CaseRule` of the app uses
 * for this field (as parent or child values) must be an active option declared here. To have
 * CloudFormation write the options before such a rule, give the rule `fieldOptions.fieldId` as its
 * field id.
 *
 * Backed by one custom resource (`Custom::ConnectCasesFieldOptions`) served by the stack's shared
 * cdk-connect-cases handler, whose PhysicalResourceId is `{domainId}/{fieldId}`.
 */
export class FieldOptions extends Resource {
  /** Options whose names are their values, all active, in the order given (e.g. codes agents know). */
  public static optionsFromValues(values: string[]): FieldOption[] {
    return values.map((value) => ({ name: value, value, active: true }));
  }

  /**
   * Options read from CSV text, in file order. Two forms:
   *
   * - With a header row naming the columns, in any order and any case: `value` (required), `name`
   *   (optional; empty or absent means the value) and `active` (optional; `true` or `false` in any
   *   case, empty means `true`), e.g. `name,value,active` then `Billing,billing,true`.
   * - Without one: one value per line, each option named like its value and active.
   *
   * The first row is the header when all its values are `value`, `name` or `active`, one of them
   * `value`. Values follow RFC 4180: a value holding a comma, a quote or a line break is quoted
   * (quotes doubled); white space around values and blank lines are ignored.
   *
   * @throws Error `FieldOptions.optionsFromCsv line <n>: <problem>` for malformed CSV, a wrong header or row
   *   width, a name or value the API would refuse (empty, over 100 characters, ending in white
   *   space, holding a line break), an `active` other than true/false/empty, or a repeated value
   *   (naming the line it repeats).
   */
  public static optionsFromCsv(text: string): FieldOption[] {
    return readOptionsCsv(text);
  }

  /**
   * The field's id, read from this construct's resource: a field-options `CaseRule` given this id
   * is created after the options exist.
   *
   * @attribute
   */
  public readonly fieldId: string;

  /** The Cases domain of the field. */
  public readonly domainId: string;

  /** The field id as given in the props (`fieldId` is the resource's attribute). */
  private readonly declaredFieldId: string;
  private readonly options: FieldOption[];

  constructor(scope: Construct, id: string, props: FieldOptionsProps) {
    super(scope, id);
    this.domainId = props.domainId;
    this.declaredFieldId = props.fieldId;
    // Copied so that a later push onto the caller's array goes through addOption's checks too.
    this.options = props.options.map(copyOption);

    // Every problem at once, each naming the property, the limit and the value (CDK adds the path).
    this.node.addValidation({ validate: () => [...this.limitProblems(), ...this.appProblems()] });

    const resource = CasesHandler.of(this).newResource(this, {
      resourceType: RESOURCE_TYPES.fieldOptions,
      domainId: props.domainId,
      // Rendered at synthesis, so that options added with addOption are included.
      renderProperties: (): FieldOptionsProperties => ({ DomainId: props.domainId, FieldId: props.fieldId, Options: this.options.map(renderOption) }),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    // Typed by the contract, so a renamed attribute fails to compile here rather than at deploy.
    const attribute = (name: keyof FieldOptionsAttributes) => resource.getAttString(name);
    this.fieldId = attribute('FieldId');
  }

  /** Adds an option after the others (checked with the rest at synth). */
  public addOption(option: FieldOption): void {
    this.options.push(copyOption(option));
  }

  /**
   * The options this field offers, according to a field-options rule whose child field is this
   * field, for a case whose fields hold `values`: the active options declared here that the rule
   * allows for the parent's value, in declared order. When the rule does not restrict the child (the
   * parent has no value, or a value the rule does not map), every active option. Child values the
   * rule allows but that are not active options here are left out (the cross-check at synth reports
   * them). Semantics of the rule itself: `CaseRuleDefinition.evaluate`.
   *
   * @param rule a `CaseRuleDefinition.fieldOptions(...)` whose `childFieldId` is this construct's
   *   field (the id given in the props, or `fieldId`); for a `CaseRule`, its `rule`
   * @param values field id (the same string or token used in the rule) to the field's value
   * @throws Error when the rule is not a field-options rule, its child is another field, or it is invalid
   */
  public allowedOptions(rule: CaseRuleDefinition, values: { [fieldId: string]: CaseRuleValue }): FieldOption[] {
    const shape = rule._render().fieldOptions;
    if (rule.ruleType !== CaseRuleType.FIELD_OPTIONS || shape === undefined) {
      throw new Error(`[${this.node.path}] allowedOptions takes a field-options rule; received a ${rule.ruleType} rule`);
    }
    if (shape.childFieldId === undefined || !this.ownsField(shape.childFieldId)) {
      throw new Error(`[${this.node.path}] allowedOptions takes a rule whose child field is this FieldOptions' field `
        + `${this.describeId(this.declaredFieldId)}; the rule's child field is ${this.describeId(shape.childFieldId ?? '')}`);
    }
    const allowed = rule.evaluate(values).childOptions;
    return this.options
      .filter((option) => option.active !== false && (allowed === undefined || allowed.includes(option.value)))
      .map(copyOption);
  }

  /** The API's limits, checked on the values known at synth. */
  private limitProblems(): string[] {
    const subject = (property: string) => `FieldOptions property '${property}'`;
    const problems = problemsOf([
      checkId(subject('domainId'), this.domainId),
      checkId(subject('fieldId'), this.declaredFieldId),
      this.declaredFieldId === SystemFieldId.STATUS
        ? `${subject('fieldId')} must not be the system field '${SystemFieldId.STATUS}', whose options (open and closed) cannot be changed; `
          + `received ${describeValue(this.declaredFieldId)}`
        : undefined,
      this.options.length === 0 ? `${subject('options')} must hold at least 1 option; received 0` : undefined,
    ]);
    this.options.forEach((option, index) => {
      problems.push(...optionValueProblems(subject(`options[${index}].name`), option.name));
      problems.push(...optionValueProblems(subject(`options[${index}].value`), option.value));
    });
    problems.push(...repeatedOptionValueProblems(subject('options'), this.options.map((option) => option.value), 'value'));
    this.warnOfRepeatedNames();
    return problems;
  }

  /**
   * What the rest of the app says about this field: no other FieldOptions declares its options,
   * and the field-options case rules that name it use only active options declared here.
   */
  private appProblems(): string[] {
    const problems: string[] = [];
    for (const construct of this.node.root.node.findAll()) {
      if (construct instanceof FieldOptions && construct !== this
          && this.sameId(construct.domainId, this.domainId) && this.sameId(construct.declaredFieldId, this.declaredFieldId)) {
        problems.push(`FieldOptions property 'fieldId' names the same field as the FieldOptions at '${construct.node.path}': `
          + `declare each field's options in one FieldOptions (each would deactivate the options the other declares); `
          + `received ${this.describeId(this.declaredFieldId)}`);
      }
      if (construct instanceof CaseRule) problems.push(...this.ruleProblems(construct));
    }
    return problems;
  }

  private ruleProblems(rule: CaseRule): string[] {
    const shape = rule.rule.ruleType === CaseRuleType.FIELD_OPTIONS ? rule.rule._render().fieldOptions : undefined;
    if (shape === undefined || !this.sameId(rule.domainId, this.domainId)) return [];
    const mappings = shape.parentChildFieldOptionsMappings;
    const uses: Array<[string, string | undefined, string[]]> = [
      ['parent', shape.parentFieldId, mappings.map((mapping) => mapping.parentFieldOptionValue)],
      ['child', shape.childFieldId, mappings.flatMap((mapping) => mapping.childFieldOptionValues)],
    ];
    const problems: string[] = [];
    for (const [role, fieldId, values] of uses) {
      if (fieldId === undefined || !this.ownsField(fieldId)) continue;
      const missing = [...new Set(values)]
        .filter((value) => !Token.isUnresolved(value))
        .map((value) => ({ value, option: this.options.find((option) => option.value === value) }))
        .filter(({ option }) => option === undefined || option.active === false)
        .map(({ value, option }) => `'${value}' (${option === undefined ? 'not declared' : 'declared inactive'})`);
      if (missing.length > 0) {
        problems.push(`FieldOptions property 'options' lacks ${role} values that the case rule '${rule.node.path}' uses for field `
          + `${this.describeId(this.declaredFieldId)}; each must be an active option: ${missing.join(', ')}`);
      }
    }
    return problems;
  }

  /**
   * The service refuses an option whose name another option of the field has (regardless of case,
   * inactive ones included, as observed through the API's per-option errors; not a stated limit),
   * so a repeat is a warning rather than an error.
   */
  private warnOfRepeatedNames(): void {
    const seen = new Map<string, string>();
    for (const option of this.options) {
      if (Token.isUnresolved(option.name)) continue;
      const key = option.name.toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        Annotations.of(this).addWarningV2('cdk-connect-cases:fieldOptionNameRepeated',
          `FieldOptions property 'options' names the values '${earlier}' and '${option.value}' alike (${describeValue(option.name)}); `
          + 'agents cannot tell them apart, and the service may refuse the second');
      } else {
        seen.set(key, option.value);
      }
    }
  }

  /** Whether `fieldId` is this construct's field: the id given in the props, or the `fieldId` attribute. */
  private ownsField(fieldId: string): boolean {
    return fieldId === this.fieldId || this.sameId(fieldId, this.declaredFieldId);
  }

  /**
   * Whether two ids are the same: the same string, or tokens that resolve to the same expression
   * (two `CfnField.attrFieldId` reads of one field). Ids known only at deploy time and written
   * differently are taken as different: the check then stays silent rather than guess.
   */
  private sameId(a: string, b: string): boolean {
    if (a === b) return true;
    if (!Token.isUnresolved(a) || !Token.isUnresolved(b)) return false;
    const stack = Stack.of(this);
    return JSON.stringify(stack.resolve(a)) === JSON.stringify(stack.resolve(b));
  }

  /** An id for messages: quoted when known, its CloudFormation expression when a token. */
  private describeId(fieldId: string): string {
    return Token.isUnresolved(fieldId) ? JSON.stringify(Stack.of(this).resolve(fieldId)) : `'${fieldId}'`;
  }
}

function copyOption(option: FieldOption): FieldOption {
  return { name: option.name, value: option.value, active: option.active ?? true };
}

function renderOption(option: FieldOption): FieldOptionShape {
  return { name: option.name, value: option.value, active: option.active ?? true };
}
