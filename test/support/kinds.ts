import { createHash } from 'node:crypto';
import {
  CaseRuleDetails, ConnectCasesClient, CreateCaseRuleCommand, CreateTemplateCommand, DeleteCaseRuleCommand, DeleteTemplateCommand,
} from '@aws-sdk/client-connectcases';
import { CaseRuleProperties, RESOURCE_TYPES, TemplateProperties } from '../../lib/private/contract';
import { FakeCases } from '../fake';
import { SeededDomain } from './domain';
import { STACK_ID } from './events';
import type { HandlerHarness } from './handler-harness';
import { equalTo, fullTemplateProperties, notEqualTo, requiredRuleProperties } from './properties';

/**
 * The kinds of record whose id the service assigns (case rules, templates), described once so that
 * the lifecycle every kind shares is tested by one `describe.each`.
 */

/** A case rule or template as the fake holds it. */
export interface ManagedRecord {
  readonly id: string;
  readonly arn: string;
  readonly deleted: boolean;
  readonly tags: Record<string, string>;
  /** Everything the properties declare (name, description, rule or template attributes), as stored. */
  readonly content: Record<string, unknown>;
}

export type ManagedProperties = CaseRuleProperties | TemplateProperties;

export interface ManagedKindUnderTest<P extends ManagedProperties = ManagedProperties> {
  /** As the handler's messages name the kind. */
  readonly noun: string;
  readonly resourceType: string;
  /** The Cases operations of each step. */
  readonly operations: { readonly create: string; readonly read: string; readonly update: string; readonly delete: string; readonly list: string };
  /** Properties declaring every attribute the kind has, with the user tag `team=support`. */
  properties(domain: SeededDomain, overrides?: Partial<P>): P;
  /** The same resource with other content (tags unchanged). */
  changed(domain: SeededDomain, before: P): P;
  /** Properties the service refuses with a 404: they name the field `no-such-field`. */
  referencingMissingField(before: P): P;
  /** The content a record holds after the properties were written. */
  contentOf(properties: P): Record<string, unknown>;
  /** `Fn::GetAtt` data of the record. */
  attributesOf(record: ManagedRecord): Record<string, string>;
  records(fake: FakeCases, domainId: string, opts?: { includeDeleted?: boolean }): ManagedRecord[];
  /** Creates a record with the properties' content out of band (as a console user would: no tags). */
  createOutOfBand(client: ConnectCasesClient, properties: P): Promise<string>;
  deleteOutOfBand(client: ConnectCasesClient, domainId: string, id: string): Promise<void>;
}

export const CASE_RULE: ManagedKindUnderTest<CaseRuleProperties> = {
  noun: 'case rule',
  resourceType: RESOURCE_TYPES.caseRule,
  operations: { create: 'CreateCaseRule', read: 'BatchGetCaseRule', update: 'UpdateCaseRule', delete: 'DeleteCaseRule', list: 'ListCaseRules' },
  properties: requiredRuleProperties,
  changed: (domain, before) => ({
    ...before,
    Description: 'Changed description',
    Rule: { hidden: { defaultValue: true, conditions: [notEqualTo(domain.statusField, { stringValue: 'open' }, false)] } },
  }),
  referencingMissingField: (before) => ({
    ...before,
    Rule: { required: { defaultValue: false, conditions: [equalTo('no-such-field', { stringValue: 'x' }, true)] } },
  }),
  contentOf: (properties) => ({
    name: properties.Name,
    ...(properties.Description ? { description: properties.Description } : {}),
    rule: properties.Rule,
  }),
  attributesOf: (record) => ({ CaseRuleId: record.id, CaseRuleArn: record.arn }),
  records: (fake, domainId, opts) => fake.caseRules(domainId, opts).map(({ caseRuleId, caseRuleArn, deleted, tags, ...content }) =>
    ({ id: caseRuleId, arn: caseRuleArn, deleted, tags, content })),
  async createOutOfBand(client, properties) {
    const created = await client.send(new CreateCaseRuleCommand({
      domainId: properties.DomainId, name: properties.Name, description: properties.Description, rule: properties.Rule as CaseRuleDetails,
    }));
    return created.caseRuleId!;
  },
  async deleteOutOfBand(client, domainId, caseRuleId) {
    await client.send(new DeleteCaseRuleCommand({ domainId, caseRuleId }));
  },
};

export const TEMPLATE: ManagedKindUnderTest<TemplateProperties> = {
  noun: 'template',
  resourceType: RESOURCE_TYPES.template,
  operations: { create: 'CreateTemplate', read: 'GetTemplate', update: 'UpdateTemplate', delete: 'DeleteTemplate', list: 'ListTemplates' },
  // Rules need case rules in the domain: the template's own tests cover them.
  properties: (domain, overrides) => fullTemplateProperties(domain, [], overrides),
  changed: (domain, before) => ({
    ...before,
    Description: 'Changed description',
    Status: 'Inactive',
    LayoutConfiguration: { defaultLayout: domain.otherLayoutId },
    RequiredFields: [{ fieldId: domain.priorityField }],
    TagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { queue: 'billing' } }],
  }),
  referencingMissingField: (before) => ({ ...before, RequiredFields: [{ fieldId: 'no-such-field' }] }),
  contentOf: (properties) => ({
    name: properties.Name,
    ...(properties.Description ? { description: properties.Description } : {}),
    status: properties.Status,
    ...(properties.LayoutConfiguration?.defaultLayout ? { layoutConfiguration: { defaultLayout: properties.LayoutConfiguration.defaultLayout } } : {}),
    requiredFields: properties.RequiredFields ?? [],
    rules: properties.Rules ?? [],
    ...(properties.TagPropagationConfigurations?.length ? { tagPropagationConfigurations: properties.TagPropagationConfigurations } : {}),
  }),
  attributesOf: (record) => ({ TemplateId: record.id, TemplateArn: record.arn }),
  records: (fake, domainId, opts) => fake.templates(domainId, opts).map(({ templateId, templateArn, deleted, tags, ...content }) =>
    ({ id: templateId, arn: templateArn, deleted, tags, content })),
  async createOutOfBand(client, properties) {
    const created = await client.send(new CreateTemplateCommand({
      domainId: properties.DomainId,
      name: properties.Name,
      description: properties.Description,
      status: properties.Status,
      layoutConfiguration: properties.LayoutConfiguration,
      requiredFields: properties.RequiredFields,
      rules: properties.Rules,
      tagPropagationConfigurations: properties.TagPropagationConfigurations,
    }));
    return created.templateId!;
  },
  async deleteOutOfBand(client, domainId, templateId) {
    await client.send(new DeleteTemplateCommand({ domainId, templateId }));
  },
};

/** Every kind with service-assigned ids, for `describe.each`. */
export const ASSIGNED_ID_KINDS: ReadonlyArray<[string, ManagedKindUnderTest]> = [
  ['case rule', CASE_RULE as ManagedKindUnderTest],
  ['template', TEMPLATE as ManagedKindUnderTest],
];

/** The owner tag's value the handler computes for a logical resource of the test stack. */
export function ownerTagValueOf(logicalResourceId: string, stackId = STACK_ID): string {
  return createHash('sha256').update(`${stackId}/${logicalResourceId}`).digest('hex');
}

/** Creates the resource through the handler and returns its id; the Create must succeed. */
export async function createdThroughHandler<P extends ManagedProperties>(
  harness: HandlerHarness, kind: ManagedKindUnderTest<P>, properties: P, logicalResourceId = 'Resource',
): Promise<string> {
  const { body } = await harness.invoke(harness.events.create(kind.resourceType, properties, { logicalResourceId }));
  if (body.Status !== 'SUCCESS') throw new Error(`creating the ${kind.noun} failed: ${body.Reason}`);
  return body.PhysicalResourceId;
}

/** The one record with `id` (deleted ones too); throws when there is none. */
export function recordOf(kind: ManagedKindUnderTest, fake: FakeCases, domainId: string, id: string): ManagedRecord {
  const record = kind.records(fake, domainId, { includeDeleted: true }).find((candidate) => candidate.id === id);
  if (!record) throw new Error(`no ${kind.noun} ${id} in domain ${domainId}`);
  return record;
}

/** `create-failed:<epoch ms when the create began>:<requestId>`: the PhysicalResourceId of a Create that failed without an id. */
export function createFailedMarkerPattern(requestId: string): RegExp {
  return new RegExp(`^create-failed:(\\d+):${requestId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
