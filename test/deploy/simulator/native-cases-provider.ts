import { FakeCases, FieldType } from '../../fake';
import { ExistingResource, ProviderRequest, ProviderResult, ResourceProvider } from './provider';

/**
 * `AWS::Cases::Domain`, `Field` and `Layout`: CloudFormation's own resources, which our handler
 * only references, applied to the fake directly (CloudFormation calls Cases with the deployer's
 * credentials, so the handler's IAM policies do not apply to them).
 * - A domain comes with its system fields; deleting it makes the API answer 404 for it.
 * - A field's name must differ, regardless of case, from every live field's (system fields
 *   included): a clash fails the resource with a ConflictException, as Cases does. A new
 *   DomainId or Type replaces the field; a new Name or Description updates it in place. Delete is
 *   soft (the field is kept with `deleted: true`).
 * - A layout's Content is converted from CloudFormation's PascalCase to the API's shape; a new
 *   DomainId replaces it; delete is soft.
 * - `Tags` (a list of Key/Value) are applied with the resource and updated in place.
 */
export class NativeCasesProvider implements ResourceProvider {
  public static readonly TYPES = ['AWS::Cases::Domain', 'AWS::Cases::Field', 'AWS::Cases::Layout'];

  constructor(private readonly fake: FakeCases) {}

  public async create(request: ProviderRequest): Promise<ProviderResult> {
    const { region, accountId } = request.stack;
    const domainArn = (domainId: string) => `arn:aws:cases:${region}:${accountId}:domain/${domainId}`;
    const p = request.properties;
    return attempt(() => {
      switch (request.type) {
        case 'AWS::Cases::Domain': {
          const domainId = this.fake.addDomain({ name: requiredString(request, 'Name') });
          const arn = domainArn(domainId);
          this.fake.tag(arn, tagsOf(request));
          return success(arn, { DomainId: domainId, DomainArn: arn, DomainStatus: 'Active', CreatedTime: this.fake.timesOf(arn).createdTime });
        }
        case 'AWS::Cases::Field': {
          const domainId = requiredString(request, 'DomainId');
          const fieldId = this.fake.addField(domainId, {
            name: requiredString(request, 'Name'),
            type: requiredString(request, 'Type') as FieldType,
            ...(typeof p.Description === 'string' ? { description: p.Description } : {}),
          });
          const arn = `${domainArn(domainId)}/field/${fieldId}`;
          this.fake.tag(arn, tagsOf(request));
          return success(arn, { FieldId: fieldId, FieldArn: arn, Namespace: 'Custom', ...this.times(arn) });
        }
        case 'AWS::Cases::Layout': {
          const domainId = requiredString(request, 'DomainId');
          const layoutId = this.fake.addLayout(domainId, { name: requiredString(request, 'Name'), content: apiShape(p.Content) });
          const arn = `${domainArn(domainId)}/layout/${layoutId}`;
          this.fake.tag(arn, tagsOf(request));
          return success(arn, { LayoutId: layoutId, LayoutArn: arn, ...this.times(arn) });
        }
        default:
          throw new Error(`NativeCasesProvider does not handle ${request.type}`);
      }
    });
  }

  /**
   * In place, except for the changes CloudFormation's schemas make create-only: those replace,
   * unless the physical resource already has them (the rollback of a replacement that failed).
   */
  public async update(request: ProviderRequest, existing: ExistingResource): Promise<ProviderResult> {
    const p = request.properties;
    const old = existing.properties;
    const changed = (name: string) => JSON.stringify(p[name]) !== JSON.stringify(old[name]);
    const createOnly = { 'AWS::Cases::Domain': ['Name'], 'AWS::Cases::Field': ['DomainId', 'Type'], 'AWS::Cases::Layout': ['DomainId'] }[request.type] ?? [];
    if (createOnly.some(changed) && !this.alreadyIs(request, existing)) return this.create(request);
    return attempt(() => {
      const arn = existing.physicalId;
      if (request.type === 'AWS::Cases::Field' && (changed('Name') || changed('Description'))) {
        this.fake.updateField(String(old.DomainId), existing.attributes.FieldId, {
          ...(changed('Name') ? { name: requiredString(request, 'Name') } : {}),
          ...(changed('Description') ? { description: typeof p.Description === 'string' ? p.Description : '' } : {}),
        });
      }
      if (request.type === 'AWS::Cases::Layout' && (changed('Name') || changed('Content'))) {
        this.fake.updateLayout(String(old.DomainId), existing.attributes.LayoutId, {
          ...(changed('Name') ? { name: requiredString(request, 'Name') } : {}),
          ...(changed('Content') ? { content: apiShape(p.Content) } : {}),
        });
      }
      if (changed('Tags')) {
        this.fake.untag(arn, Object.keys(this.fake.tagsOf(arn)));
        this.fake.tag(arn, tagsOf(request));
      }
      const times = request.type === 'AWS::Cases::Domain' ? {} : this.times(arn);
      return success(existing.physicalId, { ...existing.attributes, ...times });
    });
  }

  public async delete(request: ProviderRequest, existing: ExistingResource): Promise<string | undefined> {
    const { attributes, properties } = existing;
    try {
      switch (request.type) {
        case 'AWS::Cases::Domain':
          this.fake.deleteDomain(attributes.DomainId);
          break;
        case 'AWS::Cases::Field':
          if (this.fake.fields(String(properties.DomainId)).some((field) => field.fieldId === attributes.FieldId)) {
            this.fake.deleteField(String(properties.DomainId), attributes.FieldId);
          }
          break;
        case 'AWS::Cases::Layout':
          if (this.fake.layouts(String(properties.DomainId)).some((layout) => layout.layoutId === attributes.LayoutId)) {
            this.fake.deleteLayout(String(properties.DomainId), attributes.LayoutId);
          }
          break;
      }
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** Whether the existing physical resource already has the requested create-only properties. */
  private alreadyIs(request: ProviderRequest, existing: ExistingResource): boolean {
    const p = request.properties;
    const { attributes } = existing;
    try {
      switch (request.type) {
        case 'AWS::Cases::Field':
          return this.fake.fields(String(p.DomainId)).some((f) => f.fieldId === attributes.FieldId && f.type === p.Type);
        case 'AWS::Cases::Layout':
          return this.fake.layouts(String(p.DomainId)).some((l) => l.layoutId === attributes.LayoutId);
        default:
          return false;
      }
    } catch {
      return false; // an unknown domain
    }
  }

  private times(arn: string): Record<string, string> {
    const { createdTime, lastModifiedTime } = this.fake.timesOf(arn);
    return { CreatedTime: createdTime, LastModifiedTime: lastModifiedTime };
  }
}

async function attempt(act: () => ProviderResult): Promise<ProviderResult> {
  try {
    return act();
  } catch (error) {
    const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
    return { status: 'FAILED', reason: `Resource handler returned message: "${message}"` };
  }
}

function success(physicalId: string, attributes: Record<string, string>): ProviderResult {
  return { status: 'SUCCESS', physicalId, attributes };
}

function requiredString(request: ProviderRequest, property: string): string {
  const value = request.properties[property];
  if (typeof value !== 'string') throw new Error(`${request.logicalId}: Properties validation failed: ${property} must be a string`);
  return value;
}

function tagsOf(request: ProviderRequest): Record<string, string> {
  const tags = (request.properties.Tags ?? []) as Array<{ Key: string; Value: string }>;
  return Object.fromEntries(tags.map(({ Key, Value }) => [Key, Value]));
}

/** CloudFormation's PascalCase property shape to the API's camelCase (`TopPanel` -> `topPanel`). */
function apiShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(apiShape);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key.charAt(0).toLowerCase() + key.slice(1), apiShape(member)]));
}
