import { randomBytes } from 'node:crypto';
import { IamRegistry } from './iam/iam-registry';
import { malformation, PolicyDocument } from './iam/policy-document';
import { generatedName } from './noop-provider';
import { ExistingResource, ProviderRequest, ProviderResult, ResourceProvider } from './provider';

/**
 * `AWS::IAM::Role`, `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy` and `AWS::Lambda::Function`:
 * each create, update and delete changes the simulator's IAM state (`IamRegistry`) at the moment
 * CloudFormation would call IAM, so that every later Cases call is authorized against exactly the
 * policies in place then. IAM's own refusals (malformed documents, size quotas, an unknown role,
 * deleting a role that still has policies) fail the resource.
 */
export class IamProvider implements ResourceProvider {
  public static readonly TYPES = ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::Lambda::Function'];

  constructor(private readonly registry: IamRegistry) {}

  public async create(request: ProviderRequest): Promise<ProviderResult> {
    const { accountId, region } = request.stack;
    const p = request.properties;
    return this.attempt(() => {
      switch (request.type) {
        case 'AWS::IAM::Role': {
          const name = typeof p.RoleName === 'string' ? p.RoleName : generatedName(request);
          const arn = `arn:aws:iam::${accountId}:role${typeof p.Path === 'string' ? p.Path : '/'}${name}`;
          this.putRole(request, name, arn);
          return success(name, { Arn: arn, RoleId: `AROA${hex(8)}` });
        }
        case 'AWS::IAM::Policy': {
          const id = generatedName(request);
          this.putPolicy(request, id);
          return success(id, { Id: id });
        }
        case 'AWS::IAM::ManagedPolicy': {
          const name = typeof p.ManagedPolicyName === 'string' ? p.ManagedPolicyName : generatedName(request);
          const arn = `arn:aws:iam::${accountId}:policy${typeof p.Path === 'string' ? p.Path : '/'}${name}`;
          this.registry.putManagedPolicy(arn, name, documentOf(request, p.PolicyDocument), names(request, 'Roles'));
          return success(arn, { PolicyArn: arn, PolicyId: `ANPA${hex(8)}` });
        }
        case 'AWS::Lambda::Function': {
          const name = typeof p.FunctionName === 'string' ? p.FunctionName : generatedName(request);
          const arn = `arn:aws:lambda:${region}:${accountId}:function:${name}`;
          this.putFunction(request, arn);
          return success(name, { Arn: arn });
        }
        default:
          throw new Error(`IamProvider does not handle ${request.type}`);
      }
    });
  }

  public async update(request: ProviderRequest, existing: ExistingResource): Promise<ProviderResult> {
    return this.attempt(() => {
      switch (request.type) {
        case 'AWS::IAM::Role':
          this.putRole(request, existing.physicalId, existing.attributes.Arn);
          break;
        case 'AWS::IAM::Policy':
          this.putPolicy(request, existing.physicalId);
          break;
        case 'AWS::IAM::ManagedPolicy':
          this.registry.putManagedPolicy(existing.physicalId, existing.physicalId.slice(existing.physicalId.lastIndexOf('/') + 1),
            documentOf(request, request.properties.PolicyDocument), names(request, 'Roles'));
          break;
        case 'AWS::Lambda::Function':
          this.putFunction(request, existing.attributes.Arn);
          break;
      }
      return success(existing.physicalId, { ...existing.attributes });
    });
  }

  public async delete(request: ProviderRequest, existing: ExistingResource): Promise<string | undefined> {
    try {
      switch (request.type) {
        case 'AWS::IAM::Role': this.registry.deleteRole(existing.physicalId); break;
        case 'AWS::IAM::Policy': this.registry.deletePolicy(existing.physicalId); break;
        case 'AWS::IAM::ManagedPolicy': this.registry.deleteManagedPolicy(existing.physicalId); break;
        case 'AWS::Lambda::Function': this.registry.deleteFunction(existing.attributes.Arn); break;
      }
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private putRole(request: ProviderRequest, name: string, arn: string): void {
    const policies = (request.properties.Policies ?? []) as Array<{ PolicyName?: unknown; PolicyDocument?: unknown }>;
    const inline = policies.map((policy, index) => ({
      name: typeof policy.PolicyName === 'string' ? policy.PolicyName : `Policies[${index}]`,
      document: documentOf(request, policy.PolicyDocument, `Policies[${index}].PolicyDocument`),
    }));
    this.registry.putRole(name, arn, inline, names(request, 'ManagedPolicyArns'));
  }

  private putPolicy(request: ProviderRequest, id: string): void {
    const p = request.properties;
    if (typeof p.PolicyName !== 'string') throw new Error(`${request.logicalId}: Properties validation failed: PolicyName is required`);
    const roles = names(request, 'Roles');
    if (roles.length === 0 && p.Users === undefined && p.Groups === undefined) {
      throw new Error(`${request.logicalId}: Properties validation failed: at least one of Roles, Users and Groups is required`);
    }
    this.registry.putPolicy(id, p.PolicyName, documentOf(request, p.PolicyDocument), roles);
  }

  private putFunction(request: ProviderRequest, arn: string): void {
    const role = request.properties.Role;
    if (typeof role !== 'string') throw new Error(`${request.logicalId}: Properties validation failed: Role is required`);
    this.registry.putFunction(arn, role);
    if (this.registry.roleOfFunction(arn) === undefined) {
      this.registry.deleteFunction(arn);
      throw new Error(`InvalidParameterValueException: The role defined for the function cannot be assumed by Lambda (${role} does not exist)`);
    }
  }

  private async attempt(act: () => ProviderResult): Promise<ProviderResult> {
    try {
      return act();
    } catch (error) {
      return { status: 'FAILED', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

function success(physicalId: string, attributes: Record<string, string>): ProviderResult {
  return { status: 'SUCCESS', physicalId, attributes };
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

function documentOf(request: ProviderRequest, document: unknown, where = 'PolicyDocument'): PolicyDocument {
  const problem = malformation(document);
  if (problem !== undefined) throw new Error(`MalformedPolicyDocument: ${request.logicalId} ${where}: ${problem}`);
  return document as PolicyDocument;
}

function names(request: ProviderRequest, property: string): string[] {
  const value = request.properties[property];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new Error(`${request.logicalId}: Properties validation failed: ${property} must be a list of strings`);
  }
  return value as string[];
}
