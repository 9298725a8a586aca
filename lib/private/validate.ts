import { Token } from 'aws-cdk-lib';
import { LIMITS } from './api-limits';

/**
 * Checks of the Cases API's stated limits, shared by the rule model and the constructs.
 *
 * Each check returns the problem as text (or undefined), never throws, so that a construct can
 * collect every problem in `node.addValidation` (CDK then adds the construct path). A value that is
 * still an unresolved token is never checked: its real value is only known at deploy time.
 *
 * `subject` names what is checked, e.g. `property 'rule.conditions[0].value'`; constructs prefix
 * their own name (`CaseRule property 'caseRuleName'`).
 */

/** The subject of a problem with a property, e.g. `property 'rule.conditions[0].value'`. */
export function property(path: string): string {
  return `property '${path}'`;
}

/** Longest excerpt of a received string quoted in a message. */
const EXCERPT_LENGTH = 40;

/**
 * Quotes a received value for an error message: strings in single quotes with their length,
 * shortened when long, with line breaks and tabs written as `\n`, `\r`, `\t` so the message stays
 * on one line.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const excerpt = value.length > EXCERPT_LENGTH ? `${value.slice(0, EXCERPT_LENGTH)}...` : value;
    const visible = excerpt.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
    return `'${visible}' (${value.length} ${value.length === 1 ? 'character' : 'characters'})`;
  }
  return String(value);
}

/** Name rule of case rules and templates: pattern `^.*[\S]$`, 1-100 characters. */
export function checkName(subject: string, value: string): string | undefined {
  if (Token.isUnresolved(value)) return undefined;
  if (value.length < 1 || value.length > LIMITS.NAME_MAX_LENGTH || !/\S$/.test(value)) {
    return `${subject} must be 1-${LIMITS.NAME_MAX_LENGTH} characters and must not end in white space; received ${describeValue(value)}`;
  }
  return undefined;
}

/** A string whose length must be within [min, max]. Undefined (an absent optional) passes. */
export function checkLength(subject: string, value: string | undefined, min: number, max: number): string | undefined {
  if (value === undefined || Token.isUnresolved(value)) return undefined;
  if (value.length < min || value.length > max) {
    return `${subject} must be ${min === 0 ? `at most ${max}` : `${min}-${max}`} characters; received ${describeValue(value)}`;
  }
  return undefined;
}

/** Ids of domains, fields, layouts, rules and templates: 1-500 characters. */
export function checkId(subject: string, value: string | undefined): string | undefined {
  return checkLength(subject, value, 1, LIMITS.ID_MAX_LENGTH);
}

/** A list whose length must be within [min, max]; `what` names its items (`conditions`). */
export function checkCount(subject: string, count: number, min: number, max: number, what: string): string | undefined {
  if (count < min || count > max) {
    const limit = min === 0 ? `at most ${max}` : `${min}-${max}`;
    return `${subject} must have ${limit} ${what}; received ${count}`;
  }
  return undefined;
}

/** A number the API can carry (a JSON double). */
export function checkFiniteNumber(subject: string, value: number): string | undefined {
  if (Token.isUnresolved(value)) return undefined;
  if (!Number.isFinite(value)) {
    return `${subject} must be a finite number; received ${describeValue(value)}`;
  }
  return undefined;
}

/**
 * The first value of `values` that occurs twice. Tokens take part: the same token twice is the
 * same value (two different tokens may also be, but that cannot be known before deployment).
 */
export function firstDuplicate(values: readonly string[]): string | undefined {
  return duplicates(values)[0];
}

/** Every value that occurs more than once, each listed once, in the order its repeat appears. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/** The problems found, without the checks that passed. */
export function problemsOf(checks: ReadonlyArray<string | undefined>): string[] {
  return checks.filter((problem): problem is string => problem !== undefined);
}

/** Throws the first problem found, prefixed with where it was found. */
export function throwFirst(where: string, problems: ReadonlyArray<string | undefined>): void {
  const problem = problems.find((p) => p !== undefined);
  if (problem !== undefined) {
    throw new Error(where ? `[${where}] ${problem}` : problem);
  }
}
