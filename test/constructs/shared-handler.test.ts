import { App, Aspects, CfnParameter, CfnResource, Stack, Tags } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { CaseRule, Template } from '../../lib';
import { CASE_RULE_TYPE, TEMPLATE_TYPE, newStack, onlyResource, requiredWhenClosed, synth } from './helpers';

/** Every Cases action the handler may send in a domain (details per resource: test/permissions). */
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
  'cases:BatchGetField',
  'cases:BatchPutFieldOptions',
  'cases:ListFieldOptions',
];

/** `arn:${Partition}:cases:${Region}:${Account}:domain/<domainPath>` as Stack.formatArn renders it. */
function casesArn(...domainPath: unknown[]): unknown {
  return {
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cases:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ...domainPath]],
  };
}

/** Every ARN of a literal domain id that the handler is granted. */
function domainResources(domainId: string): unknown[] {
  return ['', '/case-rule/*', '/template/*', '/layout/*', '/field/*'].map((suffix) => casesArn(`:domain/${domainId}${suffix}`));
}

/** Two rules and a template in domain-1, a rule and a template in a token domain. */
function twoDomainStack(): Stack {
  const { stack } = newStack();
  const tokenDomain = new CfnParameter(stack, 'OtherDomain').valueAsString;
  const a = new CaseRule(stack, 'A', { domainId: 'domain-1', rule: requiredWhenClosed() });
  const b = new CaseRule(stack, 'B', { domainId: 'domain-1', rule: requiredWhenClosed() });
  new Template(stack, 'T1', { domainId: 'domain-1', rules: [{ caseRule: a, fieldId: 'f1' }, { caseRule: b, fieldId: 'f2' }] });
  const c = new CaseRule(stack, 'C', { domainId: tokenDomain, rule: requiredWhenClosed() });
  new Template(stack, 'T2', { domainId: tokenDomain, rules: [{ caseRule: c, fieldId: 'f1' }] });
  return stack;
}

/** Policies of the handler's role, by logical id, with their statements. */
function policies(template: Assertions): Record<string, any[]> {
  const found = template.findResources('AWS::IAM::Policy');
  return Object.fromEntries(Object.entries(found).map(([id, policy]) => [id, policy.Properties.PolicyDocument.Statement]));
}

/** The policy granting Cases actions, by logical id, that lists `arn` among its resources. */
function policyGranting(template: Assertions, arn: unknown): string {
  const ids = Object.entries(policies(template))
    .filter(([, statements]) => statements.some((s) => JSON.stringify(s.Resource) === JSON.stringify(arn)))
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one policy granting ${JSON.stringify(arn)}, found ${ids.length}`);
  return ids[0];
}

describe('one handler per stack', () => {
  test('rules and templates in two domains share one function, one role and log group; each domain has one policy', () => {
    const template = synth(twoDomainStack());
    template.resourceCountIs(CASE_RULE_TYPE, 3);
    template.resourceCountIs(TEMPLATE_TYPE, 2);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('AWS::IAM::Role', 1);
    // The log grant, and one policy per domain.
    template.resourceCountIs('AWS::IAM::Policy', 3);
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.resourceCountIs('AWS::Lambda::Permission', 0);
  });

  test('each extra CaseRule in a known domain adds exactly one resource, its custom resource', () => {
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

  test('a rule in a new domain adds its custom resource and that domain\'s policy, nothing else', () => {
    // GIVEN
    const { stack } = newStack();
    new CaseRule(stack, 'First', { domainId: 'domain-1', rule: requiredWhenClosed() });
    const before = synth(stack).toJSON().Resources;

    // WHEN
    const { stack: stack2 } = newStack();
    new CaseRule(stack2, 'First', { domainId: 'domain-1', rule: requiredWhenClosed() });
    new CaseRule(stack2, 'Second', { domainId: 'domain-2', rule: requiredWhenClosed() });
    const after = synth(stack2).toJSON().Resources;

    // THEN
    const added = Object.keys(after).filter((id) => !(id in before));
    expect(added.map((id) => after[id].Type).sort()).toEqual(['AWS::IAM::Policy', CASE_RULE_TYPE]);
    for (const id of Object.keys(before)) {
      expect(after[id]).toEqual(before[id]);
    }
  });

  test('each domain\'s policy grants the Cases actions on that domain\'s ARNs only, each ARN once', () => {
    const template = synth(twoDomainStack());
    const tokenDomainArns = ['', '/case-rule/*', '/template/*', '/layout/*', '/field/*']
      .map((suffix) => casesArn(':domain/', { Ref: 'OtherDomain' }, ...(suffix ? [suffix] : [])));

    for (const arns of [domainResources('domain-1'), tokenDomainArns]) {
      const statements = policies(template)[policyGranting(template, arns[0])];
      expect(statements.map((s) => s.Resource)).toEqual(arns);
      expect([...new Set(statements.flatMap((s) => s.Action))].sort()).toEqual([...CASES_ACTIONS].sort());
    }
    // Nothing in any policy is granted on every resource.
    expect(JSON.stringify(policies(template))).not.toMatch(/"Resource":"\*"|"\*"[\],]/);
  });

  test('every custom resource depends on its own domain\'s policy, so Create is authorized and Delete runs before the grant goes', () => {
    const stack = twoDomainStack();
    const template = synth(stack);
    const literalPolicy = policyGranting(template, domainResources('domain-1')[0]);
    const tokenPolicy = policyGranting(template, casesArn(':domain/', { Ref: 'OtherDomain' }));
    const resources = template.toJSON().Resources;
    const dependencies = Object.fromEntries(['A', 'B', 'T1', 'C', 'T2'].map((id) => {
      const resource = stack.node.findChild(id).node.defaultChild as CfnResource;
      return [id, resources[stack.getLogicalId(resource)].DependsOn];
    }));
    expect(dependencies).toEqual({ A: [literalPolicy], B: [literalPolicy], T1: [literalPolicy], C: [tokenPolicy], T2: [tokenPolicy] });
  });

  test('the role has no managed policy and may only write to its own log group', () => {
    const template = synth(twoDomainStack());
    const role = onlyResource(template, 'AWS::IAM::Role');
    expect(role.properties.ManagedPolicyArns).toBeUndefined();
    expect(role.properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
    ]);
    const logGroupId = onlyResource(template, 'AWS::Logs::LogGroup').logicalId;
    const logStatements = Object.values(policies(template)).flat().filter((s) => [s.Action].flat().some((a: string) => a.startsWith('logs:')));
    expect(logStatements).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
    ]);
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
      expect(policy.Properties.Roles).toEqual([{ Ref: role.logicalId }]);
    }
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

  test('the function waits for its role and its log grant, so its first invocation can log', () => {
    const template = synth(twoDomainStack());
    const roleId = onlyResource(template, 'AWS::IAM::Role').logicalId;
    const logPolicy = Object.entries(policies(template))
      .find(([, statements]) => statements.some((s) => [s.Action].flat().includes('logs:PutLogEvents')))![0];
    const fn = onlyResource(template, 'AWS::Lambda::Function').resource;
    // The role by reference (CloudFormation orders a resource after those it reads attributes of),
    // the log grant by DependsOn.
    expect(fn.Properties.Role).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
    expect(fn.DependsOn).toEqual([logPolicy]);
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
    // GIVEN two apps, each with a rule in its own domain
    const first = newStack();
    new CaseRule(first.stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
    const second = newStack();
    new CaseRule(second.stack, 'Rule', { domainId: 'domain-2', rule: requiredWhenClosed() });

    // THEN the second app's handler is granted its own domain only
    const template = synth(second.stack);
    template.resourceCountIs('AWS::IAM::Policy', 2);
    const granted = Object.values(policies(template)).flat().filter((s) => [s.Action].flat().includes('cases:CreateCaseRule'));
    expect(granted.map((s) => s.Resource)).toEqual(domainResources('domain-2').slice(0, 2));
  });

  test('a missing handler bundle is reported with how to build it', () => {
    // The module object itself: `import * as fs` would give a frozen copy that cannot be spied on.
    const fs: typeof import('node:fs') = require('node:fs');
    const readFileSync = fs.readFileSync;
    const missing = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    const spy = jest.spyOn(fs, 'readFileSync').mockImplementation(((file: string, ...rest: unknown[]) => {
      if (/assets[\\/]handler[\\/]index\.js$/.test(String(file))) throw missing;
      return (readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync);
    try {
      const { stack } = newStack();
      expect(() => new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() }))
        .toThrow(/assets[\\/]handler[\\/]index\.js is missing; run npm run build/);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('logical ids', () => {
  /** A stack with the handler, a rule and a template that refers to it, and their CloudFormation elements. */
  function ruleAndTemplate(): { app: App; stack: Stack; rule: CaseRule; ruleResource: CfnResource; templateResource: CfnResource } {
    const { app, stack } = newStack();
    const rule = new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
    const template = new Template(stack, 'Template', { domainId: 'domain-1', rules: [{ caseRule: rule, fieldId: 'f1' }] });
    return { app, stack, rule, ruleResource: rule.node.defaultChild as CfnResource, templateResource: template.node.defaultChild as CfnResource };
  }

  test('renameLogicalId after the constructs renames the rule, its references and the handler\'s function', () => {
    const { stack, ruleResource } = ruleAndTemplate();
    const fnId = stack.getLogicalId(stack.node.findChild('cdk-connect-cases.CasesHandler').node.findChild('Function').node.defaultChild as CfnResource);
    stack.renameLogicalId(stack.getLogicalId(ruleResource), 'LegacyRule');
    stack.renameLogicalId(fnId, 'LegacyHandler');

    const template = synth(stack);
    expect(onlyResource(template, CASE_RULE_TYPE).logicalId).toBe('LegacyRule');
    expect(onlyResource(template, 'AWS::Lambda::Function').logicalId).toBe('LegacyHandler');
    expect(onlyResource(template, TEMPLATE_TYPE).properties).toMatchObject({
      ServiceToken: { 'Fn::GetAtt': ['LegacyHandler', 'Arn'] },
      Rules: [{ caseRuleId: { 'Fn::GetAtt': ['LegacyRule', 'CaseRuleId'] }, fieldId: 'f1' }],
    });
  });

  test('overrideLogicalId after the constructs wins, in the resource and in references to it', () => {
    const { stack, ruleResource } = ruleAndTemplate();
    ruleResource.overrideLogicalId('MyRule');

    const template = synth(stack);
    expect(onlyResource(template, CASE_RULE_TYPE).logicalId).toBe('MyRule');
    expect(onlyResource(template, TEMPLATE_TYPE).properties.Rules).toEqual([{ caseRuleId: { 'Fn::GetAtt': ['MyRule', 'CaseRuleId'] }, fieldId: 'f1' }]);
  });

  test('an aspect that overrides a logical id still wins over the id fixed at synthesis', () => {
    const { stack, ruleResource } = ruleAndTemplate();
    Aspects.of(stack).add({ visit: (node) => { if (node === ruleResource) ruleResource.overrideLogicalId('FromAspect'); } });

    expect(onlyResource(synth(stack), CASE_RULE_TYPE).logicalId).toBe('FromAspect');
  });

  test('a rule whose id Stack.exportValue locked still synthesizes, with the export of its id', () => {
    const { stack, rule, ruleResource } = ruleAndTemplate();
    stack.exportValue(rule.caseRuleId, { name: 'RuleId' });
    const ruleId = stack.getLogicalId(ruleResource);

    const template = synth(stack);
    expect(onlyResource(template, CASE_RULE_TYPE).logicalId).toBe(ruleId);
    template.hasOutput('*', { Value: { 'Fn::GetAtt': [ruleId, 'CaseRuleId'] }, Export: { Name: 'RuleId' } });
  });

  test('tags that another stack\'s aspect adds while aspects run still reach the handler (aspect stabilization, the v2 default)', () => {
    // CDK refuses to invoke an aspect on a node after one of higher priority ran there: the handler's
    // own aspect must not be what makes a later, lower-priority aspect (Tags: 200) fail on its nodes.
    const { app, stack } = ruleAndTemplate();
    const other = new Stack(app, 'Other');
    Aspects.of(other).add({ visit: (node) => { if (node === other) Tags.of(stack).add('team', 'cases'); } });

    const template = synth(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { Tags: [{ Key: 'team', Value: 'cases' }] });
    template.hasResourceProperties(TEMPLATE_TYPE, { Tags: [{ Key: 'team', Value: 'cases' }] });
  });

  test('a rename made by an aspect that runs after the ids were fixed still applies to the function and its references', () => {
    const { stack, templateResource } = ruleAndTemplate();
    const fn = stack.node.findChild('cdk-connect-cases.CasesHandler').node.findChild('Function').node.defaultChild as CfnResource;
    const fnId = stack.getLogicalId(fn);
    // Added to the template's resource: CDK reaches it after the handler, whose aspect fixes the ids.
    Aspects.of(templateResource).add({ visit: (node) => { if (node === templateResource) stack.renameLogicalId(fnId, 'RenamedByAspect'); } });

    const template = synth(stack);
    expect(onlyResource(template, 'AWS::Lambda::Function').logicalId).toBe('RenamedByAspect');
    expect(onlyResource(template, TEMPLATE_TYPE).properties.ServiceToken).toEqual({ 'Fn::GetAtt': ['RenamedByAspect', 'Arn'] });
  });

  test('overrideLogicalId of the handler\'s function after the constructs wins over the id fixed at synthesis', () => {
    const { stack } = ruleAndTemplate();
    const fn = stack.node.findChild('cdk-connect-cases.CasesHandler').node.findChild('Function').node.defaultChild as CfnResource;
    fn.overrideLogicalId('MyHandler');

    const template = synth(stack);
    expect(onlyResource(template, 'AWS::Lambda::Function').logicalId).toBe('MyHandler');
    expect(onlyResource(template, CASE_RULE_TYPE).properties.ServiceToken).toEqual({ 'Fn::GetAtt': ['MyHandler', 'Arn'] });
  });

  test('a second synthesis gives the same template', () => {
    const { app, stack } = ruleAndTemplate();
    const first = synth(stack).toJSON();
    expect(app.synth({ force: true }).getStackByName(stack.stackName).template).toEqual(first);
  });
});

