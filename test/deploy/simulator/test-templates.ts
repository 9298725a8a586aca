import { ConnectCasesClient, CreateCaseRuleCommand, DeleteCaseRuleCommand, UpdateCaseRuleCommand } from '@aws-sdk/client-connectcases';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { CustomResourceAnswer, CustomResourceFunction } from './custom-resource-provider';
import { CfnResource, CfnTemplate } from './template-types';

/**
 * Templates and a stand-in handler for the simulator's own tests, independent of the library's
 * constructs and handler: `Custom::TestCaseRule` creates, renames and deletes one case rule.
 */

/** The physical id of a failed create: nothing to delete. */
const CREATE_FAILED = 'create-failed';

export const ALL_RULE_ACTIONS = ['cases:CreateCaseRule', 'cases:UpdateCaseRule', 'cases:DeleteCaseRule'];

/** A role, the handler function running as it, and one Cases domain per name (logical id `Domain<name>`). */
export function baseResources(domains: string[]): Record<string, CfnResource> {
  return {
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      },
    },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Timeout: 30, Runtime: 'nodejs22.x', Handler: 'index.handler' } },
    ...Object.fromEntries(domains.map((name) => [`Domain${name}`, { Type: 'AWS::Cases::Domain', Properties: { Name: name } }])),
  };
}

/** `arn:...:domain/<id>` and `arn:...:domain/<id>/case-rule/*` of `Domain<name>`, as CDK renders them. */
export function ruleArns(domain: string): unknown[] {
  const domainArn = { 'Fn::GetAtt': [`Domain${domain}`, 'DomainArn'] };
  return [domainArn, { 'Fn::Join': ['', [domainArn, '/case-rule/*']] }];
}

/** An AWS::IAM::Policy of the handler's role. */
export function policy(statements: unknown[], dependsOn?: string[]): CfnResource {
  return {
    Type: 'AWS::IAM::Policy',
    Properties: { PolicyName: 'cases', Roles: [{ Ref: 'Role' }], PolicyDocument: { Version: '2012-10-17', Statement: statements } },
    ...(dependsOn ? { DependsOn: dependsOn } : {}),
  };
}

export function allow(actions: string[], resources: unknown[]): unknown {
  return { Effect: 'Allow', Action: actions, Resource: resources };
}

/** A `Custom::TestCaseRule` named `name` in `Domain<domain>`. */
export function caseRule(domain: string, name: string, dependsOn?: string[]): CfnResource {
  return {
    Type: 'Custom::TestCaseRule',
    Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] }, DomainId: { 'Fn::GetAtt': [`Domain${domain}`, 'DomainId'] }, Name: name },
    ...(dependsOn ? { DependsOn: dependsOn } : {}),
  };
}

export function template(resources: Record<string, CfnResource>): CfnTemplate {
  return { Resources: resources };
}

/**
 * The stand-in handler: Create -> CreateCaseRule; Update -> UpdateCaseRule (a new DomainId creates
 * a rule there instead: a replacement); Delete -> DeleteCaseRule, a missing rule counting as deleted
 * and a failed create needing no call.
 */
export function testCaseRuleHandler(endpoint: () => string): CustomResourceFunction {
  let client: ConnectCasesClient | undefined;
  const cases = () => (client ??= new ConnectCasesClient({ endpoint: endpoint(), region: 'us-east-1', maxAttempts: 1 }));
  const rule = { required: { defaultValue: true, conditions: [] } };
  return async (event: CloudFormationCustomResourceEvent): Promise<CustomResourceAnswer> => {
    const props = event.ResourceProperties as unknown as { DomainId: string; Name: string };
    try {
      switch (event.RequestType) {
        case 'Create': {
          const created = await cases().send(new CreateCaseRuleCommand({ domainId: props.DomainId, name: props.Name, rule }));
          return { Status: 'SUCCESS', PhysicalResourceId: created.caseRuleId, Data: { CaseRuleArn: created.caseRuleArn! } };
        }
        case 'Update': {
          const old = event.OldResourceProperties as unknown as { DomainId: string };
          if (old.DomainId !== props.DomainId) {
            const created = await cases().send(new CreateCaseRuleCommand({ domainId: props.DomainId, name: props.Name, rule }));
            return { Status: 'SUCCESS', PhysicalResourceId: created.caseRuleId };
          }
          await cases().send(new UpdateCaseRuleCommand({ domainId: props.DomainId, caseRuleId: event.PhysicalResourceId, name: props.Name }));
          return { Status: 'SUCCESS', PhysicalResourceId: event.PhysicalResourceId };
        }
        case 'Delete':
          if (event.PhysicalResourceId === CREATE_FAILED) return { Status: 'SUCCESS', PhysicalResourceId: CREATE_FAILED };
          await cases().send(new DeleteCaseRuleCommand({ domainId: props.DomainId, caseRuleId: event.PhysicalResourceId }))
            .catch((error: Error) => { if (error.name !== 'ResourceNotFoundException') throw error; });
          return { Status: 'SUCCESS', PhysicalResourceId: event.PhysicalResourceId };
      }
    } catch (error) {
      const physicalId = event.RequestType === 'Create' ? CREATE_FAILED : event.PhysicalResourceId;
      return { Status: 'FAILED', PhysicalResourceId: physicalId, Reason: `${(error as Error).name}: ${(error as Error).message}` };
    }
  };
}
