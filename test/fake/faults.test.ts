import {
  BatchGetCaseRuleCommand, CreateCaseRuleCommand, CreateTemplateCommand, GetTemplateCommand, ListTemplatesCommand, TagResourceCommand,
  UpdateCaseRuleCommand,
} from '@aws-sdk/client-connectcases';
import { FaultPlan } from './faults/fault-plan';
import { errorOf, statusOf, useFakeAndClient } from './sdk-test-client';

const t = useFakeAndClient();
let domainId: string;
beforeEach(() => { domainId = t.fake.addDomain(); });

const rule = { required: { defaultValue: true, conditions: [] } };
const createRule = (name: string, signal?: AbortSignal) =>
  t.cases.send(new CreateCaseRuleCommand({ domainId, name, rule }), signal ? { abortSignal: signal } : undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the fake has received (and faulted) `count` requests, so that an abort comes after arrival. */
async function untilFaulted(count: number): Promise<void> {
  for (let i = 0; i < 200 && t.fake.injectedFaults().length < count; i++) await sleep(5);
  expect(t.fake.injectedFaults()).toHaveLength(count);
}

describe('lost answers', () => {
  test('the write commits, then the client receives a 500 InternalServerException', async () => {
    t.fake.setFaults({ loseAnswerRate: 1, loseAnswerOperations: ['CreateCaseRule'] });

    const error = await errorOf(createRule('Lost'));

    expect(statusOf(error)).toStrictEqual(['InternalServerException', 500]);
    expect(t.fake.caseRules(domainId).map((r) => r.name)).toStrictEqual(['Lost']);
    expect(t.fake.injectedFaults()).toStrictEqual([{ operation: 'CreateCaseRule', domainId, fault: 'loseAnswer', outcome: 'committed' }]);
  });

  test('or the connection drops without an answer', async () => {
    t.fake.setFaults({ loseAnswerRate: 1, loseAnswerOperations: ['CreateTemplate'], loseAnswerAs: 'dropConnection' });

    const error = await errorOf(t.cases.send(new CreateTemplateCommand({ domainId, name: 'Dropped' })));

    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
    expect(t.fake.templates(domainId).map((x) => x.name)).toStrictEqual(['Dropped']);
  });

  test('an operation that fails answers its own error: nothing committed, nothing lost', async () => {
    await createRule('Taken');
    t.fake.setFaults({ loseAnswerRate: 1 });

    const error = await errorOf(createRule('Taken'));

    expect(statusOf(error)).toStrictEqual(['ConflictException', 409]);
    expect(t.fake.injectedFaults()).toStrictEqual([{ operation: 'CreateCaseRule', domainId, fault: 'loseAnswer', outcome: expect.stringMatching(/^failed: ConflictException/) }]);
  });

  test('by default only operations that change something lose answers', async () => {
    t.fake.setFaults({ loseAnswerRate: 1 });

    await expect(t.cases.send(new ListTemplatesCommand({ domainId }))).resolves.toHaveProperty('templates');
    const { templateArn } = await t.cases.send(new CreateTemplateCommand({ domainId, name: 'T' })).catch(() => ({ templateArn: t.fake.templates(domainId)[0].templateArn }));
    const tag = await errorOf(t.cases.send(new TagResourceCommand({ arn: templateArn!, tags: { k: 'v' } })));

    expect(statusOf(tag)).toStrictEqual(['InternalServerException', 500]);
    expect(t.fake.tagsOf(templateArn!)).toStrictEqual({ k: 'v' });
    expect(t.fake.injectedFaults().map((f) => f.operation)).toStrictEqual(['CreateTemplate', 'TagResource']);
  });

  test('one random draw per request: the same seed loses the same answers, and adding lost answers keeps the throttling pattern', async () => {
    let run = 0;
    async function outcomes(faults: Parameters<typeof t.fake.setFaults>[0]): Promise<string[]> {
      t.fake.setFaults(faults);
      run++;
      const result: string[] = [];
      for (let i = 0; i < 30; i++) {
        result.push(await createRule(`run ${run} rule ${i}`).then(() => 'ok', (error: Error) => error.name));
      }
      return result;
    }

    const first = await outcomes({ seed: 3, throttleRate: 0.2, loseAnswerRate: 0.5 });
    const replay = await outcomes({ seed: 3, throttleRate: 0.2, loseAnswerRate: 0.5 });
    const withoutLoss = await outcomes({ seed: 3, throttleRate: 0.2 });

    expect(replay).toStrictEqual(first);
    expect(new Set(first)).toStrictEqual(new Set(['ok', 'ThrottlingException', 'InternalServerException']));
    expect(withoutLoss.map((o) => o === 'ThrottlingException')).toStrictEqual(first.map((o) => o === 'ThrottlingException'));
    // Every lost answer committed: live rules = ok + lost.
    const committed = [...first, ...replay, ...withoutLoss].filter((o) => o !== 'ThrottlingException').length;
    expect(t.fake.caseRules(domainId)).toHaveLength(committed);
  });

  test('each operation draws from its own sequence: interleaving other operations leaves its faults unchanged', () => {
    const settings = { seed: 20240601, throttleRate: 0.2, serverErrorRate: 0.05 };
    const alone = new FaultPlan(settings);
    const interleaved = new FaultPlan(settings);
    const aloneDecisions: string[] = [];
    const interleavedDecisions: string[] = [];
    for (let i = 0; i < 50; i++) {
      aloneDecisions.push(alone.decide('CreateTemplate', false));
      for (let k = 0; k < i % 4; k++) interleaved.decide('CreateCaseRule', false);
      interleavedDecisions.push(interleaved.decide('CreateTemplate', false));
    }
    expect(interleavedDecisions).toStrictEqual(aloneDecisions);
    expect(new Set(aloneDecisions)).toStrictEqual(new Set(['none', 'throttle', 'serverError']));
    // Another operation's sequence differs from this one's.
    const other = new FaultPlan(settings);
    expect(Array.from({ length: 50 }, () => other.decide('CreateCaseRule', false))).not.toStrictEqual(aloneDecisions);
  });

  test('the rates together may not exceed 1, and the variant must be known', () => {
    expect(() => t.fake.setFaults({ throttleRate: 0.5, serverErrorRate: 0.3, loseAnswerRate: 0.3 })).toThrow('must not exceed 1');
    expect(() => t.fake.setFaults({ loseAnswerAs: 'timeout' as never })).toThrow("'serverError' or 'dropConnection'");
  });
});

describe('delayed commits', () => {
  test('the request never answers; the write commits commitDelayMs later, after the caller gave up', async () => {
    // GIVEN creates that commit 300 ms after they arrive
    t.fake.setFaults({ delayedCommitOperations: ['CreateCaseRule'], commitDelayMs: 300 });
    const abort = new AbortController();
    const started = Date.now();

    // WHEN the caller aborts at its deadline (100 ms)
    const call = errorOf(createRule('Late', abort.signal));
    await untilFaulted(1);
    await sleep(Math.max(0, 100 - (Date.now() - started)));
    abort.abort();
    const gaveUpAt = Date.now();

    // THEN it saw no answer and nothing exists yet
    expect((await call).name).toBe('AbortError');
    expect(t.fake.caseRules(domainId)).toStrictEqual([]);
    // AND the rule appears later, created after the caller gave up
    await sleep(350);
    const [late] = t.fake.caseRules(domainId);
    expect(late.name).toBe('Late');
    const { createdTime } = t.fake.timesOf(late.caseRuleArn);
    expect(Date.parse(createdTime)).toBeGreaterThanOrEqual(gaveUpAt - 5);
    expect(Date.parse(createdTime) - started).toBeGreaterThanOrEqual(290);
    expect(t.fake.injectedFaults()).toStrictEqual([{ operation: 'CreateCaseRule', domainId, fault: 'delayedCommit', outcome: 'committed' }]);
  });

  test('delayedCommitLimit delays only the first requests; invalid input is answered at once', async () => {
    // GIVEN the first two creates are delayed
    t.fake.setFaults({ delayedCommitOperations: ['CreateCaseRule'], commitDelayMs: 50, delayedCommitLimit: 2 });

    // WHEN a valid create is abandoned, an invalid one is sent, and then a third create
    const abort = new AbortController();
    const first = errorOf(createRule('First', abort.signal));
    await untilFaulted(1);
    abort.abort();
    const invalid = await errorOf(t.cases.send(new CreateCaseRuleCommand({ domainId, name: 'bad ', rule })));
    const third = await createRule('Third');
    await first;
    await sleep(80);

    // THEN the invalid one was answered at once, the third normally, and the first committed late
    expect(statusOf(invalid)).toStrictEqual(['ValidationException', 400]);
    expect(third.caseRuleId).toBeDefined();
    expect(t.fake.caseRules(domainId).map((r) => r.name)).toStrictEqual(['Third', 'First']);
    expect(t.fake.injectedFaults().map((f) => f.outcome)).toStrictEqual(['committed', expect.stringMatching(/^failed: ValidationException/)]);
  });
});

describe('timestamps', () => {
  test('createdTime stays, lastModifiedTime moves on update; both in BatchGetCaseRule and GetTemplate', async () => {
    const { caseRuleId, caseRuleArn } = await createRule('Timed');
    const { templateId } = await t.cases.send(new CreateTemplateCommand({ domainId, name: 'Timed' }));
    const before = t.fake.timesOf(caseRuleArn!);
    await sleep(15);

    await t.cases.send(new UpdateCaseRuleCommand({ domainId, caseRuleId, name: 'Timed again' }));

    const after = t.fake.timesOf(caseRuleArn!);
    expect(after.createdTime).toBe(before.createdTime);
    expect(Date.parse(after.lastModifiedTime)).toBeGreaterThan(Date.parse(before.lastModifiedTime));
    const [read] = (await t.cases.send(new BatchGetCaseRuleCommand({ domainId, caseRules: [{ id: caseRuleId! }] }))).caseRules!;
    expect([read.createdTime?.toISOString(), read.lastModifiedTime?.toISOString()]).toStrictEqual([after.createdTime, after.lastModifiedTime]);
    const template = await t.cases.send(new GetTemplateCommand({ domainId, templateId }));
    expect(template.createdTime).toBeInstanceOf(Date);
  });
});

describe('call counts', () => {
  test('callCounts(domainId) counts only the requests that named that domain, a tag call by its resource ARN', async () => {
    const other = t.fake.addDomain();
    t.fake.resetCallCounts();

    const { caseRuleArn } = await createRule('Counted');
    await t.cases.send(new TagResourceCommand({ arn: caseRuleArn!, tags: { k: 'v' } }));
    await t.cases.send(new ListTemplatesCommand({ domainId: other }));

    expect(t.fake.callCounts(domainId)).toStrictEqual({ CreateCaseRule: 1, TagResource: 1 });
    expect(t.fake.callCounts(other)).toStrictEqual({ ListTemplates: 1 });
    expect(t.fake.callCounts()).toStrictEqual({ CreateCaseRule: 1, TagResource: 1, ListTemplates: 1 });
  });
});
