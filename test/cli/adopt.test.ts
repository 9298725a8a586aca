import path from 'node:path';
import { OWNER_TAG_KEY, RESOURCE_TYPES } from '../../lib/private/contract';
import { expectStatus, handlerEvents } from '../deploy/expectations';
import { CloudFormationSimulator } from '../deploy/simulator';
import { FakeCases } from '../fake';
import { bundleCli, runCli, temporaryDirectory } from './support/cli-runner';
import { synthesizeGenerated } from './support/generated-code';
import { HandBuiltDomain, seedHandBuiltDomain } from './support/hand-built-domain';

/**
 * The whole journey of "bring an existing domain": export a hand-built domain, deploy the
 * generated construct through the deploy simulator (bundled handler, fake Cases), which adopts
 * every record: no create, no content change, the same ids. Then a second export is identical,
 * drift finds nothing, and one edited condition redeploys as exactly one UpdateCaseRule.
 */
let sim: CloudFormationSimulator;
let domain: HandBuiltDomain;
let source: string;
let work: ReturnType<typeof temporaryDirectory>;

beforeAll(async () => {
  bundleCli();
  sim = await CloudFormationSimulator.start();
  work = temporaryDirectory('adopt');
  domain = await seedHandBuiltDomain(sim.fake);
  const run = await runCli(sim.fake, ['export', '--domain-id', domain.domainId, '--class-name', 'SupportDomain']);
  if (run.code !== 0) throw new Error(`export failed: ${run.stderr}`);
  source = run.stdout;
});

afterAll(async () => {
  await sim.close();
  work.remove();
});

/** What the domain holds, without tags (adoption adds the owner tag) and in a stable order. */
function contents(fake: FakeCases, domainId: string) {
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    caseRules: fake.caseRules(domainId).map(({ tags: _, ...rule }) => rule).sort(byName),
    templates: fake.templates(domainId).map(({ tags: _, ...template }) => template).sort(byName),
    options: [domain.fields.category, domain.fields.subcategory, domain.fields.priority].map((fieldId) => fake.fieldOptions(domainId, fieldId)),
  };
}

const WRITES = ['CreateCaseRule', 'UpdateCaseRule', 'DeleteCaseRule', 'CreateTemplate', 'UpdateTemplate', 'DeleteTemplate', 'BatchPutFieldOptions'];

function writeCalls(fake: FakeCases): Record<string, number> {
  const counts = fake.callCounts();
  return Object.fromEntries(WRITES.filter((operation) => counts[operation]).map((operation) => [operation, counts[operation]]));
}

test('deploying the exported construct adopts every record: no create, no content change, the same ids', async () => {
  // GIVEN
  const before = contents(sim.fake, domain.domainId);
  sim.fake.resetCallCounts();

  // WHEN
  const result = await sim.create('Support', synthesizeGenerated(source, 'SupportDomain', domain.domainId));

  // THEN
  expectStatus(result, 'CREATE_COMPLETE');
  expect(writeCalls(sim.fake)).toEqual({});
  expect(contents(sim.fake, domain.domainId)).toStrictEqual(before);
  const stack = sim.stack('Support');
  const physicalIds = (type: string) => stack.logicalIdsOfType(type).map((logicalId) => stack.resource(logicalId).physicalId).sort();
  expect(physicalIds(RESOURCE_TYPES.caseRule)).toEqual(Object.values(domain.rules).sort());
  expect(physicalIds(RESOURCE_TYPES.template)).toEqual(Object.values(domain.templates).sort());
  // Every rule and template is now owned by the stack.
  for (const record of [...sim.fake.caseRules(domain.domainId), ...sim.fake.templates(domain.domainId)]) {
    expect(record.tags).toHaveProperty([OWNER_TAG_KEY]);
  }
});

test('after adoption, a second export is byte-identical and drift finds nothing', async () => {
  const again = await runCli(sim.fake, ['export', '--domain-id', domain.domainId, '--class-name', 'SupportDomain']);
  expect(again.code).toBe(0);
  expect(again.stdout).toBe(source);

  const app = path.join(work.dir, 'deployed');
  synthesizeGenerated(source, 'SupportDomain', domain.domainId, { outdir: app });
  const drift = await runCli(sim.fake, ['drift', '--app', app]);
  expect(drift.code).toBe(0);
  expect(drift.stdout).toContain('No drift: 42 resources in Support: 42 in sync');
});

test('one condition edited in the generated code redeploys as exactly one UpdateCaseRule', async () => {
  // GIVEN the generated file with one condition value changed
  const start = source.indexOf("caseRuleName: 'Close reason required',");
  const at = source.indexOf("CaseRuleValue.fromString('closed')", start);
  const edited = `${source.slice(0, at)}CaseRuleValue.fromString('resolved')${source.slice(at + "CaseRuleValue.fromString('closed')".length)}`;
  const before = contents(sim.fake, domain.domainId);
  sim.fake.resetCallCounts();

  // WHEN
  const result = await sim.update('Support', synthesizeGenerated(edited, 'SupportDomain', domain.domainId));

  // THEN one handler event, one write, and only that condition changed
  expectStatus(result, 'UPDATE_COMPLETE');
  expect(handlerEvents(result).map((event) => event.action)).toEqual(['Update']);
  expect(writeCalls(sim.fake)).toEqual({ UpdateCaseRule: 1 });
  const after = contents(sim.fake, domain.domainId);
  const changed = after.caseRules.find((rule) => rule.name === 'Close reason required')!;
  expect((changed.rule as any).required.conditions[0].equalTo.operandTwo).toEqual({ stringValue: 'resolved' });
  expect(changed.caseRuleId).toBe(domain.rules['Close reason required']);
  expect(after.caseRules.filter((rule) => rule.name !== 'Close reason required'))
    .toStrictEqual(before.caseRules.filter((rule) => rule.name !== 'Close reason required'));
  expect(after.templates).toStrictEqual(before.templates);
});
