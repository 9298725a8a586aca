import { OWNER_TAG_KEY } from '../../lib/private/contract';
import { SeededDomain, seedDomain } from '../support/domain';
import { HandlerHarness } from '../support/handler-harness';
import {
  ASSIGNED_ID_KINDS, CASE_RULE, ManagedKindUnderTest, ManagedProperties, TEMPLATE, createFailedMarkerPattern, ownerTagValueOf,
} from '../support/kinds';

/**
 * Answers lost after the write committed (issue #10): creates take no client token, so the handler
 * must find what a lost create made, adopt it when it provably is its own, and clean it up on
 * rollback. After each scenario the fake holds exactly what the stack declares: no duplicate, and
 * nothing live after a rollback or a delete.
 */

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterEach(() => harness.fake.setFaults({}));
afterAll(() => harness.close());

interface Declared {
  readonly logicalResourceId: string;
  readonly properties: ManagedProperties;
}

/** Exactly one live record per declared resource, in order, with its content, its user tag and its owner tag; nothing else. */
function expectExactly(kind: ManagedKindUnderTest, domain: SeededDomain, declared: Declared[]): void {
  const held = kind.records(harness.fake, domain.domainId, { includeDeleted: true }).map(({ deleted, content, tags }) => ({ deleted, content, tags }));
  expect(held).toStrictEqual(declared.map(({ logicalResourceId, properties }) => ({
    deleted: false,
    content: kind.contentOf(properties),
    tags: { ...Object.fromEntries((properties.Tags ?? []).map((tag) => [tag.Key, tag.Value])), [OWNER_TAG_KEY]: ownerTagValueOf(logicalResourceId) },
  })));
}

/** Nothing live: every record ever created (`count` of them) is deleted. */
function expectAllDeleted(kind: ManagedKindUnderTest, domain: SeededDomain, count: number): void {
  expect(kind.records(harness.fake, domain.domainId, { includeDeleted: true }).map((record) => record.deleted)).toStrictEqual(Array(count).fill(true));
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const RESOURCES = 10;

describe('half of the answers of an operation lost after commit', () => {
  test.each<{ operation: string; kind: ManagedKindUnderTest; loseAnswerAs: 'serverError' | 'dropConnection' }>([
    { operation: 'CreateCaseRule', kind: CASE_RULE as ManagedKindUnderTest, loseAnswerAs: 'serverError' },
    { operation: 'CreateCaseRule', kind: CASE_RULE as ManagedKindUnderTest, loseAnswerAs: 'dropConnection' },
    { operation: 'CreateTemplate', kind: TEMPLATE as ManagedKindUnderTest, loseAnswerAs: 'serverError' },
    { operation: 'CreateTemplate', kind: TEMPLATE as ManagedKindUnderTest, loseAnswerAs: 'dropConnection' },
    { operation: 'TagResource', kind: CASE_RULE as ManagedKindUnderTest, loseAnswerAs: 'serverError' },
    { operation: 'TagResource', kind: TEMPLATE as ManagedKindUnderTest, loseAnswerAs: 'dropConnection' },
  ])('GIVEN half of the $operation answers lost ($loseAnswerAs) WHEN $kind.noun resources are created, updated and deleted THEN every step succeeds, with no duplicate and nothing left',
    async ({ operation, kind, loseAnswerAs }) => {
      const domain = seedDomain(harness.fake);
      const declared: Declared[] = Array.from({ length: RESOURCES }, (_, i) => ({
        logicalResourceId: `Resource${i}`,
        properties: kind.properties(domain, { Name: `${kind.noun} ${i}` }),
      }));
      harness.fake.resetInjectedFaults();
      harness.fake.setFaults({ loseAnswerRate: 0.5, loseAnswerOperations: [operation], loseAnswerAs, seed: 11 });

      const created = [];
      for (const { logicalResourceId, properties } of declared) {
        created.push((await harness.invoke(harness.events.create(kind.resourceType, properties, { logicalResourceId }))).body);
      }
      const lost = harness.fake.injectedFaults().filter((fault) => fault.fault === 'loseAnswer' && fault.outcome === 'committed');
      const records = kind.records(harness.fake, domain.domainId);
      expect(lost.length).toBeGreaterThan(0);
      expect(created.map(({ Status, PhysicalResourceId }) => ({ Status, PhysicalResourceId })))
        .toStrictEqual(records.map((record) => ({ Status: 'SUCCESS', PhysicalResourceId: record.id })));
      expectExactly(kind, domain, declared);

      const updated = declared.map(({ logicalResourceId, properties }) => ({
        logicalResourceId, properties: { ...kind.changed(domain, properties), Tags: [{ Key: 'team', Value: 'billing' }, { Key: 'env', Value: 'prod' }] },
      }));
      for (const [i, { logicalResourceId, properties }] of updated.entries()) {
        const { body } = await harness.invoke(harness.events.update(kind.resourceType, records[i].id, properties, declared[i].properties, { logicalResourceId }));
        expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: records[i].id });
      }
      expectExactly(kind, domain, updated);

      for (const [i, { logicalResourceId, properties }] of updated.entries()) {
        const { body } = await harness.invoke(harness.events.delete(kind.resourceType, records[i].id, properties, { logicalResourceId }));
        expect(body.Status).toBe('SUCCESS');
      }
      expectAllDeleted(kind, domain, RESOURCES);
    });
});

describe.each(ASSIGNED_ID_KINDS)('a %s whose create commits after the handler gave up', (_name, kind) => {
  const ops = kind.operations;

  test('GIVEN the create commits just after the deadline WHEN CloudFormation rolls back the FAILED Create THEN its Delete finds the late record and deletes it', async () => {
    const domain = seedDomain(harness.fake);
    const properties = kind.properties(domain);
    harness.fake.resetInjectedFaults();
    // 2 s left: the handler's deadline is 1.5 s; the write commits at 2.2 s, after the answer.
    harness.fake.setFaults({ delayedCommitOperations: [ops.create], commitDelayMs: 2_200, delayedCommitLimit: 1 });

    const created = await harness.invoke(harness.events.create(kind.resourceType, properties), { remainingMs: 2_000 });
    const heldAtAnswer = kind.records(harness.fake, domain.domainId, { includeDeleted: true });
    await waitFor('the late commit', () => harness.fake.injectedFaults().some((fault) => fault.fault === 'delayedCommit' && fault.outcome === 'committed'));
    const late = kind.records(harness.fake, domain.domainId, { includeDeleted: true });
    harness.fake.resetCallCounts();
    const rolledBack = await harness.invoke(harness.events.delete(kind.resourceType, created.body.PhysicalResourceId, properties));

    expect(created.body.Status).toBe('FAILED');
    expect(created.body.Reason).toMatch(new RegExp(`^timed out after [\\d.]+s during ${ops.create} on ${kind.noun} '${properties.Name}' in domain ${domain.domainId}`));
    expect(created.body.PhysicalResourceId).toMatch(createFailedMarkerPattern(created.body.RequestId));
    expect(heldAtAnswer).toStrictEqual([]);
    expect(late).toEqual([expect.objectContaining({ deleted: false, tags: {}, content: kind.contentOf(properties) })]);
    expect(rolledBack.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.body.PhysicalResourceId });
    expect(harness.fake.callCounts()).toStrictEqual({ [ops.list]: 1, [ops.read]: 1, [ops.delete]: 1 });
    expectAllDeleted(kind, domain, 1);
  });

  test('GIVEN the create\'s answer was lost and the invocation ended without answering WHEN Lambda retries the same event THEN the retry takes the record over: one record, owned, and the stack\'s Delete leaves nothing', async () => {
    const domain = seedDomain(harness.fake);
    const properties = kind.properties(domain);
    const event = harness.events.create(kind.resourceType, properties);
    // The create commits but answers 500; the look-up hangs until the deadline; no answer reaches CloudFormation.
    harness.fake.setFaults({ loseAnswerRate: 1, loseAnswerOperations: [ops.create], hangOperations: [ops.list] });
    harness.responses.failNext(4);
    await expect(harness.invoke(event, { remainingMs: 1_500 })).rejects.toThrow(/received 0/);
    harness.fake.setFaults({});
    harness.responses.failNext(0);

    const retried = await harness.invoke(event);

    const [record] = kind.records(harness.fake, domain.domainId, { includeDeleted: true });
    expect(retried.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: record.id, Data: kind.attributesOf(record) });
    expectExactly(kind, domain, [{ logicalResourceId: 'Resource', properties }]);
    const deleted = await harness.invoke(harness.events.delete(kind.resourceType, record.id, properties));
    expect(deleted.body.Status).toBe('SUCCESS');
    expectAllDeleted(kind, domain, 1);
  });
});
