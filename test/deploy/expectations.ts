import { createHash } from 'node:crypto';
import { OWNER_TAG_KEY } from '../../lib/private/contract';
import { CaseRuleRecord, FakeCases, TemplateRecord } from '../fake';
import { ResourceEvent, SimulatedStack, StackOperationResult } from './simulator';

/**
 * The owner tag the handler must put on what it creates for `logicalId`: sha256 hex of
 * `${StackId}/${LogicalResourceId}` (see `OWNER_TAG_KEY` in the contract).
 */
export function ownerTag(stack: SimulatedStack, logicalId: string): Record<string, string> {
  const digest = createHash('sha256').update(`${stack.identity.stackId}/${logicalId}`).digest('hex');
  return { [OWNER_TAG_KEY]: digest };
}

/** Live case rules of a domain, sorted by name so that expectations need not know creation order. */
export function liveCaseRules(fake: FakeCases, domainId: string): CaseRuleRecord[] {
  return fake.caseRules(domainId).sort(byName);
}

/** Live templates of a domain, sorted by name. */
export function liveTemplates(fake: FakeCases, domainId: string): TemplateRecord[] {
  return fake.templates(domainId).sort(byName);
}

export function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Fails with the stack events when an operation did not end in `status`. */
export function expectStatus(result: StackOperationResult, status: StackOperationResult['status']): void {
  if (result.status !== status) {
    const events = result.events.map((e) => `${e.phase} ${e.action} ${e.logicalId}: ${e.status}${e.reason ? ` (${e.reason})` : ''}`);
    throw new Error(`expected ${status}, the stack ended in ${result.status}; events:\n${events.join('\n')}`);
  }
}

/** The one event of `action` on `logicalId` in `phase`; a test mistake when there is not exactly one. */
export function eventOf(result: StackOperationResult, logicalId: string, action: ResourceEvent['action'], phase?: ResourceEvent['phase']): ResourceEvent {
  const matches = result.events.filter((e) => e.logicalId === logicalId && e.action === action && (phase === undefined || e.phase === phase));
  if (matches.length !== 1) throw new Error(`expected one ${phase ?? ''} ${action} of ${logicalId}, found ${matches.length}`);
  return matches[0];
}

/** Custom-resource events of an operation, for counting what reached the handler. */
export function handlerEvents(result: StackOperationResult): ResourceEvent[] {
  return result.events.filter((e) => e.type.startsWith('Custom::') && e.status !== 'RETAINED');
}
