import {
  CreateTemplateCommand, DeleteTemplateCommand, GetTemplateCommand, GetTemplateResponse, ListTemplatesCommand,
  UpdateTemplateCommand,
} from '@aws-sdk/client-connectcases';
import type { TemplateAttributes } from '../lib/private/resource-properties';
import { cases } from './client';
import { DesiredTemplate, decodeTemplate } from './decode-template';
import { domainIdOf } from './decode';
import { HandlerFailure, isCasesError, withCreatedId } from './errors';
import { CasesCall, Invocation, callCases } from './invocation';
import { ResourceHandler, ResourceOutcome, createReplacement, present } from './resource-handler';
import { applyTagDiff, desiredTags, diffTags, isOwnedBy } from './tags';

/**
 * `Custom::ConnectCasesTemplate`: a template, whose PhysicalResourceId is its templateId.
 * Templates are soft-deleted: GetTemplate keeps returning them with `deleted: true`.
 */
export const templateHandler: ResourceHandler = {
  create: (inv, properties) => createTemplate(inv, decodeTemplate(properties)),

  async update(inv, properties, oldProperties, physicalResourceId) {
    const desired = decodeTemplate(properties);
    if (desired.domainId !== domainIdOf(oldProperties, 'OldResourceProperties')) {
      inv.log.info('domain changed: creating a replacement template', { domainId: desired.domainId });
      return replaceTemplate(inv, desired);
    }
    const current = await readTemplate(inv, desired.domainId, physicalResourceId);
    if (current === undefined || current.deleted) {
      inv.log.warn('template deleted out of band: creating it again', { domainId: desired.domainId, templateId: physicalResourceId });
      return replaceTemplate(inv, desired);
    }
    return updateInPlace(inv, desired, current);
  },

  /** Soft delete. Deleting an already deleted template is a 400, so any error is checked against a read. */
  async delete(inv, properties, templateId) {
    const domainId = domainIdOf(properties, '');
    try {
      await callCases(inv, { ...existing(domainId, templateId), operation: 'DeleteTemplate' }, (abortSignal) =>
        cases.send(new DeleteTemplateCommand({ domainId, templateId }), { abortSignal }));
    } catch (error) {
      if (!isCasesError(error, 'ResourceNotFoundException')) {
        const current = await readTemplate(inv, domainId, templateId).catch(() => { throw error; });
        if (current !== undefined && !current.deleted) throw error;
      }
      inv.log.info('template already gone', { domainId, templateId });
    }
  },
};

async function createTemplate(inv: Invocation, desired: DesiredTemplate): Promise<ResourceOutcome> {
  let created;
  try {
    created = await callCases(inv, { ...named(desired), operation: 'CreateTemplate' }, (abortSignal) =>
      cases.send(new CreateTemplateCommand({
        domainId: desired.domainId,
        name: desired.name,
        description: desired.description,
        status: desired.status,
        layoutConfiguration: desired.layoutId === undefined ? undefined : { defaultLayout: desired.layoutId },
        requiredFields: desired.requiredFields,
        rules: desired.rules,
        tagPropagationConfigurations: desired.tagPropagationConfigurations,
      }), { abortSignal }));
  } catch (error) {
    if (isCasesError(error, 'ConflictException')) return adoptOwnTemplate(inv, desired, error);
    throw error;
  }
  const templateId = present(created.templateId, 'templateId');
  try {
    const templateArn = present(created.templateArn, 'templateArn');
    await applyTagDiff(inv, templateArn, diffTags({}, desiredTags(desired.tags, inv.ownerTagValue)), existing(desired.domainId, templateId));
    return outcome(templateId, templateArn);
  } catch (error) {
    throw withCreatedId(error, templateId);
  }
}

/** A replacement created during an Update is deleted again when the Update fails. */
function replaceTemplate(inv: Invocation, desired: DesiredTemplate): Promise<ResourceOutcome> {
  const { domainId } = desired;
  return createReplacement(inv, 'template', () => createTemplate(inv, desired),
    (templateId) => templateHandler.delete(inv, { DomainId: domainId }, templateId),
    (templateId) => ({ domainId, templateId }));
}

/**
 * Writes the full desired state. UpdateTemplate keeps every absent member, so removed attributes
 * are sent as their empty value: "" , {} or [].
 */
async function updateInPlace(inv: Invocation, desired: DesiredTemplate, current: GetTemplateResponse): Promise<ResourceOutcome> {
  const { domainId } = desired;
  const templateId = present(current.templateId, 'templateId');
  const templateArn = present(current.templateArn, 'templateArn');
  await callCases(inv, { ...existing(domainId, templateId), operation: 'UpdateTemplate' }, (abortSignal) =>
    cases.send(new UpdateTemplateCommand({
      domainId,
      templateId,
      name: desired.name,
      description: desired.description ?? '',
      status: desired.status,
      layoutConfiguration: desired.layoutId === undefined ? {} : { defaultLayout: desired.layoutId },
      requiredFields: desired.requiredFields,
      rules: desired.rules,
      tagPropagationConfigurations: desired.tagPropagationConfigurations,
    }), { abortSignal }));
  await applyTagDiff(inv, templateArn, diffTags(current.tags, desiredTags(desired.tags, inv.ownerTagValue)), existing(domainId, templateId));
  return outcome(templateId, templateArn);
}

/** A Create that met a same-named template: ours (owner tag) when an earlier attempt created it. */
async function adoptOwnTemplate(inv: Invocation, desired: DesiredTemplate, conflict: unknown): Promise<ResourceOutcome> {
  const templateId = await findLiveTemplateId(inv, desired);
  const current = templateId === undefined ? undefined : await readTemplate(inv, desired.domainId, templateId);
  if (current === undefined || current.deleted) throw conflict;
  if (!isOwnedBy(current.tags, inv.ownerTagValue)) {
    throw new HandlerFailure(`CreateTemplate failed for ${named(desired).resource}: template ${templateId} already has this name `
      + 'and was not created by this stack resource; choose another name or delete that template');
  }
  inv.log.info('adopting the template an earlier attempt of this request created', { domainId: desired.domainId, templateId });
  try {
    return await updateInPlace(inv, desired, current);
  } catch (error) {
    throw withCreatedId(error, present(templateId, 'templateId'));
  }
}

/** The id of the live template named like `desired`, searching all pages of both statuses. */
async function findLiveTemplateId(inv: Invocation, desired: DesiredTemplate): Promise<string | undefined> {
  const { domainId } = desired;
  let nextToken: string | undefined;
  do {
    const page = await callCases(inv, { ...named(desired), operation: 'ListTemplates' }, (abortSignal) =>
      // Both statuses explicitly: the API does not document which ones an unfiltered list returns.
      cases.send(new ListTemplatesCommand({ domainId, maxResults: 100, nextToken, status: ['Active', 'Inactive'] }), { abortSignal }));
    const match = page.templates?.find((summary) => summary.name === desired.name);
    if (match !== undefined) return match.templateId;
    nextToken = page.nextToken ?? undefined;
  } while (nextToken);
  return undefined;
}

/** The template (possibly with `deleted: true`), or undefined when it does not exist. */
async function readTemplate(inv: Invocation, domainId: string, templateId: string): Promise<GetTemplateResponse | undefined> {
  try {
    return await callCases(inv, { ...existing(domainId, templateId), operation: 'GetTemplate' }, (abortSignal) =>
      cases.send(new GetTemplateCommand({ domainId, templateId }), { abortSignal }));
  } catch (error) {
    if (isCasesError(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

function outcome(templateId: string, templateArn: string): ResourceOutcome {
  const data: TemplateAttributes = { TemplateId: templateId, TemplateArn: templateArn };
  return { physicalResourceId: templateId, data: { ...data } };
}

function existing(domainId: string, templateId: string): Omit<CasesCall, 'operation'> {
  return { resource: `template ${templateId} in domain ${domainId}`, ids: { domainId, templateId } };
}

function named(desired: DesiredTemplate): Omit<CasesCall, 'operation'> {
  return { resource: `template '${desired.name}' in domain ${desired.domainId}`, ids: { domainId: desired.domainId } };
}
