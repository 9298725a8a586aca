import { App, Stack, Tags } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import {
  CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, FieldOption, FieldOptions, Template, TemplateStatus,
} from '../../../lib';

export type FieldName = 'Stage' | 'Priority' | 'Notes' | 'Category' | 'Subcategory';
export const FIELD_NAMES: readonly FieldName[] = ['Stage', 'Priority', 'Notes', 'Category', 'Subcategory'];
/** The fields a field-options rule maps are single-select; the others hold text. */
const SINGLE_SELECT: readonly FieldName[] = ['Category', 'Subcategory'];
export type LayoutName = 'LayoutMain' | 'LayoutOther';
export type RuleName = 'NotesRequired' | 'NotesHidden' | 'SubcategoryOptions';
export type RuleVersion = 1 | 2;

/** What the template of the stack declares; absent means "not set". */
export interface TemplateVariant {
  readonly templateName?: string;
  readonly description?: string;
  readonly status?: TemplateStatus;
  readonly layout?: LayoutName;
  readonly requiredFields?: FieldName[];
  readonly rules?: Array<{ readonly rule: RuleName; readonly field?: FieldName }>;
  readonly tagPropagation?: Record<string, string>;
  readonly tags?: Record<string, string>;
  /** Field ids required besides `requiredFields`, taken literally (e.g. one that does not exist). */
  readonly extraRequiredFieldIds?: string[];
  /** Rule descriptions that differ from RULE_DESCRIPTIONS; `null` for none. */
  readonly ruleDescriptions?: Partial<Record<RuleName, string | null>>;
  /** Rule names (`caseRuleName`) other than the construct id. */
  readonly ruleNames?: Partial<Record<RuleName, string>>;
  /** 2: every rule's body (conditions, values, default, mappings) differs from version 1, the default. */
  readonly ruleVersion?: RuleVersion;
  /**
   * The options of Subcategory, declared with `FieldOptions` (which the field-options rule then
   * names as its child field, so CloudFormation writes them first); absent means no `FieldOptions`.
   */
  readonly subcategoryOptions?: FieldOption[];
}

export const DEFAULT_TEMPLATE_NAME = 'Attributes';

/**
 * A domain with five fields (Category and Subcategory single-select), two layouts, the options of
 * Subcategory when the variant declares them, the case rules the variant's template uses (and no
 * others: a rule the template stops using leaves the app), and the template.
 */
export function attributeStack(stackName: string, variant: TemplateVariant): (app: App) => Stack {
  return (app) => {
    const stack = new Stack(app, stackName);
    const domainId = new cases.CfnDomain(stack, 'Domain', { name: `${stackName}-domain` }).attrDomainId;
    const fields = Object.fromEntries(FIELD_NAMES.map((name) =>
      [name, new cases.CfnField(stack, name, { domainId, name, type: SINGLE_SELECT.includes(name) ? 'SingleSelect' : 'Text' }).attrFieldId])) as Record<FieldName, string>;
    if (variant.subcategoryOptions !== undefined) {
      fields.Subcategory = new FieldOptions(stack, 'SubcategoryFieldOptions', { domainId, fieldId: fields.Subcategory, options: variant.subcategoryOptions }).fieldId;
    }
    const layouts = Object.fromEntries((['LayoutMain', 'LayoutOther'] as const).map((name) => [name, new cases.CfnLayout(stack, name, {
      domainId,
      name,
      content: { basic: { topPanel: { sections: [{ fieldGroup: { fields: [{ id: fields.Stage }] } }] } } },
    }).attrLayoutId])) as Record<LayoutName, string>;

    const used = new Set((variant.rules ?? []).map((r) => r.rule));
    const rules = Object.fromEntries([...used].map((name) => [name, new CaseRule(stack, name, {
      domainId, caseRuleName: ruleName(variant, name), description: ruleDescription(variant, name), rule: ruleDefinition(name, variant.ruleVersion ?? 1, fields),
    })])) as Record<RuleName, CaseRule>;

    const template = new Template(stack, 'Template', {
      domainId,
      templateName: variant.templateName ?? DEFAULT_TEMPLATE_NAME,
      description: variant.description,
      status: variant.status,
      layoutId: variant.layout === undefined ? undefined : layouts[variant.layout],
      requiredFields: [...(variant.requiredFields ?? []).map((name) => fields[name]), ...(variant.extraRequiredFieldIds ?? [])],
      rules: (variant.rules ?? []).map((r) => ({ caseRule: rules[r.rule], fieldId: r.field === undefined ? undefined : fields[r.field] })),
      tagPropagationConfigurations: variant.tagPropagation === undefined ? undefined : [{ tags: variant.tagPropagation }],
    });
    for (const [key, value] of Object.entries(variant.tags ?? {})) Tags.of(template).add(key, value);
    return stack;
  };
}

export const RULE_DESCRIPTIONS: Record<RuleName, string | undefined> = {
  NotesRequired: 'Notes are required once a case is escalated or reopened',
  NotesHidden: 'Notes are hidden unless the priority is 1 or the status is empty',
  SubcategoryOptions: undefined,
};

export function ruleDescription(variant: TemplateVariant, name: RuleName): string | undefined {
  const description = variant.ruleDescriptions?.[name];
  return description === null ? undefined : description ?? RULE_DESCRIPTIONS[name];
}

export function ruleName(variant: TemplateVariant, name: RuleName): string {
  return variant.ruleNames?.[name] ?? name;
}

function ruleDefinition(name: RuleName, version: RuleVersion, fields: Record<FieldName, string>): CaseRuleDefinition {
  const { equalTo, notEqualTo } = CaseRuleCondition;
  switch (`${name}@${version}`) {
    case 'NotesRequired@1':
      return CaseRuleDefinition.required({
        conditions: [CaseRuleCondition.anyOf({
          conditions: [
            equalTo({ fieldId: fields.Stage, value: CaseRuleValue.fromString('escalated') }),
            equalTo({ fieldId: fields.Stage, value: CaseRuleValue.fromString('reopened') }),
          ],
          result: true,
        })],
        defaultValue: false,
      });
    case 'NotesRequired@2':
      return CaseRuleDefinition.required({
        conditions: [CaseRuleCondition.allOf({
          conditions: [
            notEqualTo({ fieldId: fields.Stage, value: CaseRuleValue.fromString('closed') }),
            equalTo({ fieldId: fields.Priority, value: CaseRuleValue.fromNumber(2.5) }),
          ],
          result: false,
        })],
        defaultValue: true,
      });
    case 'NotesHidden@1':
      return CaseRuleDefinition.hidden({
        conditions: [
          equalTo({ fieldId: fields.Priority, value: CaseRuleValue.fromNumber(1), result: false }),
          notEqualTo({ fieldId: fields.Stage, value: CaseRuleValue.empty(), result: true }),
          equalTo({ fieldId: fields.Category, value: CaseRuleValue.fromBoolean(true), result: false }),
        ],
        defaultValue: true,
      });
    case 'NotesHidden@2':
      return CaseRuleDefinition.hidden({
        conditions: [
          equalTo({ fieldId: fields.Stage, value: CaseRuleValue.fromString('archived'), result: true }),
          notEqualTo({ fieldId: fields.Category, value: CaseRuleValue.fromBoolean(false), result: true }),
        ],
        defaultValue: false,
      });
    case 'SubcategoryOptions@1':
      return CaseRuleDefinition.fieldOptions({
        parentFieldId: fields.Category,
        childFieldId: fields.Subcategory,
        mappings: [{ parentValue: 'hardware', childValues: ['laptop', 'phone'] }, { parentValue: 'software', childValues: ['crash'] }],
      });
    case 'SubcategoryOptions@2':
      return CaseRuleDefinition.fieldOptions({
        parentFieldId: fields.Category,
        childFieldId: fields.Subcategory,
        mappings: [
          { parentValue: 'hardware', childValues: ['laptop'] },
          { parentValue: 'software', childValues: ['crash', 'hang'] },
          { parentValue: 'services', childValues: [] },
        ],
      });
    default:
      throw new Error(`no rule ${name} version ${version}`);
  }
}
