import { CaseRuleRecord, TemplateRecord } from '../../fake';
import { byName, ownerTag } from '../expectations';
import { CfnTemplate, SimulatedStack } from '../simulator';
import { DEFAULT_TEMPLATE_NAME, FieldName, RuleName, RuleVersion, TemplateVariant, ruleDescription, ruleName } from './attribute-stack';
import { logicalIdOf } from './template-queries';

/**
 * What the Cases API must hold for a deployed `attributeStack(variant)`: written out in the API's
 * shapes (exact JSON types: booleans, numbers, `emptyValue: {}`), independently of the handler.
 */
export function expectedState(stack: SimulatedStack, template: CfnTemplate, variant: TemplateVariant): { rules: CaseRuleRecord[]; templates: TemplateRecord[] } {
  const domainId = stack.attribute('Domain', 'DomainId');
  const field = (name: FieldName) => stack.attribute(name, 'FieldId');
  const ruleLogicalId = (name: RuleName) => logicalIdOf(template, name);
  const arn = (kind: string, id: string) => `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/${kind}/${id}`;

  const usedRules = [...new Set((variant.rules ?? []).map((r) => r.rule))];
  const rules = usedRules.map((name): CaseRuleRecord => {
    const caseRuleId = stack.resource(ruleLogicalId(name)).physicalId;
    const description = ruleDescription(variant, name);
    return {
      caseRuleId,
      caseRuleArn: arn('case-rule', caseRuleId),
      name: ruleName(variant, name),
      ...(description === undefined ? {} : { description }),
      rule: ruleBody(name, variant.ruleVersion ?? 1, field),
      deleted: false,
      tags: ownerTag(stack, ruleLogicalId(name)),
    };
  });

  const templateLogicalId = logicalIdOf(template, 'Template');
  const templateId = stack.resource(templateLogicalId).physicalId;
  const expectedTemplate: TemplateRecord = {
    templateId,
    templateArn: arn('template', templateId),
    name: variant.templateName ?? DEFAULT_TEMPLATE_NAME,
    ...(variant.description === undefined ? {} : { description: variant.description }),
    status: variant.status ?? 'Active',
    ...(variant.layout === undefined ? {} : { layoutConfiguration: { defaultLayout: stack.attribute(variant.layout, 'LayoutId') } }),
    requiredFields: [...(variant.requiredFields ?? []).map(field), ...(variant.extraRequiredFieldIds ?? [])].map((fieldId) => ({ fieldId })),
    rules: (variant.rules ?? []).map((r) => ({
      caseRuleId: stack.resource(ruleLogicalId(r.rule)).physicalId,
      ...(r.field === undefined ? {} : { fieldId: field(r.field) }),
    })),
    ...(variant.tagPropagation === undefined ? {} : { tagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: variant.tagPropagation }] }),
    deleted: false,
    tags: { ...variant.tags, ...ownerTag(stack, templateLogicalId) },
  };
  return { rules: rules.sort(byName), templates: [expectedTemplate] };
}

function ruleBody(name: RuleName, version: RuleVersion, field: (name: FieldName) => string): unknown {
  const operands = (fieldName: FieldName, operandTwo: unknown, result: boolean) => ({ operandOne: { fieldId: field(fieldName) }, operandTwo, result });
  switch (`${name}@${version}`) {
    case 'NotesRequired@1':
      // anyOf: each nested condition carries the compound's result.
      return {
        required: {
          defaultValue: false,
          conditions: [{
            orAll: {
              conditions: [
                { equalTo: operands('Stage', { stringValue: 'escalated' }, true) },
                { equalTo: operands('Stage', { stringValue: 'reopened' }, true) },
              ],
            },
          }],
        },
      };
    case 'NotesRequired@2':
      return {
        required: {
          defaultValue: true,
          conditions: [{
            andAll: {
              conditions: [
                { notEqualTo: operands('Stage', { stringValue: 'closed' }, false) },
                { equalTo: operands('Priority', { doubleValue: 2.5 }, false) },
              ],
            },
          }],
        },
      };
    case 'NotesHidden@1':
      return {
        hidden: {
          defaultValue: true,
          conditions: [
            { equalTo: operands('Priority', { doubleValue: 1 }, false) },
            { notEqualTo: operands('Stage', { emptyValue: {} }, true) },
            { equalTo: operands('Category', { booleanValue: true }, false) },
          ],
        },
      };
    case 'NotesHidden@2':
      return {
        hidden: {
          defaultValue: false,
          conditions: [
            { equalTo: operands('Stage', { stringValue: 'archived' }, true) },
            { notEqualTo: operands('Category', { booleanValue: false }, true) },
          ],
        },
      };
    case 'SubcategoryOptions@1':
      return {
        fieldOptions: {
          parentFieldId: field('Category'),
          childFieldId: field('Subcategory'),
          parentChildFieldOptionsMappings: [
            { parentFieldOptionValue: 'hardware', childFieldOptionValues: ['laptop', 'phone'] },
            { parentFieldOptionValue: 'software', childFieldOptionValues: ['crash'] },
          ],
        },
      };
    case 'SubcategoryOptions@2':
      return {
        fieldOptions: {
          parentFieldId: field('Category'),
          childFieldId: field('Subcategory'),
          parentChildFieldOptionsMappings: [
            { parentFieldOptionValue: 'hardware', childFieldOptionValues: ['laptop'] },
            { parentFieldOptionValue: 'software', childFieldOptionValues: ['crash', 'hang'] },
            { parentFieldOptionValue: 'services', childFieldOptionValues: [] },
          ],
        },
      };
    default:
      throw new Error(`no rule ${name} version ${version}`);
  }
}
