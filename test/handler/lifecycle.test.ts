import { OWNER_TAG_KEY } from '../../lib/private/contract';
import { SeededDomain, seedDomain } from '../support/domain';
import { EventOptions } from '../support/events';
import { HandlerHarness, InvokeOptions } from '../support/handler-harness';
import {
  ASSIGNED_ID_KINDS, ManagedProperties, ManagedRecord, createFailedMarkerPattern, createdThroughHandler, ownerTagValueOf, recordOf,
} from '../support/kinds';
import { without } from '../support/properties';

/**
 * What the one lifecycle (`lambda/lifecycle.ts`) promises for every kind whose id the service
 * assigns: written once, run for case rules and templates. Kind-specific behaviour is in
 * `case-rule.test.ts` and `template.test.ts`.
 */

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterEach(() => harness.fake.setFaults({}));
afterAll(() => harness.close());

/** Longer than any id the API allows (500): no record can have it. */
const IMPOSSIBLE_ID = 'x'.repeat(501);
/** How recent an untagged record must be to count as this request's lost create (lambda/lifecycle.ts). */
const LOST_CREATE_WINDOW_MS = 16 * 60_000;

describe.each(ASSIGNED_ID_KINDS)('the lifecycle of a %s', (_name, kind) => {
  const ops = kind.operations;
  const records = (domain: SeededDomain) => kind.records(harness.fake, domain.domainId, { includeDeleted: true });
  const record = (domain: SeededDomain, id: string) => recordOf(kind, harness.fake, domain.domainId, id);
  const client = () => harness.outOfBandClient();

  const create = (properties: ManagedProperties, options: EventOptions & InvokeOptions = {}) =>
    harness.invoke(harness.events.create(kind.resourceType, properties, options), options);
  const update = (id: string, properties: ManagedProperties, old: ManagedProperties, options: EventOptions & InvokeOptions = {}) =>
    harness.invoke(harness.events.update(kind.resourceType, id, properties, old, options), options);
  const remove = (id: string, properties: ManagedProperties, options: EventOptions = {}) =>
    harness.invoke(harness.events.delete(kind.resourceType, id, properties, options));

  const created = (properties: ManagedProperties, logicalResourceId?: string) => createdThroughHandler(harness, kind, properties, logicalResourceId);

  const ownerTags = (logicalResourceId = 'Resource') => ({ team: 'support', [OWNER_TAG_KEY]: ownerTagValueOf(logicalResourceId) });

  describe('Create', () => {
    test('GIVEN every attribute and a user tag WHEN created THEN the record holds them, carries the user tag and the owner tag, and the answer names it, for one create and one TagResource', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      harness.fake.resetCallCounts();

      const { body } = await create(properties, { logicalResourceId: 'Managed' });

      const all = records(domain);
      expect(all).toHaveLength(1);
      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: all[0].id });
      expect(body.Data).toStrictEqual(kind.attributesOf(all[0]));
      expect(all[0].content).toStrictEqual(kind.contentOf(properties));
      expect(all[0].tags).toStrictEqual(ownerTags('Managed'));
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.create]: 1, TagResource: 1 });
    });

    test('GIVEN a Create that Lambda retries after its first attempt succeeded WHEN it runs again THEN it takes over its own record by name, writes nothing, and answers the same id', async () => {
      const domain = seedDomain(harness.fake);
      const event = harness.events.create(kind.resourceType, kind.properties(domain));
      const first = await harness.invoke(event);
      harness.fake.resetCallCounts();

      const retried = await harness.invoke(event);

      expect(retried.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: first.body.PhysicalResourceId, Data: first.body.Data });
      expect(records(domain)).toHaveLength(1);
      // The create meets the name conflict; the record is found by name and read: its owner tag is ours.
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.create]: 1, [ops.list]: 1, [ops.read]: 1 });
    });

    test.each(['serverError', 'dropConnection'] as const)(
      'GIVEN the create commits but its answer is lost (%s) WHEN created THEN the untagged record of the same content is found by name and taken over, not duplicated',
      async (loseAnswerAs) => {
        const domain = seedDomain(harness.fake);
        const properties = kind.properties(domain);
        harness.fake.setFaults({ loseAnswerRate: 1, loseAnswerOperations: [ops.create], loseAnswerAs });
        harness.fake.resetCallCounts();

        const { body } = await create(properties);

        const all = records(domain);
        expect(all).toHaveLength(1);
        expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: all[0].id, Data: kind.attributesOf(all[0]) });
        expect(all[0].content).toStrictEqual(kind.contentOf(properties));
        expect(all[0].tags).toStrictEqual(ownerTags());
        expect(harness.fake.callCounts()).toStrictEqual({ [ops.create]: 1, [ops.list]: 1, [ops.read]: 1, TagResource: 1 });
      },
    );

    test('GIVEN a throttled create WHEN the deadline passes during the next attempt THEN the timeout still reports the throttling', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      // Deadline 1.5 s: the first attempt is answered (throttled) after 1 s, the second starts by
      // 1.25 s (the pause is at most half the time left) and is cut short by the deadline.
      harness.fake.setFaults({ throttleRate: 1, latencyMs: 1_000 });
      harness.fake.resetCallCounts();

      const { body } = await create(properties, { remainingMs: 2_000 });

      expect(body.Status).toBe('FAILED');
      expect(body.Reason).toMatch(new RegExp(
        `^timed out after [\\d.]+s during ${ops.create} on ${kind.noun} '${properties.Name}' in domain ${properties.DomainId} \\(last error: ThrottlingException`));
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.create]: 2 });
    });

    test('GIVEN every create throttled WHEN created THEN the create is tried again (a throttled create did not commit), never looked up by name, until the deadline', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      harness.fake.setFaults({ throttleRate: 1 });
      harness.fake.resetCallCounts();

      const { body, elapsedMs } = await create(properties, { remainingMs: 2_000 });

      expect(body.Status).toBe('FAILED');
      expect(body.Reason).toMatch(new RegExp(
        `^timed out after [\\d.]+s during ${ops.create} on ${kind.noun} '${properties.Name}' in domain ${properties.DomainId} \\(last error: ThrottlingException`));
      expect(body.PhysicalResourceId).toMatch(createFailedMarkerPattern(body.RequestId));
      expect(elapsedMs).toBeLessThan(2_000);
      const counts = harness.fake.callCounts();
      expect(Object.keys(counts)).toStrictEqual([ops.create]);
      expect(counts[ops.create]).toBeGreaterThan(1);
    });

    describe('a same-named record this request did not create', () => {
      type Foreign = { id: string; why: (record: ManagedRecord) => string; clockOffsetMs?: number };
      const foreigners: [string, (domain: SeededDomain, properties: ManagedProperties) => Promise<Foreign>][] = [
        ['created out of band with other content', async (domain, properties) => ({
          id: await kind.createOutOfBand(client(), kind.changed(domain, properties)),
          why: () => 'was not created by this stack resource (its content differs)',
        })],
        ['of another resource of this stack, with the same content', async (_domain, properties) => ({
          id: await created(properties, 'OtherResource'),
          why: () => 'is managed by another stack resource',
        })],
        ['created out of band with the same content, 17 minutes before this request', async (_domain, properties) => ({
          id: await kind.createOutOfBand(client(), properties),
          why: (foreign) => `was not created by this stack resource (created ${harness.fake.timesOf(foreign.arn).createdTime}, before this request)`,
          clockOffsetMs: LOST_CREATE_WINDOW_MS + 60_000,
        })],
      ];

      test.each(foreigners)('GIVEN a same-named record %s WHEN created THEN FAILED names it, says why and how to fix it, and neither the Create nor its rollback touches it', async (_case, make) => {
        const domain = seedDomain(harness.fake);
        const properties = kind.properties(domain);
        const foreign = await make(domain, properties);
        const original = record(domain, foreign.id);

        const { body } = await harness.withHandlerClockAhead(foreign.clockOffsetMs ?? 0, () => create(properties));
        const rolledBack = await remove(body.PhysicalResourceId, properties);

        const { Name: name, DomainId: domainId } = properties;
        expect(body.Status).toBe('FAILED');
        expect(body.Reason).toBe(`${ops.create} failed for ${kind.noun} '${name}' in domain ${domainId}: ${kind.noun} ${foreign.id} already has `
          + `the name '${name}' in domain ${domainId} and ${foreign.why(original)}; choose another name or delete that ${kind.noun}`);
        expect(body.PhysicalResourceId).toMatch(createFailedMarkerPattern(body.RequestId));
        expect(rolledBack.body.Status).toBe('SUCCESS');
        expect(records(domain)).toStrictEqual([original]);
      });

      test('GIVEN a name with a colon and a same-named record of other content WHEN created THEN the reason quotes the whole name', async () => {
        const domain = seedDomain(harness.fake);
        const properties = kind.properties(domain, { Name: 'Escalation: tier 2' });
        const foreignId = await kind.createOutOfBand(client(), kind.changed(domain, properties));

        const { body } = await create(properties);

        expect(body.Status).toBe('FAILED');
        expect(body.Reason).toMatch(new RegExp(`^${ops.create} failed for ${kind.noun} 'Escalation: tier 2' in domain ${domain.domainId}: `
          + `${kind.noun} ${foreignId} already has the name 'Escalation: tier 2'`));
      });
    });

    test('GIVEN properties the service refuses (a missing field) WHEN created THEN FAILED with the service message and the marker, and the rollback Delete only looks for what the create could have left', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.referencingMissingField(kind.properties(domain));

      const created = await create(properties);
      harness.fake.resetCallCounts();
      const rolledBack = await remove(created.body.PhysicalResourceId, properties);

      expect(created.body.Status).toBe('FAILED');
      expect(created.body.Reason).toMatch(new RegExp(
        `^${ops.create} failed for ${kind.noun} '${properties.Name}' in domain ${domain.domainId}: ResourceNotFoundException: .*no-such-field`));
      expect(created.body.PhysicalResourceId).toMatch(createFailedMarkerPattern(created.body.RequestId));
      expect(rolledBack.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.body.PhysicalResourceId });
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.list]: 1 });
      expect(records(domain)).toHaveLength(0);
    });

    test('GIVEN the marker names when the failed create began WHEN it is read THEN that time lies within the invocation', async () => {
      const domain = seedDomain(harness.fake);
      const before = Date.now();

      const { body } = await create(kind.referencingMissingField(kind.properties(domain)));

      const startedAt = Number(createFailedMarkerPattern(body.RequestId).exec(body.PhysicalResourceId)?.[1]);
      expect(startedAt).toBeGreaterThanOrEqual(before);
      expect(startedAt).toBeLessThanOrEqual(Date.now());
    });

    test('GIVEN tagging hangs after the create WHEN created THEN FAILED names the created record, so that the rollback Delete removes it', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      harness.fake.setFaults({ hangOperations: ['TagResource'] });

      const created = await create(properties, { remainingMs: 2_000 });
      harness.fake.setFaults({});
      const rolledBack = await remove(created.body.PhysicalResourceId, properties);

      const all = records(domain);
      expect(all).toHaveLength(1);
      expect(created.body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: all[0].id });
      expect(created.body.Reason).toMatch(new RegExp(`^timed out after [\\d.]+s during TagResource on ${kind.noun} ${all[0].id} in domain ${domain.domainId}`));
      expect(rolledBack.body.Status).toBe('SUCCESS');
      expect(all[0].deleted).toBe(true);
    });
  });

  describe('Update in place', () => {
    test('GIVEN a record WHEN its content changes THEN it is updated in place, for one read and one update, its tags untouched', async () => {
      const domain = seedDomain(harness.fake);
      const before = kind.properties(domain);
      const id = await created(before);
      const after = kind.changed(domain, before);
      harness.fake.resetCallCounts();

      const { body } = await update(id, after, before);

      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id, Data: kind.attributesOf(record(domain, id)) });
      expect(record(domain, id).content).toStrictEqual(kind.contentOf(after));
      expect(record(domain, id).tags).toStrictEqual(ownerTags());
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.read]: 1, [ops.update]: 1 });
    });

    test('GIVEN tags WHEN one is added, one changed and one removed, and nothing else THEN exactly the new tags and the owner tag, for no content write', async () => {
      const domain = seedDomain(harness.fake);
      const before = kind.properties(domain, { Tags: [{ Key: 'team', Value: 'support' }, { Key: 'cost', Value: 'a' }] });
      const id = await created(before);
      const content = record(domain, id).content;
      harness.fake.resetCallCounts();

      const { body } = await update(id, { ...before, Tags: [{ Key: 'cost', Value: 'b' }, { Key: 'env', Value: 'prod' }] }, before);

      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(record(domain, id).tags).toStrictEqual({ cost: 'b', env: 'prod', [OWNER_TAG_KEY]: ownerTagValueOf('Resource') });
      expect(record(domain, id).content).toStrictEqual(content);
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.read]: 1, TagResource: 1, UntagResource: 1 });
    });

    test('GIVEN user tags WHEN all are removed THEN only the owner tag remains', async () => {
      const domain = seedDomain(harness.fake);
      const before = kind.properties(domain);
      const id = await created(before);

      await update(id, without(before, 'Tags'), before);

      expect(record(domain, id).tags).toStrictEqual({ [OWNER_TAG_KEY]: ownerTagValueOf('Resource') });
    });

    test('GIVEN an Update that changes nothing the record holds WHEN applied THEN it costs only the read', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      const id = await created(properties);
      harness.fake.resetCallCounts();

      const { body } = await update(id, properties, properties);

      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.read]: 1 });
    });

    test('GIVEN an update of content, name and tags WHEN CloudFormation rolls it back (old and new swapped) THEN the previous record is restored exactly', async () => {
      const domain = seedDomain(harness.fake);
      const before = kind.properties(domain);
      const id = await created(before);
      const original = record(domain, id);
      const after = { ...without(kind.changed(domain, before), 'Description'), Name: 'Changed name', Tags: [{ Key: 'other', Value: 'x' }] };
      await update(id, after, before);
      expect(record(domain, id).content).toStrictEqual(kind.contentOf(after));

      const { body } = await update(id, before, after);

      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(record(domain, id)).toStrictEqual(original);
    });

    test('GIVEN an update the service refuses (a missing field) WHEN applied THEN FAILED with the service message and the old id, the record unchanged, and its rollback succeeds', async () => {
      const domain = seedDomain(harness.fake);
      const before = kind.properties(domain);
      const id = await created(before);
      const original = record(domain, id);
      const after = kind.referencingMissingField(before);

      const { body } = await update(id, after, before);
      const rollback = await update(id, before, after);

      expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: id });
      expect(body.Reason).toMatch(new RegExp(`^${ops.update} failed for ${kind.noun} ${id} in domain ${domain.domainId}: ResourceNotFoundException: .*no-such-field`));
      expect(rollback.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(record(domain, id)).toStrictEqual(original);
    });
  });

  describe('Update that replaces the record', () => {
    test('GIVEN a record deleted out of band WHEN updated THEN it is created again with the new content and the new id returned', async () => {
      const domain = seedDomain(harness.fake);
      const before = kind.properties(domain);
      const oldId = await created(before);
      await kind.deleteOutOfBand(client(), domain.domainId, oldId);
      const after = kind.changed(domain, before);
      harness.fake.resetCallCounts();

      const { body } = await update(oldId, after, before);

      const live = records(domain).filter((r) => !r.deleted);
      expect(live).toHaveLength(1);
      expect(live[0].id).not.toBe(oldId);
      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: live[0].id, Data: kind.attributesOf(live[0]) });
      expect(live[0].content).toStrictEqual(kind.contentOf(after));
      expect(live[0].tags).toStrictEqual(ownerTags());
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.read]: 1, [ops.create]: 1, TagResource: 1 });
    });

    test('GIVEN a record WHEN its domain changes THEN a replacement is created in the new domain and its id returned; the old one stays until CloudFormation deletes it', async () => {
      const oldDomain = seedDomain(harness.fake);
      const newDomain = seedDomain(harness.fake);
      const before = kind.properties(oldDomain);
      const oldId = await created(before);
      const after = kind.properties(newDomain);

      const { body } = await update(oldId, after, before);
      const oldAfterUpdate = record(oldDomain, oldId);
      const cleanup = await remove(oldId, before);

      const [replacement] = records(newDomain);
      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: replacement.id, Data: kind.attributesOf(replacement) });
      expect(replacement.id).not.toBe(oldId);
      expect(replacement.content).toStrictEqual(kind.contentOf(after));
      expect(replacement.tags).toStrictEqual(ownerTags());
      expect(oldAfterUpdate.deleted).toBe(false);
      expect(cleanup.body.Status).toBe('SUCCESS');
      expect(record(oldDomain, oldId).deleted).toBe(true);
    });

    test.each([
      ['is denied', { denyOperations: ['TagResource'] }, 'TagResource failed .*AccessDeniedException', 60_000],
      ['hangs until the deadline', { hangOperations: ['TagResource'] }, 'timed out after [\\d.]+s during TagResource', 2_000],
    ])('GIVEN a domain change WHEN tagging the replacement %s THEN FAILED with the old id, and the replacement is deleted again', async (_case, faults, reason, remainingMs) => {
      const oldDomain = seedDomain(harness.fake);
      const newDomain = seedDomain(harness.fake);
      const before = kind.properties(oldDomain);
      const oldId = await created(before);
      const original = record(oldDomain, oldId);
      harness.fake.setFaults(faults);

      const { body } = await update(oldId, kind.properties(newDomain), before, { remainingMs });

      // CloudFormation keeps the old id, so it would never delete the replacement: the handler must.
      expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: oldId });
      expect(body.Reason).toMatch(new RegExp(reason));
      expect(records(newDomain).map((r) => r.deleted)).toStrictEqual([true]);
      expect(record(oldDomain, oldId)).toStrictEqual(original);
    });
  });

  describe('Delete', () => {
    test('GIVEN a record WHEN deleted THEN it is deleted with one call', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      const id = await created(properties);
      harness.fake.resetCallCounts();

      const { body } = await remove(id, properties);

      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(record(domain, id).deleted).toBe(true);
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.delete]: 1 });
    });

    test('GIVEN a record WHEN deleted twice THEN both succeed and it was deleted once', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      const id = await created(properties);

      const first = await remove(id, properties);
      const deleted = record(domain, id);
      const second = await remove(id, properties);

      expect([first.body.Status, second.body.Status]).toStrictEqual(['SUCCESS', 'SUCCESS']);
      expect(deleted.deleted).toBe(true);
      expect(records(domain)).toStrictEqual([deleted]);
    });

    test('GIVEN a record deleted out of band WHEN deleted THEN SUCCESS', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      const id = await created(properties);
      await kind.deleteOutOfBand(client(), domain.domainId, id);

      const { body } = await remove(id, properties);

      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
    });

    test('GIVEN an id that never existed WHEN deleted THEN SUCCESS', async () => {
      const domain = seedDomain(harness.fake);

      const { body } = await remove('c0ffee00-0000-4000-8000-000000000000', kind.properties(domain));

      expect(body.Status).toBe('SUCCESS');
    });

    test('GIVEN an id longer than the API allows WHEN deleted THEN SUCCESS without any call: it never existed', async () => {
      const domain = seedDomain(harness.fake);
      harness.fake.resetCallCounts();

      const { body } = await remove(IMPOSSIBLE_ID, kind.properties(domain));

      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: IMPOSSIBLE_ID });
      expect(harness.fake.callCounts()).toStrictEqual({});
    });
  });

  describe('adoption (AdoptId)', () => {
    test('GIVEN an untagged record with other content and a foreign tag WHEN created with its id as AdoptId THEN it is taken over in place: same id, the declared content, exactly the declared tags and the owner tag, no create', async () => {
      const domain = seedDomain(harness.fake);
      const declared = kind.properties(domain);
      const existingId = await kind.createOutOfBand(client(), kind.changed(domain, declared));
      harness.fake.tag(record(domain, existingId).arn, { console: 'added by hand' });
      harness.fake.resetCallCounts();

      const { body } = await create({ ...declared, AdoptId: existingId });

      const adopted = record(domain, existingId);
      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: existingId, Data: kind.attributesOf(adopted) });
      expect(adopted.content).toStrictEqual(kind.contentOf(declared));
      expect(adopted.tags).toStrictEqual(ownerTags());
      expect(records(domain)).toHaveLength(1);
      expect(harness.fake.callCounts()).toStrictEqual({ [ops.read]: 1, [ops.update]: 1, TagResource: 1, UntagResource: 1 });
    });

    test('GIVEN a record another resource of this stack manages WHEN adopted THEN FAILED says so, and neither the Create nor its rollback touches it', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      const otherId = await created(properties, 'OtherResource');
      const original = record(domain, otherId);

      const { body } = await create({ ...kind.changed(domain, properties), AdoptId: otherId });
      harness.fake.resetCallCounts();
      const rolledBack = await remove(body.PhysicalResourceId, { ...kind.changed(domain, properties), AdoptId: otherId });

      expect(body.Status).toBe('FAILED');
      expect(body.Reason).toBe(`cannot adopt ${kind.noun} ${otherId} in domain ${domain.domainId}: another stack resource already manages it `
        + `(tag ${OWNER_TAG_KEY}); remove it from that stack (with RemovalPolicy.RETAIN) or remove the tag first`);
      expect(body.PhysicalResourceId).toMatch(createFailedMarkerPattern(body.RequestId));
      expect(rolledBack.body.Status).toBe('SUCCESS');
      expect(harness.fake.callCounts()).toStrictEqual({});
      expect(records(domain)).toStrictEqual([original]);
    });

    test.each([
      ['never existed', async () => 'c0ffee00-0000-4000-8000-000000000000'],
      ['was deleted', async (domain: SeededDomain, properties: ManagedProperties) => {
        const id = await kind.createOutOfBand(harness.outOfBandClient(), properties);
        await kind.deleteOutOfBand(harness.outOfBandClient(), domain.domainId, id);
        return id;
      }],
    ])('GIVEN an AdoptId that %s WHEN created THEN FAILED says so and nothing is created', async (_case, adoptable) => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      const adoptId = await adoptable(domain, properties);
      const before = records(domain);

      const { body } = await create({ ...properties, AdoptId: adoptId });

      expect(body.Status).toBe('FAILED');
      expect(body.Reason).toBe(`cannot adopt ${kind.noun} ${adoptId} in domain ${domain.domainId}: it does not exist (or is deleted)`);
      expect(records(domain)).toStrictEqual(before);
    });

    test('GIVEN an adoption whose write the service refuses WHEN created THEN FAILED with the marker, and the rollback Delete leaves the adopted record alone without a call', async () => {
      const domain = seedDomain(harness.fake);
      const properties = kind.properties(domain);
      const existingId = await kind.createOutOfBand(client(), properties);
      const original = record(domain, existingId);
      const refused = { ...kind.referencingMissingField(properties), AdoptId: existingId };

      const { body } = await create(refused);
      harness.fake.resetCallCounts();
      const rolledBack = await remove(body.PhysicalResourceId, refused);

      expect(body.Status).toBe('FAILED');
      expect(body.Reason).toMatch(new RegExp(`^${ops.update} failed for ${kind.noun} ${existingId} in domain ${domain.domainId}: ResourceNotFoundException`));
      expect(body.PhysicalResourceId).toMatch(createFailedMarkerPattern(body.RequestId));
      expect(rolledBack.body.Status).toBe('SUCCESS');
      expect(harness.fake.callCounts()).toStrictEqual({});
      expect(records(domain)).toStrictEqual([original]);
    });
  });
});

