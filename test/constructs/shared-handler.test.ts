import { CfnParameter, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { CaseRule, Template } from '../../lib';
import { CASE_RULE_TYPE, TEMPLATE_TYPE, newStack, onlyResource, requiredWhenClosed, synth } from './helpers';

const CASES_ACTIONS = [
  'cases:CreateCaseRule',
  'cases:UpdateCaseRule',
  'cases:DeleteCaseRule',
  'cases:BatchGetCaseRule',
  'cases:ListCaseRules',
  'cases:CreateTemplate',
  'cases:UpdateTemplate',
  'cases:GetTemplate',
  'cases:DeleteTemplate',
  'cases:ListTemplates',
  'cases:TagResource',
  'cases:UntagResource',
];

/** `arn:${Partition}:cases:${Region}:${Account}:domain/<domainPath>` as Stack.formatArn renders it. */
function casesArn(...domainPath: unknown[]): unknown {
  return {
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cases:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ...domainPath]],
  };
}

/** The domain statement's resources for a literal domain id. */
function domainResources(domainId: string): unknown[] {
  return [
    casesArn(`:domain/${domainId}`),
    casesArn(`:domain/${domainId}/case-rule/*`),
    casesArn(`:domain/${domainId}/template/*`),
    casesArn(`:domain/${domainId}/layout/*`),
  ];
}

/** Two rules and a template in domain-1, a rule and a template in a token domain. */
function twoDomainStack(): Stack {
  const { stack } = newStack();
  const tokenDomain = new CfnParameter(stack, 'OtherDomain').valueAsString;
  const a = new CaseRule(stack, 'A', { domainId: 'domain-1', rule: requiredWhenClosed() });
  const b = new CaseRule(stack, 'B', { domainId: 'domain-1', rule: requiredWhenClosed() });
  new Template(stack, 'T1', { domainId: 'domain-1', rules: [{ caseRule: a, field: 'f1' }, { caseRule: b, field: 'f2' }] });
  const c = new CaseRule(stack, 'C', { domainId: tokenDomain, rule: requiredWhenClosed() });
  new Template(stack, 'T2', { domainId: tokenDomain, rules: [{ caseRule: c, field: 'f1' }] });
  return stack;
}

describe('one handler per stack', () => {
  test('several rules and templates in two domains share one function, one role and one policy', () => {
    const template = synth(twoDomainStack());
    template.resourceCountIs(CASE_RULE_TYPE, 3);
    template.resourceCountIs(TEMPLATE_TYPE, 2);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.resourceCountIs('AWS::IAM::Policy', 1);
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.resourceCountIs('AWS::Lambda::Permission', 0);
  });

  test('each extra CaseRule adds exactly one resource, its custom resource', () => {
    // GIVEN a stack with one rule
    const { stack } = newStack();
    new CaseRule(stack, 'First', { domainId: 'domain-1', rule: requiredWhenClosed() });
    const before = synth(stack).toJSON().Resources;

    // WHEN a second rule is added in the same domain
    const { stack: stack2 } = newStack();
    new CaseRule(stack2, 'First', { domainId: 'domain-1', rule: requiredWhenClosed() });
    new CaseRule(stack2, 'Second', { domainId: 'domain-1', rule: requiredWhenClosed() });
    const after = synth(stack2).toJSON().Resources;

    // THEN the only new resource is the rule's, and nothing that existed changed
    const added = Object.keys(after).filter((id) => !(id in before));
    expect(added).toHaveLength(1);
    expect(after[added[0]].Type).toBe(CASE_RULE_TYPE);
    for (const id of Object.keys(before)) {
      expect(after[id]).toEqual(before[id]);
    }
  });

  test('the policy grants Cases actions on each domain\'s ARNs, each ARN once (details: test/permissions)', () => {
    const template = synth(twoDomainStack());
    const policy = onlyResource(template, 'AWS::IAM::Policy').properties;
    const statements: any[] = policy.PolicyDocument.Statement;
    const casesStatements = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('cases:')));

    expect(casesStatements.flatMap((s) => s.Action).sort()).toEqual([...CASES_ACTIONS].sort());
    const granted = casesStatements.flatMap((s) => s.Resource);
    const distinct = [...new Map(granted.map((r) => [JSON.stringify(r), r])).values()];
    expect(distinct).toEqual(expect.arrayContaining([
      ...domainResources('domain-1'),
      casesArn(':domain/', { Ref: 'OtherDomain' }),
      casesArn(':domain/', { Ref: 'OtherDomain' }, '/case-rule/*'),
      casesArn(':domain/', { Ref: 'OtherDomain' }, '/template/*'),
      casesArn(':domain/', { Ref: 'OtherDomain' }, '/layout/*'),
    ]));
    expect(distinct).toHaveLength(8);
    // Nothing in the policy is granted on every resource.
    expect(JSON.stringify(policy)).not.toMatch(/"Resource":"\*"|"\*"[\],]/);
  });

  test('the role has no managed policy and may only write to its own log group', () => {
    const template = synth(twoDomainStack());
    const role = onlyResource(template, 'AWS::IAM::Role').properties;
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
    ]);
    const logGroupId = onlyResource(template, 'AWS::Logs::LogGroup').logicalId;
    const statements: any[] = onlyResource(template, 'AWS::IAM::Policy').properties.PolicyDocument.Statement;
    expect(statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('logs:')))).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
    ]);
  });

  test('the function runs the bundled handler as configured, logging to a log group with finite retention', () => {
    const template = synth(twoDomainStack());
    const logGroup = onlyResource(template, 'AWS::Logs::LogGroup');
    expect(logGroup.properties.RetentionInDays).toBe(30);
    expect(logGroup.resource.DeletionPolicy).toBe('Delete');

    const fn = onlyResource(template, 'AWS::Lambda::Function').properties;
    expect(fn).toMatchObject({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 120,
      Architectures: ['arm64'],
      LoggingConfig: { LogGroup: { Ref: logGroup.logicalId } },
      Code: { S3Key: expect.stringMatching(/^[0-9a-f]{64}\.zip$/) },
    });
    expect(fn.Environment).toBeUndefined();
  });

  test('every custom resource uses the handler with a 15-minute service timeout', () => {
    const template = synth(twoDomainStack());
    const fnId = onlyResource(template, 'AWS::Lambda::Function').logicalId;
    for (const type of [CASE_RULE_TYPE, TEMPLATE_TYPE]) {
      template.allResourcesProperties(type, { ServiceToken: { 'Fn::GetAtt': [fnId, 'Arn'] }, ServiceTimeout: '900' });
    }
  });

  test('the function waits for its policy, so the first Create is already authorized', () => {
    const template = synth(twoDomainStack());
    const policyId = onlyResource(template, 'AWS::IAM::Policy').logicalId;
    template.hasResource('AWS::Lambda::Function', { DependsOn: Match.arrayWith([policyId]) });
  });

  test('the handler lives at the stack root under a package-qualified id, also for nested scopes', () => {
    const { stack } = newStack();
    const nested = new Construct(stack, 'Nested');
    new CaseRule(nested, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
    new Template(stack, 'Template', { domainId: 'domain-1' });
    expect(stack.node.tryFindChild('cdk-connect-cases.CasesHandler')).toBeDefined();
    synth(stack).resourceCountIs('AWS::Lambda::Function', 1);
  });

  test('separate apps get separate handlers (no state shared between apps)', () => {
    const first = newStack();
    new CaseRule(first.stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
    const second = newStack();
    new CaseRule(second.stack, 'Rule', { domainId: 'domain-2', rule: requiredWhenClosed() });

    const statements: any[] = onlyResource(synth(second.stack), 'AWS::IAM::Policy').properties.PolicyDocument.Statement;
    const granted = statements.filter((s) => [s.Action].flat().includes('cases:CreateCaseRule')).map((s) => s.Resource);
    expect(granted).toEqual([domainResources('domain-2').slice(0, 2)]);
  });

  test('a missing handler bundle is reported with how to build it', () => {
    // The module object itself: `import * as fs` would give a frozen copy that cannot be spied on.
    const fs: typeof import('node:fs') = require('node:fs');
    const existsSync = jest.spyOn(fs, 'existsSync').mockReturnValue(false);
    try {
      const { stack } = newStack();
      expect(() => new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() }))
        .toThrow(/assets[\\/]handler[\\/]index\.js is missing; run npm run build/);
    } finally {
      existsSync.mockRestore();
    }
  });
});
