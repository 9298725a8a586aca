import { FakeCases } from '../../fake';
import { ExistingResource, ProviderRequest, ProviderResult, ResourceProvider } from './provider';

/**
 * `AWS::Cases::Domain`, `Field` and `Layout`: CloudFormation's own resources, which our handler
 * only references. They are seeded into the fake, which cannot delete them again: a delete is a
 * no-op (the fake keeps them, which no test asserts on).
 */
export class NativeCasesProvider implements ResourceProvider {
  public static readonly TYPES = ['AWS::Cases::Domain', 'AWS::Cases::Field', 'AWS::Cases::Layout'];

  constructor(private readonly fake: FakeCases) {}

  public async create(request: ProviderRequest): Promise<ProviderResult> {
    const { region, accountId } = request.stack;
    const domainArn = (domainId: string) => `arn:aws:cases:${region}:${accountId}:domain/${domainId}`;
    try {
      switch (request.type) {
        case 'AWS::Cases::Domain': {
          const domainId = this.fake.addDomain();
          const arn = domainArn(domainId);
          return success(arn, { DomainId: domainId, DomainArn: arn, DomainStatus: 'Active', CreatedTime: new Date().toISOString() });
        }
        case 'AWS::Cases::Field': {
          const domainId = domainIdOf(request);
          const fieldId = this.fake.addField(domainId);
          const arn = `${domainArn(domainId)}/field/${fieldId}`;
          return success(arn, { FieldId: fieldId, FieldArn: arn });
        }
        case 'AWS::Cases::Layout': {
          const domainId = domainIdOf(request);
          const layoutId = this.fake.addLayout(domainId);
          const arn = `${domainArn(domainId)}/layout/${layoutId}`;
          return success(arn, { LayoutId: layoutId, LayoutArn: arn });
        }
        default:
          return { status: 'FAILED', reason: `NativeCasesProvider does not handle ${request.type}` };
      }
    } catch (error) {
      return { status: 'FAILED', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** In place, except that a field or layout moved to another domain is replaced, as CloudFormation does. */
  public async update(request: ProviderRequest, existing: ExistingResource): Promise<ProviderResult> {
    if (request.type !== 'AWS::Cases::Domain' && request.properties.DomainId !== existing.properties.DomainId) {
      return this.create(request);
    }
    return success(existing.physicalId, { ...existing.attributes });
  }

  public async delete(): Promise<string | undefined> {
    return undefined;
  }
}

function success(physicalId: string, attributes: Record<string, string>): ProviderResult {
  return { status: 'SUCCESS', physicalId, attributes };
}

function domainIdOf(request: ProviderRequest): string {
  const domainId = request.properties.DomainId;
  if (typeof domainId !== 'string') throw new Error(`${request.logicalId}: Properties validation failed: DomainId must be a string`);
  return domainId;
}
