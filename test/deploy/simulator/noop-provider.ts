import { randomBytes } from 'node:crypto';
import { ExistingResource, ProviderRequest, ProviderResult, ResourceProvider } from './provider';

/** A name like CloudFormation generates: `<stack>-<logicalId>-<random suffix>`. */
export function generatedName(request: ProviderRequest): string {
  return `${request.stack.stackName}-${request.logicalId}`.slice(0, 50) + `-${randomBytes(6).toString('hex').toUpperCase()}`;
}

/**
 * Logs resources: nothing to do locally, but they get plausible names and ARNs so that references
 * resolve. (IAM and Lambda resources have their own provider, `IamProvider`.)
 */
export class NoopProvider implements ResourceProvider {
  public static readonly TYPES = ['AWS::Logs::LogGroup'];

  public async create(request: ProviderRequest): Promise<ProviderResult> {
    const { region, accountId } = request.stack;
    const name = generatedName(request);
    return { status: 'SUCCESS', physicalId: name, attributes: { Arn: `arn:aws:logs:${region}:${accountId}:log-group:${name}:*` } };
  }

  public async update(_request: ProviderRequest, existing: ExistingResource): Promise<ProviderResult> {
    return { status: 'SUCCESS', physicalId: existing.physicalId, attributes: { ...existing.attributes } };
  }

  public async delete(): Promise<string | undefined> {
    return undefined;
  }
}
