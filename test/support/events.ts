import { randomUUID } from 'node:crypto';
import type {
  CloudFormationCustomResourceCreateEvent, CloudFormationCustomResourceDeleteEvent, CloudFormationCustomResourceUpdateEvent,
} from 'aws-lambda';
import type { CaseRuleProperties, FieldOptionsProperties, TemplateProperties } from '../../lib/private/contract';
import { dropEmptyValues, stringifyScalars } from './cloudformation-encoding';
import { ResponseCollector } from './response-collector';

/** Properties as the constructs write them. */
export type ResourceProperties = CaseRuleProperties | TemplateProperties | FieldOptionsProperties;

/**
 * How properties reach the handler: `cloudformation` stringifies every scalar; the `dropped-empty`
 * variant also drops `{}`, `null` and `[]` members.
 */
export type Encoding = 'cloudformation' | 'dropped-empty';

export interface EventOptions {
  /** Default `Resource`. */
  readonly logicalResourceId?: string;
  /** Default `cloudformation`. */
  readonly encoding?: Encoding;
  /** Default a fresh uuid. */
  readonly requestId?: string;
}

export const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/CasesHandlerTest/4b1e3c50-1f2a-11f0-9c4e-0a1b2c3d4e5f';
export const SERVICE_TOKEN = 'arn:aws:lambda:us-east-1:123456789012:function:CasesHandlerTest-ConnectCasesHandler';

/** Builds custom-resource events exactly as CloudFormation sends them. */
export class EventBuilder {
  constructor(private readonly responses: ResponseCollector, private readonly stackId = STACK_ID) {}

  public create(resourceType: string, properties: ResourceProperties, options: EventOptions = {}): CloudFormationCustomResourceCreateEvent {
    return { ...this.common(resourceType, properties, options), RequestType: 'Create' };
  }

  public update(
    resourceType: string, physicalResourceId: string, properties: ResourceProperties, oldProperties: ResourceProperties,
    options: EventOptions = {},
  ): CloudFormationCustomResourceUpdateEvent {
    return {
      ...this.common(resourceType, properties, options),
      RequestType: 'Update',
      PhysicalResourceId: physicalResourceId,
      OldResourceProperties: { ServiceToken: SERVICE_TOKEN, ...(encode(oldProperties, options.encoding) as Record<string, unknown>) },
    };
  }

  public delete(
    resourceType: string, physicalResourceId: string, properties: ResourceProperties, options: EventOptions = {},
  ): CloudFormationCustomResourceDeleteEvent {
    return { ...this.common(resourceType, properties, options), RequestType: 'Delete', PhysicalResourceId: physicalResourceId };
  }

  private common(resourceType: string, properties: ResourceProperties, options: EventOptions) {
    const requestId = options.requestId ?? randomUUID();
    return {
      ServiceToken: SERVICE_TOKEN,
      ResponseURL: this.responses.urlFor(requestId),
      StackId: this.stackId,
      RequestId: requestId,
      LogicalResourceId: options.logicalResourceId ?? 'Resource',
      ResourceType: resourceType,
      ResourceProperties: {
        ServiceToken: SERVICE_TOKEN,
        ...(encode(properties, options.encoding) as Record<string, unknown>),
      } as { ServiceToken: string } & Record<string, unknown>,
    };
  }
}

function encode(properties: ResourceProperties, encoding: Encoding = 'cloudformation'): unknown {
  const stringified = stringifyScalars(properties);
  return encoding === 'dropped-empty' ? dropEmptyValues(stringified) : stringified;
}
