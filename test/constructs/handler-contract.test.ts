import { App, Stack, Tags } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import * as cases from 'aws-cdk-lib/aws-cases';
import { buildExampleStack } from '../../bin/example';
import { decodeProperties } from '../../lambda/decode';
import {
  CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, SystemFieldId, Template, TemplateStatus,
} from '../../lib';
import { RESOURCE_TYPES, ShapeName } from '../../lib/private/contract';
import { dropEmptyValues, stringifyScalars } from '../support/cloudformation-encoding';

/**
 * The contract end to end, without AWS: what a construct writes into the template, once
 * CloudFormation has resolved its tokens, stringified its scalars and dropped its empty members,
 * must decode in the handler (`lambda/decode.ts`) to exactly what the construct wrote.
 */

/** The contract shape the handler decodes each resource type with. */
const SHAPE_OF_TYPE: Record<string, ShapeName> = {
  [RESOURCE_TYPES.caseRule]: 'CaseRuleProperties',
  [RESOURCE_TYPES.template]: 'TemplateProperties',
  [RESOURCE_TYPES.fieldOptions]: 'FieldOptionsProperties',
};

/** Members CloudFormation adds for the handler's own use, not part of the contract. */
const SERVICE_MEMBERS = ['ServiceToken', 'ServiceTimeout'];

/**
 * What CloudFormation resolves before invoking the handler: every intrinsic (`Ref`, `Fn::GetAtt`,
 * `Fn::Select`, ...) becomes a string. The same intrinsic gets the same sample string.
 */
function resolveIntrinsics(value: unknown, samples = new Map<string, string>()): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, samples));
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      const key = JSON.stringify(value);
      if (!samples.has(key)) samples.set(key, `resolved-${samples.size + 1}`);
      return samples.get(key);
    }
    return Object.fromEntries(keys.map((key) => [key, resolveIntrinsics((value as Record<string, unknown>)[key], samples)]));
  }
  return value;
}

interface ContractCase {
  /** `<stack>/<logical id>`, for the test name. */
  readonly name: string;
  readonly shape: ShapeName;
  /** The properties as the construct wrote them (tokens resolved): the contract's typed shape. */
  readonly written: Record<string, unknown>;
  /** The same, as CloudFormation delivers them to the handler. */
  readonly delivered: unknown;
}

/** Every custom resource of `stack`, written and delivered. */
function contractCases(stack: Stack): ContractCase[] {
  const resources = Assertions.fromStack(stack).toJSON().Resources as Record<string, any>;
  return Object.entries(resources)
    .filter(([, resource]) => String(resource.Type).startsWith('Custom::'))
    .map(([logicalId, resource]) => {
      const shape = SHAPE_OF_TYPE[resource.Type];
      if (shape === undefined) throw new Error(`${stack.stackName}/${logicalId}: no contract shape for ${resource.Type}`);
      const properties = resolveIntrinsics(resource.Properties) as Record<string, unknown>;
      const written = Object.fromEntries(Object.entries(properties).filter(([key]) => !SERVICE_MEMBERS.includes(key)));
      return { name: `${stack.stackName}/${logicalId}`, shape, written, delivered: dropEmptyValues(stringifyScalars(properties)) };
    });
}

/** A stack with every feature of the constructs: each rule kind, operand and nesting, every template prop. */
function everyFeatureStack(): Stack {
  const app = new App();
  const stack = new Stack(app, 'EveryFeature');
  const domainId = new cases.CfnDomain(stack, 'Domain', { name: 'contract' }).attrDomainId;
  const field = (id: string) => new cases.CfnField(stack, id, { domainId, name: id, type: 'Text' }).attrFieldId;
  const category = field('Category');

  const required = new CaseRule(stack, 'EveryOperand', {
    domainId,
    caseRuleName: 'Every operand',
    description: 'Each operand type, both comparisons, both compounds, two levels',
    adoptCaseRuleId: 'existing-rule',
    rule: CaseRuleDefinition.required({
      conditions: [
        // Strings that read like other types stay strings: the decoder goes by member type.
        CaseRuleCondition.equalTo({ fieldId: SystemFieldId.STATUS, value: CaseRuleValue.fromString('true'), result: true }),
        CaseRuleCondition.notEqualTo({ fieldId: category, value: CaseRuleValue.fromString('1.5'), result: false }),
        CaseRuleCondition.allOf({
          conditions: [
            CaseRuleCondition.equalTo({ fieldId: 'amount', value: CaseRuleValue.fromNumber(0) }),
            CaseRuleCondition.anyOf({
              conditions: [
                CaseRuleCondition.notEqualTo({ fieldId: 'vip', value: CaseRuleValue.fromBoolean(false) }),
                CaseRuleCondition.equalTo({ fieldId: 'reason', value: CaseRuleValue.empty() }),
              ],
            }),
          ],
          result: false,
        }),
      ],
      defaultValue: false,
    }),
  });
  const numbers = new CaseRule(stack, 'Numbers', {
    domainId,
    rule: CaseRuleDefinition.hidden({
      conditions: [
        CaseRuleCondition.anyOf({
          conditions: [
            CaseRuleCondition.equalTo({ fieldId: 'amount', value: CaseRuleValue.fromNumber(-2.5) }),
            CaseRuleCondition.equalTo({ fieldId: 'amount', value: CaseRuleValue.fromNumber(1e21) }),
            CaseRuleCondition.equalTo({ fieldId: 'vip', value: CaseRuleValue.fromBoolean(true) }),
          ],
          result: true,
        }),
      ],
      defaultValue: false,
    }),
  });
  new CaseRule(stack, 'NoConditions', { domainId, rule: CaseRuleDefinition.hidden({ defaultValue: true }) });
  const options = new CaseRule(stack, 'Options', {
    domainId,
    rule: CaseRuleDefinition.fieldOptions({
      parentFieldId: category,
      childFieldId: 'subcategory',
      mappings: [{ parentValue: 'billing', childValues: ['refund', 'false'] }, { parentValue: 'other', childValues: [] }],
    }),
  });
  const l1 = new cases.CfnCaseRule(stack, 'L1Rule', { domainId, name: 'l1', rule: { hidden: { defaultValue: true, conditions: [] } } });

  const template = new Template(stack, 'Everything', {
    domainId,
    templateName: 'Everything',
    description: 'Every template prop',
    status: TemplateStatus.INACTIVE,
    layoutId: new cases.CfnLayout(stack, 'Layout', { domainId, name: 'l', content: { basic: { topPanel: { sections: [] } } } }).attrLayoutId,
    requiredFields: [SystemFieldId.TITLE, category],
    rules: [{ caseRule: required, fieldId: field('Reason') }, { caseRule: options }],
    tagPropagationConfigurations: [{ tags: { team: 'tier-2', flag: 'true' } }],
    adoptTemplateId: 'existing-template',
  });
  template.addRule(numbers, SystemFieldId.SUMMARY);
  template.addRule(l1, 'notes');
  template.addRule(CaseRule.fromCaseRuleAttributes(stack, 'Imported', { domainId, caseRuleId: 'imported-rule' }), 'notes');
  // A propagation without tags: its empty tag map is dropped on the way and must come back.
  new Template(stack, 'EmptyPropagation', { domainId, tagPropagationConfigurations: [{ tags: {} }] });
  new Template(stack, 'Minimal', { domainId });
  Tags.of(template).add('count', '3');
  Tags.of(stack).add('project', 'contract');
  return stack;
}

describe('what the constructs write is what the handler reads', () => {
  const every = contractCases(everyFeatureStack());
  const example = contractCases(buildExampleStack(new App()));

  test.each([...every, ...example].map((c): [string, ContractCase] => [c.name, c]))(
    '%s decodes to exactly the properties the construct wrote',
    (_name, { shape, written, delivered }) => {
      // GIVEN the properties as CloudFormation delivers them: scalars as strings, empty members dropped
      // WHEN the handler decodes them
      const decoded = decodeProperties(delivered, shape);

      // THEN it reads the construct's typed shape, every boolean, number, {} and [] restored
      expect(decoded).toEqual(written);
    },
  );

  test('the stacks cover every kind and the encoding really changes what is delivered', () => {
    // Guards the test above against passing vacuously.
    expect(every.map((c) => c.shape).sort()).toEqual([
      'CaseRuleProperties', 'CaseRuleProperties', 'CaseRuleProperties', 'CaseRuleProperties',
      'TemplateProperties', 'TemplateProperties', 'TemplateProperties',
    ]);
    expect(example.filter((c) => c.shape === 'CaseRuleProperties')).toHaveLength(3);
    expect(example.filter((c) => c.shape === 'TemplateProperties')).toHaveLength(1);
    const changed = (c: ContractCase) => {
      const own = Object.fromEntries(Object.entries(c.delivered as object).filter(([key]) => !SERVICE_MEMBERS.includes(key)));
      return JSON.stringify(own) !== JSON.stringify(c.written);
    };
    // Every rule carries booleans; templates of strings only are delivered as written.
    expect(every.filter(changed).map((c) => c.name.replace(/[0-9A-F]{8}$/, ''))).toEqual([
      'EveryFeature/EveryOperand', 'EveryFeature/Numbers', 'EveryFeature/NoConditions', 'EveryFeature/Options', 'EveryFeature/EmptyPropagation',
    ]);
    expect(example.filter((c) => c.shape === 'CaseRuleProperties').every(changed)).toBe(true);
  });

  describe('values CloudFormation changes on the way', () => {
    const byName = (name: string) => {
      const found = every.find((c) => c.name.startsWith(`EveryFeature/${name}`));
      if (found === undefined) throw new Error(`no resource ${name}`);
      return { ...found, decoded: decodeProperties<any>(found.delivered, found.shape) };
    };

    test('booleans and numbers come back typed; strings that look like them stay strings', () => {
      // GIVEN
      const { delivered, decoded } = byName('EveryOperand');
      const conditions = (rule: any) => rule.Rule.required.conditions;

      // THEN what arrives is text
      expect(conditions(delivered)[0].equalTo.result).toBe('true');
      expect(conditions(delivered)[2].andAll.conditions[0].equalTo.operandTwo).toEqual({ doubleValue: '0' });

      // AND what is decoded is typed by member
      expect(decoded.Rule.required.defaultValue).toBe(false);
      expect(conditions(decoded)[0].equalTo).toEqual({ operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'true' }, result: true });
      expect(conditions(decoded)[1].notEqualTo.operandTwo).toEqual({ stringValue: '1.5' });
      expect(conditions(decoded)[2].andAll.conditions[0].equalTo).toEqual({
        operandOne: { fieldId: 'amount' }, operandTwo: { doubleValue: 0 }, result: false,
      });
      expect(conditions(decoded)[2].andAll.conditions[1].orAll.conditions[0].notEqualTo.operandTwo).toEqual({ booleanValue: false });
      const numbers = byName('Numbers').decoded.Rule.hidden.conditions[0].orAll.conditions;
      expect(numbers.map((c: any) => c.equalTo.operandTwo)).toEqual([{ doubleValue: -2.5 }, { doubleValue: 1e21 }, { booleanValue: true }]);
    });

    test('an empty operand, dropped entirely on the way, comes back as emptyValue: {}', () => {
      const { delivered, decoded } = byName('EveryOperand');
      const path = (rule: any) => rule.Rule.required.conditions[2].andAll.conditions[1].orAll.conditions[1].equalTo;
      expect(path(delivered).operandTwo).toBeUndefined();
      expect(path(decoded)).toEqual({ operandOne: { fieldId: 'reason' }, operandTwo: { emptyValue: {} }, result: false });
    });

    test('empty lists and maps, dropped on the way, come back where the model requires them', () => {
      // GIVEN a hidden rule without conditions, a mapping without child values, a propagation without tags
      const noConditions = byName('NoConditions');
      const options = byName('Options');
      const propagation = byName('EmptyPropagation');

      // THEN
      expect(noConditions.delivered).toMatchObject({ Rule: { hidden: { defaultValue: 'true' } } });
      expect((noConditions.delivered as any).Rule.hidden.conditions).toBeUndefined();
      expect(noConditions.decoded.Rule).toEqual({ hidden: { defaultValue: true, conditions: [] } });
      expect((options.delivered as any).Rule.fieldOptions.parentChildFieldOptionsMappings[1].childFieldOptionValues).toBeUndefined();
      expect(options.decoded.Rule.fieldOptions.parentChildFieldOptionsMappings[1]).toEqual({ parentFieldOptionValue: 'other', childFieldOptionValues: [] });
      expect(propagation.decoded.TagPropagationConfigurations).toEqual([{ resourceType: 'Cases', tagMap: {} }]);
    });

    test('the template\'s lists keep their order, rules without a field stay without one', () => {
      const { decoded } = byName('Everything');
      expect(decoded.RequiredFields[0]).toEqual({ fieldId: 'title' });
      expect(decoded.Rules).toHaveLength(5);
      expect(decoded.Rules[1]).toEqual({ caseRuleId: expect.stringMatching(/^resolved-/) });
      expect(decoded.Rules.slice(2).map((r: any) => r.fieldId)).toEqual(['summary', 'notes', 'notes']);
      expect(decoded.Rules[4].caseRuleId).toBe('imported-rule');
      expect(decoded).toMatchObject({ Status: 'Inactive', AdoptId: 'existing-template', TagPropagationConfigurations: [{ tagMap: { flag: 'true' } }] });
      expect(decoded.Tags).toEqual([{ Key: 'count', Value: '3' }, { Key: 'project', Value: 'contract' }]);
    });
  });
});
