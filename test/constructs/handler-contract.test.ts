import { App } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { buildExampleStack } from '../../bin/example';
import { decodeCaseRule } from '../../lambda/decode-case-rule';
import { decodeTemplate } from '../../lambda/decode-template';
import { CASE_RULE_TYPE, TEMPLATE_TYPE } from './helpers';

/**
 * What CloudFormation hands the handler: intrinsics resolved to strings and every scalar turned
 * into a string. Each intrinsic becomes a distinct placeholder so lists keep their length.
 */
function asDelivered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asDelivered);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      return `resolved:${JSON.stringify(value)}`;
    }
    return Object.fromEntries(keys.map((key) => [key, asDelivered((value as Record<string, unknown>)[key])]));
  }
  return String(value);
}

describe('what the constructs write is what the handler reads', () => {
  const template = Assertions.fromStack(buildExampleStack(new App()));

  test('every case rule of the example decodes into a Cases API request', () => {
    const rules = Object.values(template.findResources(CASE_RULE_TYPE));
    const decoded = rules.map((r) => decodeCaseRule(asDelivered(r.Properties)));
    expect(decoded.map((d) => Object.keys(d.rule))).toEqual([['required'], ['hidden'], ['fieldOptions']]);
    expect(decoded[0]).toMatchObject({
      name: 'Close reason required when closed',
      rule: { required: { defaultValue: false, conditions: [{ equalTo: { operandTwo: { stringValue: 'closed' }, result: true } }] } },
      tags: { project: 'cdk-connect-cases-example' },
    });
  });

  test('the example template decodes with its rules, required fields and tag propagation', () => {
    const [properties] = Object.values(template.findResources(TEMPLATE_TYPE)).map((r) => r.Properties);
    const decoded = decodeTemplate(asDelivered(properties));
    expect(decoded).toMatchObject({
      name: 'Escalation',
      status: 'Active',
      tagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { team: 'tier-2' } }],
      tags: { project: 'cdk-connect-cases-example', tier: '2' },
    });
    expect(decoded.requiredFields).toHaveLength(2);
    expect(decoded.rules?.map((r) => r.fieldId === undefined)).toEqual([false, false, true]);
  });
});
