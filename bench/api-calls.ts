/**
 * Cases API calls per custom-resource event, counted at the loopback fake (test/fake) while the
 * bundled handler runs in this process (test/support/handler-harness). Those modules belong to the
 * tests and change with them: they are loaded here only when counting, so that a broken one costs
 * this table, not the whole benchmark.
 */

/** Calls of one event, by operation; or why it could not be counted. */
export interface CallCount {
  readonly resource: string;
  readonly request: string;
  readonly total?: number;
  readonly byOperation?: Record<string, number>;
  readonly notCounted?: string;
}

/** Options on one field in the FieldOptions row (the most a field-options rule's parent usually has). */
export const FIELD_OPTIONS = 500;

type Invoke = () => Promise<{ body: { Status: string; Reason?: string; PhysicalResourceId: string } }>;

export async function countApiCalls(): Promise<CallCount[]> {
  const { HandlerHarness } = await import('../test/support/handler-harness');
  const { seedDomain } = await import('../test/support/domain');
  const { requiredRuleProperties, fullTemplateProperties } = await import('../test/support/properties');
  const { RESOURCE_TYPES } = await import('../lib/private/contract');

  const harness = await HandlerHarness.start();
  const counts: CallCount[] = [];
  /** Runs one event and records its calls; returns the physical id, undefined when it failed. */
  const counted = async (resource: string, request: string, invoke: Invoke): Promise<string | undefined> => {
    harness.fake.resetCallCounts();
    const { body } = await invoke();
    const byOperation = harness.fake.callCounts();
    const total = Object.values(byOperation).reduce((a, b) => a + b, 0);
    if (body.Status !== 'SUCCESS') {
      counts.push({ resource, request, byOperation, total, notCounted: `answered ${body.Status}: ${String(body.Reason).slice(0, 160)}` });
      return undefined;
    }
    counts.push({ resource, request, byOperation, total });
    return body.PhysicalResourceId;
  };
  try {
    const domain = seedDomain(harness.fake);
    const { events } = harness;

    const rule = requiredRuleProperties(domain);
    const ruleId = await counted('case rule', 'Create', () => harness.invoke(events.create(RESOURCE_TYPES.caseRule, rule)));
    if (ruleId === undefined) return counts;
    const renamedRule = { ...rule, Name: 'Renamed rule' };
    await counted('case rule', 'Update (name)', () => harness.invoke(events.update(RESOURCE_TYPES.caseRule, ruleId, renamedRule, rule)));

    const template = fullTemplateProperties(domain, [ruleId]);
    const templateId = await counted('template', 'Create', () => harness.invoke(events.create(RESOURCE_TYPES.template, template)));
    if (templateId !== undefined) {
      const described = { ...template, Description: 'New description' };
      await counted('template', 'Update (description)', () => harness.invoke(events.update(RESOURCE_TYPES.template, templateId, described, template)));
      await counted('template', 'Delete', () => harness.invoke(events.delete(RESOURCE_TYPES.template, templateId, described)));
    }
    await counted('case rule', 'Delete', () => harness.invoke(events.delete(RESOURCE_TYPES.caseRule, ruleId, renamedRule)));

    await countFieldOptionsCalls(harness, domain.domainId, RESOURCE_TYPES, counted, counts);
  } finally {
    await harness.close();
  }
  return counts;
}

/**
 * The hook for FieldOptions: `FIELD_OPTIONS` options on one SingleSelect field, created, one of them
 * renamed, then deleted. Reported as not counted while the kind or its handler support is missing.
 */
async function countFieldOptionsCalls(
  harness: any, domainId: string, resourceTypes: Record<string, string>,
  counted: (resource: string, request: string, invoke: Invoke) => Promise<string | undefined>, counts: CallCount[],
): Promise<void> {
  const resource = `field options (${FIELD_OPTIONS} on one field)`;
  if (resourceTypes.fieldOptions === undefined) {
    counts.push({ resource, request: 'all', notCounted: 'the contract has no FieldOptions resource type yet' });
    return;
  }
  const fieldId: string = harness.fake.addField(domainId, { name: 'Subcategory', type: 'SingleSelect' });
  const options = Array.from({ length: FIELD_OPTIONS }, (_, i) => ({ name: `Option ${i}`, value: `option-${i}`, active: true }));
  const properties = { DomainId: domainId, FieldId: fieldId, Options: options };
  const type = resourceTypes.fieldOptions;
  const id = await counted(resource, 'Create', () => harness.invoke(harness.events.create(type, properties)));
  if (id === undefined) return;
  const renamed = { ...properties, Options: options.map((o, i) => (i === 0 ? { ...o, name: 'Option zero' } : o)) };
  await counted(resource, 'Update (one option renamed)', () => harness.invoke(harness.events.update(type, id, renamed, properties)));
  await counted(resource, 'Delete', () => harness.invoke(harness.events.delete(type, id, renamed)));
}
