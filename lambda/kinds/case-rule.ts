import {
  BatchGetCaseRuleCommand, CaseRuleDetails, CreateCaseRuleCommand, DeleteCaseRuleCommand, GetCaseRuleResponse, ListCaseRulesCommand,
  UpdateCaseRuleCommand,
} from '@aws-sdk/client-connectcases';
import { CaseRuleAttributes, CaseRuleProperties, RESOURCE_TYPES } from '../../lib/private/contract';
import { cases } from '../client';
import { decodeProperties, nonEmpty, userTags } from '../decode';
import { HandlerFailure, isCasesError } from '../errors';
import { callCases } from '../invocation';
import { ManagedKind } from '../kind';
import { canonical, findInPages, present } from './shared';

/** A case rule's desired state, in the API's shapes. */
export interface DesiredCaseRule {
  readonly domainId: string;
  readonly name: string;
  readonly description?: string;
  readonly rule: CaseRuleDetails;
  readonly adoptId?: string;
  readonly tags: Record<string, string>;
}

const target = (domainId: string, caseRuleId: string) => ({ resource: `case rule ${caseRuleId} in domain ${domainId}`, ids: { domainId, caseRuleId } });
const named = (domainId: string, name: string) => ({ resource: `case rule '${name}' in domain ${domainId}`, ids: { domainId } });

/**
 * `Custom::ConnectCasesCaseRule`, whose PhysicalResourceId is the caseRuleId. There is no
 * GetCaseRule: BatchGetCaseRule reads one rule, and keeps returning deleted ones with `deleted: true`.
 */
export const caseRuleKind: ManagedKind<DesiredCaseRule, GetCaseRuleResponse> = {
  resourceType: RESOURCE_TYPES.caseRule,
  noun: 'case rule',
  target,

  decode(properties) {
    const decoded = decodeProperties<CaseRuleProperties>(properties, 'CaseRuleProperties');
    return {
      domainId: nonEmpty(decoded.DomainId, 'DomainId'),
      name: decoded.Name,
      description: decoded.Description,
      rule: decoded.Rule as CaseRuleDetails,
      adoptId: decoded.AdoptId === undefined ? undefined : nonEmpty(decoded.AdoptId, 'AdoptId'),
      tags: userTags(decoded.Tags),
    };
  },

  async read(inv, domainId, caseRuleId) {
    const result = await callCases(inv, { ...target(domainId, caseRuleId), operation: 'BatchGetCaseRule' }, (abortSignal) =>
      cases.send(new BatchGetCaseRuleCommand({ domainId, caseRules: [{ id: caseRuleId }] }), { abortSignal }));
    const found = result.caseRules?.find((rule) => rule.caseRuleId === caseRuleId);
    if (found !== undefined) return found.deleted ? undefined : found;
    const error = result.errors?.find((entry) => entry.id === caseRuleId);
    if (error === undefined || error.errorCode === 'ResourceNotFoundException') return undefined;
    throw new HandlerFailure(`BatchGetCaseRule failed for ${target(domainId, caseRuleId).resource}: ${error.errorCode}: ${error.message ?? ''}`);
  },

  /** Writes the full desired state: a removed description is cleared with "". */
  async write(inv, desired, caseRuleId) {
    const { domainId, name, description, rule } = desired;
    await callCases(inv, { ...target(domainId, caseRuleId), operation: 'UpdateCaseRule' }, (abortSignal) =>
      cases.send(new UpdateCaseRuleCommand({ domainId, caseRuleId, name, description: description ?? '', rule }), { abortSignal }));
  },

  async delete(inv, domainId, caseRuleId) {
    try {
      await callCases(inv, { ...target(domainId, caseRuleId), operation: 'DeleteCaseRule' }, (abortSignal) =>
        cases.send(new DeleteCaseRuleCommand({ domainId, caseRuleId }), { abortSignal }));
    } catch (error) {
      if (!isCasesError(error, 'ResourceNotFoundException')) throw error;
      inv.log.info('case rule already gone', { domainId, caseRuleId });
    }
  },

  attributes(caseRuleId, caseRuleArn) {
    const data: CaseRuleAttributes = { CaseRuleId: caseRuleId, CaseRuleArn: present(caseRuleArn, 'caseRuleArn') };
    return { ...data };
  },

  identity: {
    type: 'assigned',
    arnOf: (live) => present(live.caseRuleArn, 'caseRuleArn'),

    sameContent: (live, desired) =>
      live.name === desired.name
      && (live.description ?? '') === (desired.description ?? '')
      && canonical(live.rule) === canonical(desired.rule),

    async create(inv, desired) {
      const { domainId, name, description, rule } = desired;
      const created = await callCases(inv, { ...named(domainId, name), operation: 'CreateCaseRule' }, (abortSignal) =>
        cases.send(new CreateCaseRuleCommand({ domainId, name, description, rule }), { abortSignal }), { retry: false });
      return { id: present(created.caseRuleId, 'caseRuleId'), arn: present(created.caseRuleArn, 'caseRuleArn') };
    },

    async findByName(inv, domainId, name) {
      const match = await findInPages(async (nextToken) => {
        const page = await callCases(inv, { ...named(domainId, name), operation: 'ListCaseRules' }, (abortSignal) =>
          cases.send(new ListCaseRulesCommand({ domainId, maxResults: 100, nextToken }), { abortSignal }));
        return { items: page.caseRules, nextToken: page.nextToken };
      }, (summary) => summary.name === name);
      return match?.caseRuleId;
    },
  },
};
