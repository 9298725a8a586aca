import { dependencyGraph } from './simulator/dependencies';
import { ResolutionContext, resolve } from './simulator/intrinsics';
import { runInDependencyOrder } from './simulator/scheduler';

/** The simulator's own building blocks, so that the deployment tests stand on tested ground. */

const context: ResolutionContext = {
  values: { 'AWS::Region': 'us-east-1', 'AWS::AccountId': '123456789012', 'AWS::Partition': 'aws' },
  ref: (logicalId) => `physical-${logicalId}`,
  getAtt: (logicalId, attribute) => `${logicalId}.${attribute}-value`,
};

describe('intrinsics', () => {
  test.each<[string, unknown, unknown]>([
    ['Ref of a resource', { Ref: 'Fn' }, 'physical-Fn'],
    ['Ref of a pseudo parameter', { Ref: 'AWS::Region' }, 'us-east-1'],
    ['Fn::GetAtt as a list', { 'Fn::GetAtt': ['Domain', 'DomainId'] }, 'Domain.DomainId-value'],
    ['Fn::GetAtt as a dotted string', { 'Fn::GetAtt': 'Domain.DomainArn' }, 'Domain.DomainArn-value'],
    ['Fn::Join of nested intrinsics', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':x/', { Ref: 'Fn' }]] }, 'arn:aws:x/physical-Fn'],
    ['Fn::Select of Fn::Split', { 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b/c'] }] }, 'b'],
    ['Fn::Sub with pseudo parameters, refs, attributes and variables',
      { 'Fn::Sub': ['${AWS::AccountId}-${Fn}-${Domain.DomainId}-${Extra}', { Extra: { Ref: 'Other' } }] },
      '123456789012-physical-Fn-Domain.DomainId-value-physical-Other'],
    ['nested objects and lists', { a: [{ b: { Ref: 'Fn' } }, true, 1] }, { a: [{ b: 'physical-Fn' }, true, 1] }],
  ])('%s', (_, value, expected) => {
    expect(resolve(value, context)).toStrictEqual(expected);
  });

  test('an unsupported intrinsic is reported with its path', () => {
    expect(() => resolve({ Rule: { Value: { 'Fn::If': ['c', 1, 2] } } }, context)).toThrow('cannot resolve Rule.Value (Fn::If)');
  });
});

describe('dependency graph', () => {
  test('collects Ref, Fn::GetAtt, Fn::Sub and DependsOn, but not parameters or pseudo parameters', () => {
    const graph = dependencyGraph({
      Parameters: { Size: { Type: 'Number', Default: 3 } },
      Resources: {
        A: { Type: 'T' },
        B: { Type: 'T', Properties: { x: { Ref: 'A' }, r: { Ref: 'AWS::Region' }, s: { Ref: 'Size' } } },
        C: { Type: 'T', Properties: { y: { 'Fn::GetAtt': ['B', 'Arn'] }, z: { 'Fn::Sub': '${A.Arn}' } }, DependsOn: ['A'] },
        D: { Type: 'T', DependsOn: 'C' },
      },
    });
    expect(Object.fromEntries([...graph].map(([id, deps]) => [id, [...deps].sort()])))
      .toStrictEqual({ A: [], B: ['A'], C: ['A', 'B'], D: ['C'] });
  });

  test('a reference to an undeclared resource is a template error', () => {
    expect(() => dependencyGraph({ Resources: { B: { Type: 'T', Properties: { x: { Ref: 'Missing' } } } } })).toThrow('B refers to Missing');
  });
});

describe('scheduler', () => {
  /** Runs `graph`, work taking 10 ms (or `slow` ms for `Slow`), failing for ids in `failing`; records start/finish order. */
  async function run(graph: Record<string, string[]>, failing: string[] = [], slow = 10) {
    const log: string[] = [];
    const outcome = await runInDependencyOrder(Object.keys(graph), (id) => graph[id], async (id) => {
      log.push(`start ${id}`);
      await new Promise((resolve) => setTimeout(resolve, id === 'Slow' ? slow : 10));
      log.push(`end ${id}`);
      return !failing.includes(id);
    });
    return { log, outcome };
  }

  test('independent work runs in parallel; dependent work waits for its prerequisites', async () => {
    const { log, outcome } = await run({ A: [], B: [], C: ['A', 'B'] });
    expect(log.slice(0, 2).sort()).toStrictEqual(['start A', 'start B']);
    expect(log.indexOf('start C')).toBeGreaterThan(Math.max(log.indexOf('end A'), log.indexOf('end B')));
    expect(outcome.maxConcurrent).toBe(2);
    expect(outcome.succeeded.sort()).toStrictEqual(['A', 'B', 'C']);
  });

  test('after a failure nothing new starts, but work in progress finishes', async () => {
    const { log, outcome } = await run({ Fails: [], Slow: [], Later: ['Fails'], AfterSlow: ['Slow'] }, ['Fails'], 50);
    expect(log.indexOf('end Slow')).toBeGreaterThan(log.indexOf('end Fails'));
    expect(outcome.failed).toStrictEqual(['Fails']);
    expect(outcome.skipped.sort()).toStrictEqual(['AfterSlow', 'Later']);
  });

  test('a cycle is reported instead of hanging', async () => {
    await expect(run({ A: ['B'], B: ['A'] })).rejects.toThrow('circular dependency among A, B');
  });
});
