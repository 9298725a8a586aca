import { Stack } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { buildExampleStack } from '../../bin/example';
import { CaseRule, CaseRuleDefinition } from '../../lib';
import { buildEveryFeatureApp } from './every-feature-app';
import { AcknowledgedFinding, checkedApp, validate } from './validation-report';

const HANDLER_POLICY = 'cdk-connect-cases.CasesHandler/Role/DefaultPolicy/Resource';
const ARN_PREFIX = 'arn:<AWS::Partition>:cases:<AWS::Region>:<AWS::AccountId>:domain/';

/** The three IAM5 findings the library acknowledges for one domain, as cdk-nag spells the domain. */
function acknowledgedForDomain(stackName: string, flatDomainId: string): Array<Partial<AcknowledgedFinding>> {
  return ['case-rule/*', 'template/*', 'layout/*'].map((resource) => ({
    plugin: 'AwsSolutions',
    rule: `AwsSolutions-IAM5[Resource::${ARN_PREFIX}${flatDomainId}/${resource}]`,
    constructPath: `${stackName}/${HANDLER_POLICY}`,
    acknowledgedAt: `${stackName}/${HANDLER_POLICY}`,
  }));
}

describe('cdk-nag AwsSolutions and CloudFormation Validate', () => {
  test('the example stack has no finding nobody acknowledged, and no warning', () => {
    // GIVEN the example app under both validations
    const app = checkedApp();
    buildExampleStack(app);

    // WHEN it is synthesized
    const result = validate(app);

    // THEN nothing is left to fix, and only the handler's wildcard ARNs are acknowledged, with a reason
    expect(result.findings).toEqual([]);
    expect(result.annotations).toEqual([]);
    expect(result.acknowledged).toEqual(acknowledgedForDomain('ConnectCasesExample', '<Domain.DomainId>')
      .map((expected) => expect.objectContaining(expected)));
    for (const finding of result.acknowledged) {
      expect(finding.reason).toMatch(/assigns case-rule and template ids on create/);
    }
  });

  test('a stack with every feature and three kinds of domain reference has no finding nobody acknowledged', () => {
    // The app, not the library, chooses how strong its cross-stack references are (else CDK warns).
    const app = checkedApp({ context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
    const { shared } = buildEveryFeatureApp(app);

    const result = validate(app);
    const outputs = app.synth().getStackArtifact(shared.artifactId).template.Outputs;
    const [sharedDomainExport] = Object.values(outputs).map((output: any) => output.Export.Name);
    expect(sharedDomainExport).toMatch(/^SharedDomain:ExportsOutputFnGetAttDomainDomainId/);

    expect(result.findings).toEqual([]);
    expect(result.annotations).toEqual([]);
    // Each domain's ARNs are acknowledged as the template spells them: a local GetAtt, another
    // stack's export, a parameter. Nothing else is acknowledged.
    expect(sortByRule(result.acknowledged)).toEqual(sortByRule([
      ...acknowledgedForDomain('EveryFeature', '<Domain.DomainId>'),
      ...acknowledgedForDomain('EveryFeature', sharedDomainExport),
      ...acknowledgedForDomain('EveryFeature', '<ParameterDomainId>'),
    ]).map((expected) => expect.objectContaining(expected)));
  });

  test('with 30 domains the role\'s policy overflows into managed policies, whose findings are acknowledged too', () => {
    // GIVEN more domains than one inline policy (10,240 characters) can list
    const app = checkedApp();
    const stack = new Stack(app, 'ManyDomains');
    for (let i = 0; i < 30; i++) {
      const domainId = new cases.CfnDomain(stack, `Domain${i}`, { name: `domain-${i}` }).attrDomainId;
      new CaseRule(stack, `Rule${i}`, { domainId, rule: CaseRuleDefinition.required({ conditions: [], defaultValue: true }) });
    }

    const result = validate(app);

    // THEN CDK moved statements into overflow managed policies, and nothing is left unacknowledged
    const holders = new Set(result.acknowledged.map((f) => f.constructPath.replace(/^ManyDomains\/cdk-connect-cases.CasesHandler\/Role\//, '')));
    expect([...holders].some((h) => h.startsWith('OverflowPolicy'))).toBe(true);
    expect(result.findings).toEqual([]);
    expect(result.annotations).toEqual([]);
  });

  test('the acknowledgements are narrow: a new wildcard on the handler\'s role is still reported', () => {
    // GIVEN the example stack, with an extra wildcard statement added to the handler's role
    const app = checkedApp();
    const stack = buildExampleStack(app);
    const role = stack.node.findChild('cdk-connect-cases.CasesHandler').node.findChild('Role') as iam.Role;
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['cases:GetCase'], resources: [wildcardCases(stack)] }));

    // THEN that finding is reported, the library's own still acknowledged
    const result = validate(app);
    expect(result.findings).toEqual([{
      plugin: 'AwsSolutions',
      rule: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cases:<AWS::Region>:<AWS::AccountId>:domain/*]',
      severity: 'error',
      constructPath: `ConnectCasesExample/${HANDLER_POLICY}`,
    }]);
    expect(result.acknowledged).toHaveLength(3);
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
