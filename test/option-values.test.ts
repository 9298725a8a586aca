import { Lazy } from 'aws-cdk-lib';
import { optionValueProblems, repeatedOptionValueProblems } from '../lib/private/option-values';

/*
 * The one rule for option values (FieldOptionValue / FieldOptionName: 1-100 characters, pattern
 * `^.*[\S]$`), used by fieldOptions rules, the CSV reader and the FieldOptions construct.
 */

describe('optionValueProblems', () => {
  const subject = "property 'options[0].value'";

  test.each<[string, string, string[]]>([
    ['empty', '', ["property 'options[0].value' must be 1-100 characters; received '' (0 characters)"]],
    ['101 characters', 'v'.repeat(101), [`property 'options[0].value' must be 1-100 characters; received '${'v'.repeat(40)}...' (101 characters)`]],
    ['a trailing space', 'open ', ["property 'options[0].value' must not end in white space; received 'open ' (5 characters)"]],
    ['a trailing tab', 'open\t', ["property 'options[0].value' must not end in white space; received 'open\\t' (5 characters)"]],
    ['only white space', ' ', ["property 'options[0].value' must not end in white space; received ' ' (1 character)"]],
    ['a line break inside', 'a\nb', ["property 'options[0].value' must not contain a line break; received 'a\\nb' (3 characters)"]],
    ['a carriage return inside', 'a\rb', ["property 'options[0].value' must not contain a line break; received 'a\\rb' (3 characters)"]],
    ['three problems at once', `${'v'.repeat(100)}\n`, [
      `property 'options[0].value' must be 1-100 characters; received '${'v'.repeat(40)}...' (101 characters)`,
      `property 'options[0].value' must not contain a line break; received '${'v'.repeat(40)}...' (101 characters)`,
      `property 'options[0].value' must not end in white space; received '${'v'.repeat(40)}...' (101 characters)`,
    ]],
  ])('refuses %s', (_name, value, problems) => {
    expect(optionValueProblems(subject, value)).toEqual(problems);
  });

  test.each([
    ['1 character', 'a'],
    ['100 characters', 'v'.repeat(100)],
    ['inner and leading white space', ' New  York'],
    ['punctuation and non-ASCII', 'Über-Kategorie / 1'],
  ])('accepts %s', (_name, value) => {
    expect(optionValueProblems(subject, value)).toEqual([]);
  });

  test('an unresolved token is not checked', () => {
    expect(optionValueProblems(subject, Lazy.string({ produce: () => '' }))).toEqual([]);
  });
});

describe('repeatedOptionValueProblems', () => {
  test('names each repeated value once, in the order the repeats appear', () => {
    expect(repeatedOptionValueProblems("property 'options'", ['b', 'a', 'b', 'a', 'b', 'c'], 'option value')).toEqual([
      "property 'options' must not hold the same option value twice; received 'b' (1 character) more than once",
      "property 'options' must not hold the same option value twice; received 'a' (1 character) more than once",
    ]);
  });

  test('values differing in case are distinct', () => {
    expect(repeatedOptionValueProblems("property 'options'", ['open', 'Open'], 'option value')).toEqual([]);
  });
});
