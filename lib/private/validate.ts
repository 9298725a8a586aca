import { Token } from 'aws-cdk-lib';
import { LIMITS } from './api-limits';

/**
 * Checks of the Cases API's stated limits, shared by the rule model and both constructs.
 *
 * Each check returns the problem as text (or undefined), so constructs can either throw it at once
 * or collect it in `node.addValidation`. A value that is still an unresolved token is never checked:
 * its real value is only known at deploy time.
 *
 * `subject` names what is checked, e.g. `CaseRule property 'caseRuleName'`; the caller adds the
 * construct path (CDK adds it itself for `addValidation` errors).
 */

/** Longest excerpt of a received string quoted in a message. */
const EXCERPT_LENGTH = 40;

/** Quotes a received value for an error message, shortening long strings. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const excerpt = value.length > EXCERPT_LENGTH ? `${value.slice(0, EXCERPT_LENGTH)}...` : value;
    return `'${excerpt}' (${value.length} characters)`;
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

/** A list whose length must be within [min, max]. */
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
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}

/** Throws the first problem found, prefixed with where it was found. */
export function throwFirst(where: string, problems: ReadonlyArray<string | undefined>): void {
  const problem = problems.find((p) => p !== undefined);
  if (problem !== undefined) {
    throw new Error(where ? `[${where}] ${problem}` : problem);
  }
}
