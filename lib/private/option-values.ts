import { Token } from 'aws-cdk-lib';
import { LIMITS } from './api-limits';
import { describeValue, duplicates } from './validate';

/**
 * The one rule for option values of SingleSelect fields, shared by `CaseRuleDefinition.fieldOptions`,
 * the CSV reader (`FieldOptionsCsv`) and the `FieldOptions` construct (option names and values), so
 * that whatever one accepts the others accept too.
 *
 * The API states `FieldOptionValue` and `FieldOptionName` as 1-100 characters with the pattern
 * `^.*[\S]$`: one line (`.` does not match a line break), not ending in white space.
 */

/**
 * Every problem of one option value (none when it is valid or an unresolved token).
 *
 * @param subject what is checked, e.g. `property 'rule.mappings[0].parentValue'` or `Parent Value`
 */
export function optionValueProblems(subject: string, value: string): string[] {
  if (Token.isUnresolved(value)) return [];
  const problems: string[] = [];
  if (value.length < 1 || value.length > LIMITS.OPTION_VALUE_MAX_LENGTH) {
    problems.push(`${subject} must be 1-${LIMITS.OPTION_VALUE_MAX_LENGTH} characters; received ${describeValue(value)}`);
  }
  if (/[\r\n]/.test(value)) {
    problems.push(`${subject} must not contain a line break; received ${describeValue(value)}`);
  }
  if (/\s$/.test(value)) {
    problems.push(`${subject} must not end in white space; received ${describeValue(value)}`);
  }
  return problems;
}

/**
 * A list of option values that must not repeat a value (the child values of one mapping, the
 * parent values of a rule, the options of a field): one problem per repeated value.
 *
 * @param subject the list, e.g. `property 'rule.mappings[0].childValues'`
 * @param what what the list holds, e.g. `child value`
 */
export function repeatedOptionValueProblems(subject: string, values: readonly string[], what: string): string[] {
  return duplicates(values).map((value) => `${subject} must not hold the same ${what} twice; received ${describeValue(value)} more than once`);
}
