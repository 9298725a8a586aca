import { Stack } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { buildExampleStack } from '../../bin/example';
import { CaseRule, CaseRuleDefinition } from '../../lib';
import { flattenCfnReference } from '../../lib/private/nag-acknowledgements';
import { buildEveryFeatureApp } from './every-feature-app';
import { AcknowledgedFinding, checkedApp, validate } from './validation-report';

const HANDLER = 'cdk-connect-cases.CasesHandler';
const ARN_PREFIX = 'arn:<AWS::Partition>:cases:<AWS::Region>:<AWS::AccountId>:domain/';
const WILDCARD_RESOURCES = ['case-rule/*', 'template/*', 'layout/*', 'field/*'];

/**
 * The construct path of the handler's policy for a domain, found by what the policy grants (as
 * cdk-nag spells it after synthesis), not by how the library names it.
 */
function domainPolicyPath(stack: Stack, flatDomainId: string): string {
  const policies = stack.node.findChild(HANDLER).node.findAll().filter((c): c is iam.CfnPolicy => c instanceof iam.CfnPolicy);
  const matching = policies.filter((policy) => {
    const statements: Array<{ Resource: unknown }> = stack.resolve(policy.policyDocument).Statement;
    return statements.some((st) => [st.Resource].flat().some((r) => flattenCfnReference(r).startsWith(`${ARN_PREFIX}${flatDomainId}`)));
  });
  if (matching.length !== 1) throw new Error(`expected one policy for ${flatDomainId}, found ${matching.map((p) => p.node.path).join(', ') || 'none'}`);
  return matching[0].node.path;
}

/** The IAM5 findings the library acknowledges for one domain, on that domain's own policy. */
function acknowledgedForDomain(stack: Stack, flatDomainId: string): Array<Partial<AcknowledgedFinding>> {
  const policyPath = domainPolicyPath(stack, flatDomainId);
  return WILDCARD_RESOURCES.map((resource) => ({
    plugin: 'AwsSolutions',
    rule: `AwsSolutions-IAM5[Resource::${ARN_PREFIX}${flatDomainId}/${resource}]`,
    constructPath: policyPath,
    acknowledgedAt: policyPath,
  }));
}

describe('cdk-nag AwsSolutions and CloudFormation Validate', () => {
  test('the example stack has no finding nobody acknowledged, and no warning', () => {
    // GIVEN the example app under both validations
    const app = checkedApp();
    const stack = buildExampleStack(app);

    // WHEN it is synthesized
    const result = validate(app);

    // THEN nothing is left to fix, and only the domain policy's wildcard ARNs are acknowledged, with a reason
    expect(result.findings).toEqual([]);
    expect(result.annotations).toEqual([]);
    expect(sortByRule(result.acknowledged)).toEqual(sortByRule(acknowledgedForDomain(stack, '<Domain.DomainId>'))
      .map((expected) => expect.objectContaining(expected)));
    for (const finding of result.acknowledged) {
      expect(finding.reason).toMatch(/assigns case-rule and template ids on create/);
    }
  });

  test('a stack with every feature and three kinds of domain reference has no finding nobody acknowledged', () => {
    // The app, not the library, chooses how strong its cross-stack references are (else CDK warns).
    const app = checkedApp({ context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
    const { shared, stack } = buildEveryFeatureApp(app);

    const result = validate(app);
    const outputs = app.synth().getStackArtifact(shared.artifactId).template.Outputs;
    const [sharedDomainExport] = Object.values(outputs).map((output: any) => output.Export.Name);
    expect(sharedDomainExport).toMatch(/^SharedDomain:ExportsOutputFnGetAttDomainDomainId/);

    expect(result.findings).toEqual([]);
    expect(result.annotations).toEqual([]);
    // Each domain's ARNs are acknowledged on its own policy, as the template spells them: a local
    // GetAtt, another stack's export, a parameter. Nothing else is acknowledged.
    expect(sortByRule(result.acknowledged)).toEqual(sortByRule([
      ...acknowledgedForDomain(stack, '<Domain.DomainId>'),
      ...acknowledgedForDomain(stack, sharedDomainExport),
      ...acknowledgedForDomain(stack, '<ParameterDomainId>'),
    ]).map((expected) => expect.objectContaining(expected)));
    expect(new Set(result.acknowledged.map((f) => f.constructPath)).size).toBe(3);
  });

  test('with as many domains as the role\'s policies can hold, each policy acknowledges its own domain\'s ARNs only', () => {
    // GIVEN six domains, each with a rule
    const app = checkedApp();
    const stack = new Stack(app, 'ManyDomains');
    const domains = Array.from({ length: 6 }, (_, i) => new cases.CfnDomain(stack, `Domain${i}`, { name: `domain-${i}` }));
    domains.forEach((domain, i) => new CaseRule(stack, `Rule${i}`, {
      domainId: domain.attrDomainId, rule: CaseRuleDefinition.required({ conditions: [], defaultValue: true }),
    }));

    const result = validate(app);

    // THEN six policies, four acknowledged wildcards each, nothing else to fix
    expect(result.findings).toEqual([]);
    expect(result.annotations).toEqual([]);
    expect(sortByRule(result.acknowledged)).toEqual(sortByRule(domains.flatMap((_, i) => acknowledgedForDomain(stack, `<Domain${i}.DomainId>`)))
      .map((expected) => expect.objectContaining(expected)));
  });

  test('the acknowledgements are narrow: a new wildcard in a domain\'s policy is still reported', () => {
    // GIVEN the example stack, with an extra wildcard statement added to its domain's policy
    const app = checkedApp();
    const stack = buildExampleStack(app);
    const policyPath = domainPolicyPath(stack, '<Domain.DomainId>');
    const policy = stack.node.findAll().find((c: IConstruct) => c.node.path === policyPath) as iam.CfnPolicy;
    const document = policy.policyDocument;
    policy.policyDocument = { ...document, Statement: [...document.Statement, { Effect: 'Allow', Action: 'cases:GetCase', Resource: wildcardCases(stack) }] };

    // THEN that finding is reported, the library's own still acknowledged
    const result = validate(app);
    expect(result.findings).toEqual([{
      plugin: 'AwsSolutions',
      rule: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cases:<AWS::Region>:<AWS::AccountId>:domain/*]',
      severity: 'error',
      constructPath: policyPath,
    }]);
    expect(result.acknowledged).toHaveLength(WILDCARD_RESOURCES.length);
  });

  test('both validations run: a non-compliant resource is reported by each', () => {
    // GIVEN the example stack plus a function on a deprecated runtime with an invalid memory size
    const app = checkedApp();
    const stack = buildExampleStack(app);
    const fn = new lambda.CfnFunction(stack, 'Outdated', {
      role: 'arn:aws:iam::123456789012:role/r', runtime: 'nodejs16.x', handler: 'index.handler', code: { zipFile: 'x' }, memorySize: 1,
    });

    const result = validate(app);

    const reportedBy = (plugin: string) => result.findings.filter((f) => f.plugin === plugin && f.constructPath === fn.node.path);
    expect(reportedBy('AwsSolutions').map((f) => f.rule)).toContain('AwsSolutions-L1');
    expect(reportedBy('CloudFormation Validate').length).toBeGreaterThan(0);
  });
});

function wildcardCases(stack: Stack): string {
  return stack.formatArn({ service: 'cases', resource: 'domain', resourceName: '*' });
}

function sortByRule<T extends { rule?: string }>(findings: T[]): T[] {
  return [...findings].sort((a, b) => (a.rule ?? '').localeCompare(b.rule ?? ''));
}
