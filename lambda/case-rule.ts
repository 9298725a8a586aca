import {
  BatchGetCaseRuleCommand, CreateCaseRuleCommand, DeleteCaseRuleCommand, GetCaseRuleResponse, ListCaseRulesCommand,
  UpdateCaseRuleCommand,
} from '@aws-sdk/client-connectcases';
import type { CaseRuleAttributes } from '../lib/private/resource-properties';
import { cases } from './client';
import { DesiredCaseRule, decodeCaseRule } from './decode-case-rule';
import { domainIdOf } from './decode';
import { HandlerFailure, isCasesError, withCreatedId } from './errors';
import { CasesCall, Invocation, callCases } from './invocation';
import { ResourceHandler, ResourceOutcome, createReplacement, present } from './resource-handler';
import { applyTagDiff, desiredTags, diffTags, isOwnedBy } from './tags';

/**
 * `Custom::ConnectCasesCaseRule`: a case rule, whose PhysicalResourceId is its caseRuleId.
 * An Update that changes the domain, or finds the rule deleted out of band, creates a new rule
 * and returns its id (CloudFormation then deletes the old one, if it still exists).
 */
export const caseRuleHandler: ResourceHandler = {
  create: (inv, properties) => createCaseRule(inv, decodeCaseRule(properties)),

  async update(inv, properties, oldProperties, physicalResourceId) {
    const desired = decodeCaseRule(properties);
    if (desired.domainId !== domainIdOf(oldProperties, 'OldResourceProperties')) {
      inv.log.info('domain changed: creating a replacement case rule', { domainId: desired.domainId });
      return replaceCaseRule(inv, desired);
    }
    const current = await readCaseRule(inv, desired.domainId, physicalResourceId);
    if (current === undefined) {
      inv.log.warn('case rule deleted out of band: creating it again', { domainId: desired.domainId, caseRuleId: physicalResourceId });
      return replaceCaseRule(inv, desired);
    }
    return updateInPlace(inv, desired, current);
  },

  async delete(inv, properties, caseRuleId) {
    const domainId = domainIdOf(properties, '');
    try {
      await callCases(inv, { ...existing(domainId, caseRuleId), operation: 'DeleteCaseRule' }, (abortSignal) =>
        cases.send(new DeleteCaseRuleCommand({ domainId, caseRuleId }), { abortSignal }));
    } catch (error) {
      if (!isCasesError(error, 'ResourceNotFoundException')) throw error;
      inv.log.info('case rule already gone', { domainId, caseRuleId });
    }
  },
};

async function createCaseRule(inv: Invocation, desired: DesiredCaseRule): Promise<ResourceOutcome> {
  const { domainId, name, description, rule } = desired;
  let created;
  try {
    created = await callCases(inv, { ...named(desired), operation: 'CreateCaseRule' }, (abortSignal) =>
      cases.send(new CreateCaseRuleCommand({ domainId, name, description, rule }), { abortSignal }));
  } catch (error) {
    if (isCasesError(error, 'ConflictException')) return adoptOwnCaseRule(inv, desired, error);
    throw error;
  }
  const caseRuleId = present(created.caseRuleId, 'caseRuleId');
  try {
    const caseRuleArn = present(created.caseRuleArn, 'caseRuleArn');
    await applyTagDiff(inv, caseRuleArn, diffTags({}, desiredTags(desired.tags, inv.ownerTagValue)), existing(domainId, caseRuleId));
    return outcome(caseRuleId, caseRuleArn);
  } catch (error) {
    throw withCreatedId(error, caseRuleId);
  }
}

/** A replacement created during an Update is deleted again when the Update fails. */
function replaceCaseRule(inv: Invocation, desired: DesiredCaseRule): Promise<ResourceOutcome> {
  const { domainId } = desired;
  return createReplacement(inv, 'case rule', () => createCaseRule(inv, desired),
    (caseRuleId) => caseRuleHandler.delete(inv, { DomainId: domainId }, caseRuleId),
    (caseRuleId) => ({ domainId, caseRuleId }));
}

/** Writes the full desired state: a removed description is cleared with "". */
async function updateInPlace(inv: Invocation, desired: DesiredCaseRule, current: GetCaseRuleResponse): Promise<ResourceOutcome> {
  const { domainId, name, description, rule } = desired;
  const caseRuleId = present(current.caseRuleId, 'caseRuleId');
  const caseRuleArn = present(current.caseRuleArn, 'caseRuleArn');
  await callCases(inv, { ...existing(domainId, caseRuleId), operation: 'UpdateCaseRule' }, (abortSignal) =>
    cases.send(new UpdateCaseRuleCommand({ domainId, caseRuleId, name, description: description ?? '', rule }), { abortSignal }));
  await applyTagDiff(inv, caseRuleArn, diffTags(current.tags, desiredTags(desired.tags, inv.ownerTagValue)), existing(domainId, caseRuleId));
  return outcome(caseRuleId, caseRuleArn);
}

/**
 * A Create that met a same-named rule: when that rule carries our owner tag, an earlier attempt of
 * this request created it (Lambda retries asynchronous invocations), so it is ours to finish.
 */
async function adoptOwnCaseRule(inv: Invocation, desired: DesiredCaseRule, conflict: unknown): Promise<ResourceOutcome> {
  const caseRuleId = await findLiveCaseRuleId(inv, desired);
  const current = caseRuleId === undefined ? undefined : await readCaseRule(inv, desired.domainId, caseRuleId);
  if (current === undefined) throw conflict;
  if (!isOwnedBy(current.tags, inv.ownerTagValue)) {
    throw new HandlerFailure(`CreateCaseRule failed for ${named(desired).resource}: case rule ${caseRuleId} already has this name `
      + 'and was not created by this stack resource; choose another name or delete that case rule');
  }
  inv.log.info('adopting the case rule an earlier attempt of this request created', { domainId: desired.domainId, caseRuleId });
  try {
    return await updateInPlace(inv, desired, current);
  } catch (error) {
    throw withCreatedId(error, present(caseRuleId, 'caseRuleId'));
  }
}

/** The id of the live rule named like `desired`, searching all pages. */
async function findLiveCaseRuleId(inv: Invocation, desired: DesiredCaseRule): Promise<string | undefined> {
  const { domainId } = desired;
  let nextToken: string | undefined;
  do {
    const page = await callCases(inv, { ...named(desired), operation: 'ListCaseRules' }, (abortSignal) =>
      cases.send(new ListCaseRulesCommand({ domainId, maxResults: 100, nextToken }), { abortSignal }));
    const match = page.caseRules?.find((summary) => summary.name === desired.name);
    if (match !== undefined) return match.caseRuleId;
    nextToken = page.nextToken ?? undefined;
  } while (nextToken);
  return undefined;
}

/** The rule, or undefined when it does not exist or is deleted (BatchGetCaseRule keeps deleted rules). */
async function readCaseRule(inv: Invocation, domainId: string, caseRuleId: string): Promise<GetCaseRuleResponse | undefined> {
  const target = existing(domainId, caseRuleId);
  const result = await callCases(inv, { ...target, operation: 'BatchGetCaseRule' }, (abortSignal) =>
    cases.send(new BatchGetCaseRuleCommand({ domainId, caseRules: [{ id: caseRuleId }] }), { abortSignal }));
  const found = result.caseRules?.find((rule) => rule.caseRuleId === caseRuleId);
  if (found !== undefined) return found.deleted ? undefined : found;
  const error = result.errors?.find((entry) => entry.id === caseRuleId);
  if (error === undefined || error.errorCode === 'ResourceNotFoundException') return undefined;
  throw new HandlerFailure(`BatchGetCaseRule failed for ${target.resource}: ${error.errorCode}: ${error.message ?? ''}`);
}

function outcome(caseRuleId: string, caseRuleArn: string): ResourceOutcome {
  const data: CaseRuleAttributes = { CaseRuleId: caseRuleId, CaseRuleArn: caseRuleArn };
  return { physicalResourceId: caseRuleId, data: { ...data } };
}

/** A rule known by id. */
function existing(domainId: string, caseRuleId: string): Omit<CasesCall, 'operation'> {
  return { resource: `case rule ${caseRuleId} in domain ${domainId}`, ids: { domainId, caseRuleId } };
}

/** A rule known by name only (before it exists). */
function named(desired: DesiredCaseRule): Omit<CasesCall, 'operation'> {
  return { resource: `case rule '${desired.name}' in domain ${desired.domainId}`, ids: { domainId: desired.domainId } };
}
