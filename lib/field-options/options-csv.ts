import { optionValueProblems } from '../private/option-values';
import { CsvRecord, readCsvRecords } from './csv-records';
import { FieldOption } from './field-option';

/**
 * Reader of an option list in CSV (`FieldOptions.optionsFromCsv`). Two forms:
 *
 * - With a header row: the first row names the columns, in any order and any case: `value`
 *   (required), `name` (optional: the value when absent or empty) and `active` (optional: `true` or
 *   `false` in any case; empty means `true`). Every other row is one option.
 * - Without one: one value per line; each option is named like its value and active. A value that
 *   holds a comma is quoted.
 *
 * The first row is the header when every one of its values is `value`, `name` or `active` and one
 * of them is `value`. Values follow RFC 4180 (quotes, doubled quotes, line breaks in quotes);
 * blank lines are skipped. Every problem is an error naming the line.
 */
export function readOptionsCsv(text: string): FieldOption[] {
  const records = readCsvRecords(text, csvError);
  if (records.length === 0) {
    throw csvError(1, `the file is empty; expected one value per line, or a header row such as '${HEADER_EXAMPLE}' and one option per row`);
  }
  const columns = headerColumns(records[0]);
  if (columns === undefined) return collect(records.map(valueOnlyOption));
  if (records.length === 1) throw csvError(records[0].line, 'the file has a header but no option rows');
  return collect(records.slice(1).map((record) => headedOption(record, columns)));
}

type ColumnName = 'value' | 'name' | 'active';
const COLUMN_NAMES: readonly ColumnName[] = ['value', 'name', 'active'];
const HEADER_EXAMPLE = 'name,value,active';

interface OptionRow {
  readonly line: number;
  readonly option: FieldOption;
}

function csvError(line: number, problem: string): Error {
  return new Error(`FieldOptions.optionsFromCsv line ${line}: ${problem}`);
}

/** Index of each column the header names, or undefined when the first row is not a header. */
function headerColumns(first: CsvRecord): Partial<Record<ColumnName, number>> | undefined {
  const names = first.values.map((value) => value.text.trim().toLowerCase());
  if (!names.includes('value') || !names.every((name) => (COLUMN_NAMES as readonly string[]).includes(name))) {
    if (first.values.length > 1) {
      throw csvError(first.line, `expected a header row naming the columns value, name and active (name and active optional, any order), `
        + `or one value per line; received '${first.values.map((value) => value.text).join(',')}'`);
    }
    return undefined;
  }
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw csvError(first.line, `the header names the column '${repeated}' twice`);
  return Object.fromEntries(names.map((name, index) => [name, index]));
}

function valueOnlyOption(record: CsvRecord): OptionRow {
  if (record.values.length !== 1) {
    throw csvError(record.line, `expected one value per line (the file has no header row); received ${record.values.length} values; `
      + `quote a value that holds a comma, or start the file with a header row such as '${HEADER_EXAMPLE}'`);
  }
  const value = checked(record, 'value', record.values[0].text);
  return { line: record.line, option: { name: value, value, active: true } };
}

function headedOption(record: CsvRecord, columns: Partial<Record<ColumnName, number>>): OptionRow {
  const width = Object.keys(columns).length;
  if (record.values.length !== width) {
    throw csvError(record.line, `expected ${width} values, as the header names; received ${record.values.length}`);
  }
  const cell = (column: ColumnName) => columns[column] === undefined ? '' : record.values[columns[column]!].text;
  const value = checked(record, 'value', cell('value'));
  const name = cell('name') === '' ? value : checked(record, 'name', cell('name'));
  return { line: record.line, option: { name, value, active: activeFlag(record, cell('active')) } };
}

/** The same rule as the construct's own validation, so that a file that reads also synthesizes. */
function checked(record: CsvRecord, column: ColumnName, text: string): string {
  const problems = optionValueProblems(column, text);
  if (problems.length > 0) throw csvError(record.line, problems.join('; '));
  return text;
}

function activeFlag(record: CsvRecord, text: string): boolean {
  const flag = text.trim().toLowerCase();
  if (flag === '' || flag === 'true') return true;
  if (flag === 'false') return false;
  throw csvError(record.line, `active must be true, false or empty (true); received '${text}'`);
}

/** The options in file order; a value may appear once (it identifies the option). */
function collect(rows: OptionRow[]): FieldOption[] {
  const firstLine = new Map<string, number>();
  for (const { line, option } of rows) {
    const earlier = firstLine.get(option.value);
    if (earlier !== undefined) throw csvError(line, `value '${option.value}' repeats line ${earlier}; each value may appear once`);
    firstLine.set(option.value, line);
  }
  return rows.map((row) => row.option);
}
