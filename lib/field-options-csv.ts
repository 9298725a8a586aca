import { FieldOptionMapping } from './field-option-mapping';
import { LIMITS } from './private/api-limits';
import { optionValueProblems } from './private/option-values';
import { CsvRecord, readCsvRecords } from './field-options/csv-records';

/**
 * Reader of the CSV file the Amazon Connect admin website takes for the bulk upload of dependent
 * field options ("CSV upload for dependent field options" in the admin guide), so the same file can
 * feed a `fieldOptions` case rule. Format and choices: docs/rule-evaluation.md.
 *
 * The file has a header row naming four columns, `Parent Field Name`, `Child Field Name`,
 * `Parent Value` and `Child Value`, then one parent value/child value pair per row. One file may
 * hold several parent/child field pairs.
 */

/** One parent/child field pair read from the file, with its mappings in file order. */
export interface FieldOptionsCsvRule {
  /** The `Parent Field Name` column: the source field's name (not its id). */
  readonly parentFieldName: string;
  /** The `Child Field Name` column: the target field's name (not its id). */
  readonly childFieldName: string;
  /** The child values of each parent value, both in the order they first appear. */
  readonly mappings: FieldOptionMapping[];
}

/** Which field pair of a file to read. */
export interface FieldOptionsCsvSelection {
  /** The `Parent Field Name` to read. */
  readonly parentFieldName: string;
  /** The `Child Field Name` to read. */
  readonly childFieldName: string;
}

/** Reads the dependent-field-options CSV of the Amazon Connect admin website. */
export class FieldOptionsCsv {
  /** Longest option value the Cases API accepts. */
  public static readonly MAX_VALUE_LENGTH = LIMITS.OPTION_VALUE_MAX_LENGTH;
  /** Most parent values one field-options rule may map. */
  public static readonly MAX_PARENT_VALUES = LIMITS.MAX_FIELD_OPTION_MAPPINGS;
  /** Most child values one parent value may map to. */
  public static readonly MAX_CHILD_VALUES = LIMITS.MAX_CHILD_OPTION_VALUES;

  /**
   * Every field pair of the file, in the order they first appear.
   *
   * @throws Error naming the line and the problem: malformed CSV (unterminated quote, text after a
   *   closing quote), a missing or wrong header, a row without exactly four values, an empty field
   *   name, an option value that `fieldOptions` would refuse (empty, over 100 characters, ending in
   *   white space, holding a line break), a repeated child value for one parent value,
   *   more than 200 parent values or more than 1500 child values for one parent value.
   */
  public static parse(text: string): FieldOptionsCsvRule[] {
    const records = readCsvRecords(text, csvError);
    if (records.length === 0) {
      throw csvError(1, `the file is empty; expected the header row ${HEADER_TEXT}`);
    }
    const [header, ...rows] = records;
    const columns = headerColumns(header);
    if (rows.length === 0) {
      throw csvError(header.line, 'the file has a header but no mapping rows');
    }
    const pairs = new Map<string, PairBuilder>();
    for (const row of rows) {
      const values = rowValues(row, columns);
      const key = JSON.stringify([values.parentFieldName, values.childFieldName]);
      let pair = pairs.get(key);
      if (!pair) {
        pair = new PairBuilder(values.parentFieldName, values.childFieldName);
        pairs.set(key, pair);
      }
      pair.add(values.parentValue, values.childValue, row.line);
    }
    return [...pairs.values()].map((pair) => pair.build());
  }

  /**
   * The mappings of one field pair: the file's only pair, or the pair `selection` names.
   *
   * @throws Error as `parse` does, when the file holds several pairs and no selection says which,
   *   or when the selected pair is not in the file.
   */
  public static mappings(text: string, selection?: FieldOptionsCsvSelection): FieldOptionMapping[] {
    const rules = FieldOptionsCsv.parse(text);
    const found = rules.map((rule) => `'${rule.parentFieldName}' -> '${rule.childFieldName}'`).join(', ');
    if (!selection) {
      if (rules.length > 1) {
        throw new Error(`Field options CSV holds ${rules.length} field pairs (${found}): say which one to read`);
      }
      return rules[0].mappings;
    }
    const rule = rules.find((candidate) =>
      candidate.parentFieldName === selection.parentFieldName && candidate.childFieldName === selection.childFieldName);
    if (!rule) {
      throw new Error(`Field options CSV has no rows for '${selection.parentFieldName}' -> '${selection.childFieldName}'; it holds ${found}`);
    }
    return rule.mappings;
  }

  private constructor() {}
}

/** The header's column names, in the order the admin guide lists them. */
const HEADER = ['Parent Field Name', 'Child Field Name', 'Parent Value', 'Child Value'] as const;
const HEADER_TEXT = `'${HEADER.join(',')}'`;

type ColumnName = typeof HEADER[number];

function csvError(line: number, problem: string): Error {
  return new Error(`Field options CSV line ${line}: ${problem}`);
}

/** Header names compare ignoring case and repeated white space, which spreadsheets often vary. */
function normalizeHeader(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Index of each column, found by name, so the columns may come in any order. */
function headerColumns(header: CsvRecord): Record<ColumnName, number> {
  const received = header.values.map((value) => normalizeHeader(value.text));
  const columns = HEADER.map((name) => received.indexOf(normalizeHeader(name)));
  // Four distinct names found among four columns: each column is named exactly once.
  if (received.length !== HEADER.length || columns.includes(-1)) {
    const text = header.values.map((value) => value.text).join(',');
    throw csvError(header.line, `expected the header row ${HEADER_TEXT} (in any order); received '${text}'`);
  }
  return Object.fromEntries(HEADER.map((name, i) => [name, columns[i]])) as Record<ColumnName, number>;
}

interface RowValues {
  readonly parentFieldName: string;
  readonly childFieldName: string;
  readonly parentValue: string;
  readonly childValue: string;
}

function rowValues(row: CsvRecord, columns: Record<ColumnName, number>): RowValues {
  if (row.values.length !== HEADER.length) {
    throw csvError(row.line, `expected ${HEADER.length} values (${HEADER.join(', ')}); received ${row.values.length}`);
  }
  const value = (name: ColumnName, isOptionValue: boolean): string => {
    const text = row.values[columns[name]].text;
    // Option values follow the same rule as in `CaseRuleDefinition.fieldOptions`; field names
    // only need to be there (the construct takes field ids, not these names).
    const problems = isOptionValue ? optionValueProblems(name, text) : text === '' ? [`${name} is empty`] : [];
    if (problems.length > 0) {
      throw csvError(row.line, problems.join('; '));
    }
    return text;
  };
  return {
    parentFieldName: value('Parent Field Name', false),
    childFieldName: value('Child Field Name', false),
    parentValue: value('Parent Value', true),
    childValue: value('Child Value', true),
  };
}

/** Collects one field pair's rows, enforcing the API's limits as rows arrive so errors name the line. */
class PairBuilder {
  /** Child values of each parent value, with the line each child came from (for duplicate errors). */
  private readonly children = new Map<string, Map<string, number>>();

  constructor(private readonly parentFieldName: string, private readonly childFieldName: string) {}

  public add(parentValue: string, childValue: string, line: number): void {
    let children = this.children.get(parentValue);
    if (!children) {
      if (this.children.size === FieldOptionsCsv.MAX_PARENT_VALUES) {
        throw csvError(line, `'${this.parentFieldName}' -> '${this.childFieldName}' has more than ${FieldOptionsCsv.MAX_PARENT_VALUES} parent values (at '${parentValue}')`);
      }
      children = new Map();
      this.children.set(parentValue, children);
    }
    const firstLine = children.get(childValue);
    if (firstLine !== undefined) {
      throw csvError(line, `child value '${childValue}' of parent value '${parentValue}' repeats line ${firstLine}`);
    }
    if (children.size === FieldOptionsCsv.MAX_CHILD_VALUES) {
      throw csvError(line, `parent value '${parentValue}' has more than ${FieldOptionsCsv.MAX_CHILD_VALUES} child values`);
    }
    children.set(childValue, line);
  }

  public build(): FieldOptionsCsvRule {
    return {
      parentFieldName: this.parentFieldName,
      childFieldName: this.childFieldName,
      mappings: [...this.children].map(([parentValue, children]) => ({ parentValue, childValues: [...children.keys()] })),
    };
  }
}
