import { randomBytes } from 'node:crypto';
import { ExistingResource, ProviderRequest, ProviderResult, ResourceProvider } from './provider';

/**
 * IAM, Lambda and Logs resources: nothing to do locally, but they get plausible names and ARNs so
 * that references resolve (the function's `Arn` is every custom resource's ServiceToken).
 */
export class NoopProvider implements ResourceProvider {
  public static readonly TYPES = ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup'];

  public async create(request: ProviderRequest): Promise<ProviderResult> {
    const { region, accountId, stackName } = request.stack;
    const name = `${stackName}-${request.logicalId}`.slice(0, 50) + `-${randomBytes(6).toString('hex').toUpperCase()}`;
    const attributes: Record<string, Record<string, string>> = {
      'AWS::IAM::Role': { Arn: `arn:aws:iam::${accountId}:role/${name}`, RoleId: `AROA${randomBytes(8).toString('hex').toUpperCase()}` },
      'AWS::IAM::Policy': { Id: name },
      'AWS::Lambda::Function': { Arn: `arn:aws:lambda:${region}:${accountId}:function:${name}` },
      'AWS::Logs::LogGroup': { Arn: `arn:aws:logs:${region}:${accountId}:log-group:${name}:*` },
    };
    return { status: 'SUCCESS', physicalId: name, attributes: attributes[request.type] ?? {} };
  }

  public async update(_request: ProviderRequest, existing: ExistingResource): Promise<ProviderResult> {
    return { status: 'SUCCESS', physicalId: existing.physicalId, attributes: { ...existing.attributes } };
  }

  public async delete(): Promise<string | undefined> {
    return undefined;
  }
}
