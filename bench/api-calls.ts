import { CASE_RULE_RESOURCE_TYPE, TEMPLATE_RESOURCE_TYPE } from '../lib/private/resource-properties';
import { seedDomain } from '../test/support/domain';
import { HandlerHarness } from '../test/support/handler-harness';
import { fullTemplateProperties, requiredRuleProperties } from '../test/support/properties';

/** Cases API calls of one handler invocation, by operation, as the loopback fake received them. */
export interface CallCount {
  readonly resource: string;
  readonly request: string;
  readonly total: number;
  readonly byOperation: Record<string, number>;
}

/**
 * Drives the bundled handler through Create, Update and Delete of a case rule and of a template
 * (with every attribute set and one tag), counting the Cases API calls each costs.
 */
export async function countApiCalls(): Promise<CallCount[]> {
  const harness = await HandlerHarness.start();
  const counts: CallCount[] = [];
  const counted = async (resource: string, request: string, invoke: () => Promise<{ body: { Status: string; Reason?: string; PhysicalResourceId: string } }>) => {
    harness.fake.resetCallCounts();
    const { body } = await invoke();
    if (body.Status !== 'SUCCESS') throw new Error(`${request} of a ${resource} failed: ${body.Reason}`);
    const byOperation = harness.fake.callCounts();
    counts.push({ resource, request, byOperation, total: Object.values(byOperation).reduce((a, b) => a + b, 0) });
    return body.PhysicalResourceId;
  };
  try {
    const domain = seedDomain(harness.fake);
    const { events } = harness;

    const rule = requiredRuleProperties(domain);
    const ruleId = await counted('case rule', 'Create', () => harness.invoke(events.create(CASE_RULE_RESOURCE_TYPE, rule)));
    const renamedRule = { ...rule, Name: 'Renamed rule' };
    await counted('case rule', 'Update (name)', () => harness.invoke(events.update(CASE_RULE_RESOURCE_TYPE, ruleId, renamedRule, rule)));

    const template = fullTemplateProperties(domain, [ruleId]);
    const templateId = await counted('template', 'Create', () => harness.invoke(events.create(TEMPLATE_RESOURCE_TYPE, template)));
    const described = { ...template, Description: 'New description' };
    await counted('template', 'Update (description)', () => harness.invoke(events.update(TEMPLATE_RESOURCE_TYPE, templateId, described, template)));
    await counted('template', 'Delete', () => harness.invoke(events.delete(TEMPLATE_RESOURCE_TYPE, templateId, described)));

    await counted('case rule', 'Delete', () => harness.invoke(events.delete(CASE_RULE_RESOURCE_TYPE, ruleId, renamedRule)));
  } finally {
    await harness.close();
  }
  return counts;
}
