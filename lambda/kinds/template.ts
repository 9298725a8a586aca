import {
  CreateTemplateCommand, DeleteTemplateCommand, GetTemplateCommand, GetTemplateResponse, ListTemplatesCommand, TagPropagationConfiguration,
  TemplateRule, TemplateStatus, UpdateTemplateCommand,
} from '@aws-sdk/client-connectcases';
import { RESOURCE_TYPES, TEMPLATE_STATUSES, TemplateAttributes, TemplateProperties } from '../../lib/private/contract';
import { cases } from '../client';
import { decodeProperties, describe, nonEmpty, userTags } from '../decode';
import { DecodeFailure, isCasesError } from '../errors';
import { callCases } from '../invocation';
import { ManagedKind } from '../kind';
import { canonical, findInPages, present } from './shared';

/** A template's desired state, in the API's shapes. Absent attributes are empty, never undefined. */
export interface DesiredTemplate {
  readonly domainId: string;
  readonly name: string;
  readonly description?: string;
  readonly status: TemplateStatus;
  readonly layoutId?: string;
  readonly requiredFields: { fieldId: string }[];
  readonly rules: TemplateRule[];
  readonly tagPropagationConfigurations: TagPropagationConfiguration[];
  readonly adoptId?: string;
  readonly tags: Record<string, string>;
}

const target = (domainId: string, templateId: string) => ({ resource: `template ${templateId} in domain ${domainId}`, ids: { domainId, templateId } });
const named = (domainId: string, name: string) => ({ resource: `template '${name}' in domain ${domainId}`, ids: { domainId } });

/** The API's content members of a desired template, as CreateTemplate and UpdateTemplate take them. */
function content(desired: DesiredTemplate) {
  return {
    name: desired.name,
    description: desired.description,
    status: desired.status,
    layoutConfiguration: desired.layoutId === undefined ? undefined : { defaultLayout: desired.layoutId },
    requiredFields: desired.requiredFields,
    rules: desired.rules,
    tagPropagationConfigurations: desired.tagPropagationConfigurations,
  };
}

/**
 * `Custom::ConnectCasesTemplate`, whose PhysicalResourceId is the templateId. Templates are
 * soft-deleted: GetTemplate keeps returning them with `deleted: true`.
 */
export const templateKind: ManagedKind<DesiredTemplate, GetTemplateResponse> = {
  resourceType: RESOURCE_TYPES.template,
  noun: 'template',
  target,

  decode(properties) {
    const decoded = decodeProperties<TemplateProperties>(properties, 'TemplateProperties');
    if (!(TEMPLATE_STATUSES as readonly string[]).includes(decoded.Status)) {
      throw new DecodeFailure('Status', `expected one of ${TEMPLATE_STATUSES.join(', ')}, received ${describe(decoded.Status)}`);
    }
    return {
      domainId: nonEmpty(decoded.DomainId, 'DomainId'),
      name: decoded.Name,
      description: decoded.Description,
      status: decoded.Status,
      layoutId: decoded.LayoutConfiguration?.defaultLayout,
      requiredFields: decoded.RequiredFields ?? [],
      rules: decoded.Rules ?? [],
      tagPropagationConfigurations: decoded.TagPropagationConfigurations ?? [],
      adoptId: decoded.AdoptId === undefined ? undefined : nonEmpty(decoded.AdoptId, 'AdoptId'),
      tags: userTags(decoded.Tags),
    };
  },

  async read(inv, domainId, templateId) {
    try {
      const template = await callCases(inv, { ...target(domainId, templateId), operation: 'GetTemplate' }, (abortSignal) =>
        cases.send(new GetTemplateCommand({ domainId, templateId }), { abortSignal }));
      return template.deleted ? undefined : template;
    } catch (error) {
      if (isCasesError(error, 'ResourceNotFoundException')) return undefined;
      throw error;
    }
  },

  /**
   * Writes the full desired state. UpdateTemplate keeps every absent member, so removed attributes
   * are sent as their empty value: "", {} or [].
   */
  async write(inv, desired, templateId) {
    const { domainId } = desired;
    const members = content(desired);
    await callCases(inv, { ...target(domainId, templateId), operation: 'UpdateTemplate' }, (abortSignal) =>
      cases.send(new UpdateTemplateCommand({
        domainId,
        templateId,
        ...members,
        description: members.description ?? '',
        layoutConfiguration: members.layoutConfiguration ?? {},
      }), { abortSignal }));
  },

  /** Soft delete. Deleting an already deleted template is a 400, so any error is checked against a read. */
  async delete(inv, domainId, templateId) {
    try {
      await callCases(inv, { ...target(domainId, templateId), operation: 'DeleteTemplate' }, (abortSignal) =>
        cases.send(new DeleteTemplateCommand({ domainId, templateId }), { abortSignal }));
    } catch (error) {
      if (!isCasesError(error, 'ResourceNotFoundException')) {
        const live = await templateKind.read(inv, domainId, templateId).catch(() => { throw error; });
        if (live !== undefined) throw error;
      }
      inv.log.info('template already gone', { domainId, templateId });
    }
  },

  attributes(templateId, templateArn) {
    const data: TemplateAttributes = { TemplateId: templateId, TemplateArn: present(templateArn, 'templateArn') };
    return { ...data };
  },

  identity: {
    type: 'assigned',
    arnOf: (live) => present(live.templateArn, 'templateArn'),

    sameContent(live, desired) {
      const { name, description, status, layoutConfiguration, requiredFields, rules, tagPropagationConfigurations } = live;
      return canonical({ name, description, status, layoutConfiguration, requiredFields, rules, tagPropagationConfigurations })
        === canonical(content(desired));
    },

    async create(inv, desired) {
      const created = await callCases(inv, { ...named(desired.domainId, desired.name), operation: 'CreateTemplate' }, (abortSignal) =>
        cases.send(new CreateTemplateCommand({ domainId: desired.domainId, ...content(desired) }), { abortSignal }), { retry: false });
      return { id: present(created.templateId, 'templateId'), arn: present(created.templateArn, 'templateArn') };
    },

    async findByName(inv, domainId, name) {
      const match = await findInPages(async (nextToken) => {
        const page = await callCases(inv, { ...named(domainId, name), operation: 'ListTemplates' }, (abortSignal) =>
          // Both statuses explicitly: the API does not document which ones an unfiltered list returns.
          cases.send(new ListTemplatesCommand({ domainId, maxResults: 100, nextToken, status: ['Active', 'Inactive'] }), { abortSignal }));
        return { items: page.templates, nextToken: page.nextToken };
      }, (summary) => summary.name === name);
      return match?.templateId;
    },
  },
};
