import { CaseRuleDefinition } from '../lib/case-rule-definition';
import { FieldOptionsCsv } from '../lib/field-options-csv';

const HEADER = 'Parent Field Name,Child Field Name,Parent Value,Child Value';

/** A file from lines, joined with LF. */
const lines = (...rows: string[]): string => rows.join('\n');

/** `count` rows of the Country -> State pair, built by `row(i)` (i from 0). */
const rows = (count: number, row: (i: number) => string): string[] => Array.from({ length: count }, (_, i) => row(i));

describe('FieldOptionsCsv.parse: valid files', () => {
  test.each<[string, string, unknown]>([
    [
      'one pair, rows grouped by parent value in order of first appearance',
      lines(HEADER, 'Country,State,US,CA', 'Country,State,Canada,ON', 'Country,State,US,NY', 'Country,State,Canada,QC'),
      [{ parentFieldName: 'Country', childFieldName: 'State', mappings: [
        { parentValue: 'US', childValues: ['CA', 'NY'] },
        { parentValue: 'Canada', childValues: ['ON', 'QC'] },
      ] }],
    ],
    [
      'CRLF line ends, a byte-order mark, blank lines and white space around unquoted values',
      `\uFEFF${HEADER}\r\n\r\n  Country , State ,\tUS , CA \r\n   \r\nCountry,State,US,NY\r\n`,
      [{ parentFieldName: 'Country', childFieldName: 'State', mappings: [{ parentValue: 'US', childValues: ['CA', 'NY'] }] }],
    ],
    [
      'CR-only line ends and no final line break',
      `${HEADER}\rCountry,State,US,CA\rCountry,State,US,NY`,
      [{ parentFieldName: 'Country', childFieldName: 'State', mappings: [{ parentValue: 'US', childValues: ['CA', 'NY'] }] }],
    ],
    [
      'quoted values keep commas, doubled quotes, line breaks and inner spaces',
      lines(HEADER, '"Product, line","Model ""X""", "Tools, hand" ,"12"" saw"', '"Product, line","Model ""X""","  Tools","Saw"'),
      [{ parentFieldName: 'Product, line', childFieldName: 'Model "X"', mappings: [
        { parentValue: 'Tools, hand', childValues: ['12" saw'] },
        { parentValue: '  Tools', childValues: ['Saw'] },
      ] }],
    ],
    [
      'a quoted field name spanning lines',
      lines(HEADER, '"Country\nof origin",State,US,CA'),
      [{ parentFieldName: 'Country\nof origin', childFieldName: 'State', mappings: [{ parentValue: 'US', childValues: ['CA'] }] }],
    ],
    [
      'header columns in another order, other case and spacing',
      lines('child value,PARENT VALUE,Parent  Field Name, Child Field Name', 'CA,US,Country,State'),
      [{ parentFieldName: 'Country', childFieldName: 'State', mappings: [{ parentValue: 'US', childValues: ['CA'] }] }],
    ],
    [
      'several field pairs in one file, and the same value under two pairs',
      lines(HEADER, 'Country,State,US,CA', 'Category,Subcategory,Electronics,Phones', 'Country,State,US,NY', 'Category,Subcategory,US,Phones'),
      [
        { parentFieldName: 'Country', childFieldName: 'State', mappings: [{ parentValue: 'US', childValues: ['CA', 'NY'] }] },
        { parentFieldName: 'Category', childFieldName: 'Subcategory', mappings: [
          { parentValue: 'Electronics', childValues: ['Phones'] },
          { parentValue: 'US', childValues: ['Phones'] },
        ] },
      ],
    ],
    [
      'the same child value under two parent values',
      lines(HEADER, 'Size,Fit,S,Regular', 'Size,Fit,M,Regular'),
      [{ parentFieldName: 'Size', childFieldName: 'Fit', mappings: [
        { parentValue: 'S', childValues: ['Regular'] },
        { parentValue: 'M', childValues: ['Regular'] },
      ] }],
    ],
    [
      'values that differ only in case are distinct',
      lines(HEADER, 'Country,State,us,ca', 'Country,State,US,CA', 'Country,State,US,ca'),
      [{ parentFieldName: 'Country', childFieldName: 'State', mappings: [
        { parentValue: 'us', childValues: ['ca'] },
        { parentValue: 'US', childValues: ['CA', 'ca'] },
      ] }],
    ],
  ])('%s', (_name, text, expected) => {
    expect(FieldOptionsCsv.parse(text)).toEqual(expected);
  });

  test('limits are inclusive: 200 parent values, 1500 child values, values of 100 characters', () => {
    // GIVEN 200 parent values, the first with 1500 children, and 100-character values
    const long = 'x'.repeat(100);
    const text = lines(
      HEADER,
      ...rows(1500, (i) => `Country,State,P0,C${i}`),
      ...rows(198, (i) => `Country,State,P${i + 1},C`),
      `Country,State,${long},${long}`,
    );
    // WHEN
    const [rule] = FieldOptionsCsv.parse(text);
    // THEN
    expect(rule.mappings).toHaveLength(200);
    expect(rule.mappings[0].childValues).toHaveLength(1500);
    expect(rule.mappings[0].childValues[1499]).toBe('C1499');
    expect(rule.mappings[199]).toEqual({ parentValue: long, childValues: [long] });
  });
});

describe('FieldOptionsCsv.parse: errors name the line and the problem', () => {
  test.each<[string, string, string]>([
    ['an empty file', '', 'line 1: the file is empty; expected the header row \'Parent Field Name,Child Field Name,Parent Value,Child Value\''],
    ['a file of blank lines', ' \n\r\n\t\n', 'line 1: the file is empty; expected the header row \'Parent Field Name,Child Field Name,Parent Value,Child Value\''],
    ['no header row', lines('Country,State,US,CA'), 'line 1: expected the header row \'Parent Field Name,Child Field Name,Parent Value,Child Value\' (in any order); received \'Country,State,US,CA\''],
    ['the two-column header', lines('Parent Value,Child Value', 'US,CA'), 'line 1: expected the header row \'Parent Field Name,Child Field Name,Parent Value,Child Value\' (in any order); received \'Parent Value,Child Value\''],
    ['a header naming one column twice', lines('Parent Field Name,Parent Field Name,Parent Value,Child Value'), 'line 1: expected the header row \'Parent Field Name,Child Field Name,Parent Value,Child Value\' (in any order); received \'Parent Field Name,Parent Field Name,Parent Value,Child Value\''],
    ['a header after blank lines', lines('', '', 'Parent,Child,Value'), 'line 3: expected the header row \'Parent Field Name,Child Field Name,Parent Value,Child Value\' (in any order); received \'Parent,Child,Value\''],
    ['a header without rows', lines(HEADER, ''), 'line 1: the file has a header but no mapping rows'],
    ['a row with three values', lines(HEADER, 'Country,State,US,CA', 'Country,State,NY'), 'line 3: expected 4 values (Parent Field Name, Child Field Name, Parent Value, Child Value); received 3'],
    ['a row with a trailing comma', lines(HEADER, 'Country,State,US,CA,'), 'line 2: expected 4 values (Parent Field Name, Child Field Name, Parent Value, Child Value); received 5'],
    ['an empty parent value', lines(HEADER, 'Country,State,US,CA', 'Country,State, ,NY'), "line 3: Parent Value must be 1-100 characters; received '' (0 characters)"],
    ['an empty quoted parent value', lines(HEADER, 'Country,State,"",NY'), "line 2: Parent Value must be 1-100 characters; received '' (0 characters)"],
    ['an empty child value', lines(HEADER, 'Country,State,US,'), "line 2: Child Value must be 1-100 characters; received '' (0 characters)"],
    ['an empty parent field name', lines(HEADER, ',State,US,CA'), 'line 2: Parent Field Name is empty'],
    ['an empty child field name', lines(HEADER, 'Country,,US,CA'), 'line 2: Child Field Name is empty'],
    ['an unterminated quote', lines(HEADER, 'Country,State,US,CA', 'Country,State,"US,NY', 'Country,State,US,TX'), 'line 3: unterminated quoted value: the quote opened here is never closed'],
    ['text after a closing quote', lines(HEADER, 'Country,State,"US" x,CA'), 'line 2: unexpected text after a closing quote: \'x,CA\''],
    ['a quote inside an unquoted value', lines(HEADER, 'Screen,Size,TV,55" wide'), 'line 2: a quote inside an unquoted value; put the whole value in quotes and double the quote ("")'],
    ['a parent value over 100 characters', lines(HEADER, `Country,State,${'p'.repeat(101)},CA`), `line 2: Parent Value must be 1-100 characters; received '${'p'.repeat(40)}...' (101 characters)`],
    ['a child value over 100 characters', lines(HEADER, `Country,State,US,${'c'.repeat(101)}`), `line 2: Child Value must be 1-100 characters; received '${'c'.repeat(40)}...' (101 characters)`],
    ['a quoted value ending in white space', lines(HEADER, 'Country,State,"US ",CA'), "line 2: Parent Value must not end in white space; received 'US ' (3 characters)"],
    ['an option value with a line break', lines(HEADER, 'Country,State,US,"New\nYork"'), "line 2: Child Value must not contain a line break; received 'New\\nYork' (8 characters)"],
    ['an option value breaking two rules at once', lines(HEADER, 'Country,State,US,"New\nYork "'),
      "line 2: Child Value must not contain a line break; received 'New\\nYork ' (9 characters); Child Value must not end in white space; received 'New\\nYork ' (9 characters)"],
    ['a repeated child value for one parent value', lines(HEADER, 'Country,State,US,CA', 'Country,State,US,NY', 'Country,State,US,CA'), 'line 4: child value \'CA\' of parent value \'US\' repeats line 2'],
    ['more than 200 parent values', lines(HEADER, ...rows(201, (i) => `Country,State,P${i},C`)), 'line 202: \'Country\' -> \'State\' has more than 200 parent values (at \'P200\')'],
    ['more than 1500 child values for one parent', lines(HEADER, ...rows(1501, (i) => `Country,State,US,C${i}`)), 'line 1502: parent value \'US\' has more than 1500 child values'],
  ])('%s', (_name, text, problem) => {
    expect(() => FieldOptionsCsv.parse(text)).toThrow(new Error(`Field options CSV ${problem}`));
  });

  test('line numbers count the lines inside quoted values and blank lines', () => {
    // GIVEN a two-line quoted field name on lines 3-4, a blank line 5 and a bad row on line 6
    const text = lines(HEADER, 'Country,State,US,CA', '"Country', 'of origin",State,US,CA', '', 'Country,State,US');
    expect(() => FieldOptionsCsv.parse(text)).toThrow(new Error('Field options CSV line 6: expected 4 values (Parent Field Name, Child Field Name, Parent Value, Child Value); received 3'));
  });

  test('the limit of 200 parent values applies to each field pair separately', () => {
    // GIVEN 150 parent values under each of two field pairs
    const text = lines(HEADER, ...rows(150, (i) => `Country,State,P${i},C`), ...rows(150, (i) => `Category,Subcategory,P${i},C`));
    expect(FieldOptionsCsv.parse(text).map((rule) => rule.mappings.length)).toEqual([150, 150]);
  });
});

describe('FieldOptionsCsv.mappings', () => {
  const twoPairs = lines(HEADER, 'Country,State,US,CA', 'Category,Subcategory,Electronics,Phones');

  test('returns the mappings of a file with one pair', () => {
    expect(FieldOptionsCsv.mappings(lines(HEADER, 'Country,State,US,CA', 'Country,State,US,NY')))
      .toEqual([{ parentValue: 'US', childValues: ['CA', 'NY'] }]);
  });

  test('returns the selected pair of a file with several', () => {
    expect(FieldOptionsCsv.mappings(twoPairs, { parentFieldName: 'Category', childFieldName: 'Subcategory' }))
      .toEqual([{ parentValue: 'Electronics', childValues: ['Phones'] }]);
  });

  test('asks which pair to read when the file has several', () => {
    expect(() => FieldOptionsCsv.mappings(twoPairs)).toThrow(new Error(
      'Field options CSV holds 2 field pairs (\'Country\' -> \'State\', \'Category\' -> \'Subcategory\'): say which one to read'));
  });

  test('names the pairs it holds when the selected pair is missing', () => {
    expect(() => FieldOptionsCsv.mappings(twoPairs, { parentFieldName: 'State', childFieldName: 'Country' })).toThrow(new Error(
      'Field options CSV has no rows for \'State\' -> \'Country\'; it holds \'Country\' -> \'State\', \'Category\' -> \'Subcategory\''));
  });
});

describe('the CSV reader and CaseRuleDefinition.fieldOptions judge option values alike', () => {
  const fieldOptionsProblems = (parentValue: string, childValue: string): string[] =>
    CaseRuleDefinition.fieldOptions({ parentFieldId: 'p', childFieldId: 'c', mappings: [{ parentValue, childValues: [childValue] }] })._validate('rule');

  test.each<[string, string]>([
    ['empty', ''],
    ['over 100 characters', 'v'.repeat(101)],
    ['ending in white space', 'US\t'],
    ['holding a line break', 'New\r\nYork'],
  ])('a value %s is refused by both with the same problem', (_name, value) => {
    // GIVEN the value as a child value in a CSV file and in a fieldOptions rule
    const quoted = `"${value}"`;
    const csv = (): unknown => FieldOptionsCsv.parse(lines(HEADER, `Country,State,US,${quoted}`));
    // WHEN
    const [problem] = fieldOptionsProblems('US', value);
    // THEN both refuse it, and the CSV error says what the rule's problem says after its subject
    expect(problem).toMatch(/^property 'rule.mappings\[0\].childValues\[0\]' /);
    const afterSubject = problem.replace("property 'rule.mappings[0].childValues[0]' ", '');
    expect(csv).toThrow(new Error(`Field options CSV line 2: Child Value ${afterSubject}`));
  });

  test('the mappings the reader returns pass the rule\'s validation, up to the limits', () => {
    // GIVEN a file at the limits: 200 parent values, 1500 children for one of them, 100-character values
    const long = 'x'.repeat(100);
    const text = lines(HEADER, ...rows(1500, (i) => `Country,State,P0,C${i}`), ...rows(198, (i) => `Country,State,P${i + 1},C`), `Country,State,${long},${long}`);
    // WHEN
    const rule = CaseRuleDefinition.fieldOptions({ parentFieldId: 'country', childFieldId: 'state', mappings: FieldOptionsCsv.mappings(text) });
    // THEN
    expect(rule._validate('rule')).toEqual([]);
  });
});
