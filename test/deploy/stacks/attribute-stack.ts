import { App, Stack, Tags } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import { CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, Template, TemplateStatus } from '../../../lib';

export type FieldName = 'Stage' | 'Priority' | 'Notes' | 'Category' | 'Subcategory';
export const FIELD_NAMES: readonly FieldName[] = ['Stage', 'Priority', 'Notes', 'Category', 'Subcategory'];
export type LayoutName = 'LayoutMain' | 'LayoutOther';
export type RuleName = 'NotesRequired' | 'NotesHidden' | 'SubcategoryOptions';

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
  /** Rule descriptions that differ from RULE_DESCRIPTIONS. */
  readonly ruleDescriptions?: Partial<Record<RuleName, string>>;
}

export const DEFAULT_TEMPLATE_NAME = 'Attributes';

/**
 * A domain with five fields and two layouts, the case rules the variant's template uses (and no
 * others: a rule the template stops using leaves the app), and the template.
 */
export function attributeStack(stackName: string, variant: TemplateVariant): (app: App) => Stack {
  return (app) => {
    const stack = new Stack(app, stackName);
    const domainId = new cases.CfnDomain(stack, 'Domain', { name: `${stackName}-domain` }).attrDomainId;
    const fields = Object.fromEntries(FIELD_NAMES.map((name) =>
      [name, new cases.CfnField(stack, name, { domainId, name, type: 'Text' }).attrFieldId])) as Record<FieldName, string>;
    const layouts = Object.fromEntries((['LayoutMain', 'LayoutOther'] as const).map((name) => [name, new cases.CfnLayout(stack, name, {
      domainId,
      name,
      content: { basic: { topPanel: { sections: [{ fieldGroup: { fields: [{ id: fields.Stage }] } }] } } },
    }).attrLayoutId])) as Record<LayoutName, string>;

    const used = new Set((variant.rules ?? []).map((r) => r.rule));
    const rules = Object.fromEntries([...used].map((name) => [name, new CaseRule(stack, name, {
      domainId, caseRuleName: name, description: ruleDescription(variant, name), rule: ruleDefinition(name, fields),
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
  NotesRequired: 'Notes are required once a case is escalated',
  NotesHidden: 'Notes are hidden unless the priority is 1 or the status is empty',
  SubcategoryOptions: undefined,
};

export function ruleDescription(variant: TemplateVariant, name: RuleName): string | undefined {
  return variant.ruleDescriptions?.[name] ?? RULE_DESCRIPTIONS[name];
}

function ruleDefinition(name: RuleName, fields: Record<FieldName, string>): CaseRuleDefinition {
  switch (name) {
    case 'NotesRequired':
      return CaseRuleDefinition.required({
        conditions: [CaseRuleCondition.equalTo({ fieldId: fields.Stage, value: CaseRuleValue.fromString('escalated'), result: true })],
        defaultValue: false,
      });
    case 'NotesHidden':
      return CaseRuleDefinition.hidden({
        conditions: [
          CaseRuleCondition.equalTo({ fieldId: fields.Priority, value: CaseRuleValue.fromNumber(1), result: false }),
          CaseRuleCondition.notEqualTo({ fieldId: fields.Stage, value: CaseRuleValue.empty(), result: true }),
          CaseRuleCondition.equalTo({ fieldId: fields.Category, value: CaseRuleValue.fromBoolean(true), result: false }),
        ],
        defaultValue: true,
      });
    case 'SubcategoryOptions':
      return CaseRuleDefinition.fieldOptions({
        parentFieldId: fields.Category,
        childFieldId: fields.Subcategory,
        mappings: [{ parentValue: 'hardware', childValues: ['laptop', 'phone'] }, { parentValue: 'software', childValues: ['crash'] }],
      });
  }
}
