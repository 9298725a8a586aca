/**
 * RFC 4180 records, shared by the CSV readers of option lists (`FieldOptions.optionsFromCsv`) and
 * of dependent-option mappings (`FieldOptionsCsv`), so that both read quoting, line breaks and blank
 * lines the same way.
 */

/** One CSV record: its values and the line it starts on (quoted values may span lines). */
export interface CsvRecord {
  readonly line: number;
  readonly values: CsvValue[];
}

export interface CsvValue {
  readonly text: string;
  readonly quoted: boolean;
}

/** Builds the error to throw for a syntax problem on `line` (each reader names its own format). */
export type CsvErrorFactory = (line: number, problem: string) => Error;

/**
 * Splits CSV text into records: values separated by commas, records by CRLF, LF or CR. A quoted
 * value may hold commas, line breaks and doubled quotes. White space around an unquoted value, or
 * around the quotes of a quoted one, is dropped. A leading byte-order mark is ignored. Records with
 * nothing but white space are skipped.
 *
 * @throws the error `csvError` builds, for an unterminated quote, a quote inside an unquoted value
 *   or text after a closing quote
 */
export function readCsvRecords(input: string, csvError: CsvErrorFactory): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let position = 0;

  const atLineBreak = (): boolean => text[position] === '\n' || text[position] === '\r';
  const skipLineBreak = (): void => {
    position += text.startsWith('\r\n', position) ? 2 : 1;
    line++;
  };
  const skipBlanks = (): void => {
    while (position < text.length && (text[position] === ' ' || text[position] === '\t')) position++;
  };

  while (position < text.length) {
    const recordLine = line;
    const values: CsvValue[] = [];
    for (;;) {
      values.push(readValue());
      if (position >= text.length) break;
      if (atLineBreak()) {
        skipLineBreak();
        break;
      }
      position++; // the comma that readValue stopped at
    }
    const blank = values.length === 1 && !values[0].quoted && values[0].text === '';
    if (!blank) records.push({ line: recordLine, values });
  }
  return records;

  function readValue(): CsvValue {
    skipBlanks();
    if (text[position] !== '"') {
      const start = position;
      while (position < text.length && text[position] !== ',' && !atLineBreak()) {
        if (text[position] === '"') {
          throw csvError(line, 'a quote inside an unquoted value; put the whole value in quotes and double the quote ("")');
        }
        position++;
      }
      return { text: text.slice(start, position).trim(), quoted: false };
    }
    const openingLine = line;
    position++; // opening quote
    let value = '';
    for (;;) {
      if (position >= text.length) {
        throw csvError(openingLine, 'unterminated quoted value: the quote opened here is never closed');
      }
      const char = text[position];
      if (char === '"') {
        if (text[position + 1] === '"') {
          value += '"';
          position += 2;
          continue;
        }
        position++; // closing quote
        break;
      }
      if (atLineBreak()) {
        // A line break inside quotes is part of the value; keep it as written but count the line.
        value += text.startsWith('\r\n', position) ? '\r\n' : char;
        skipLineBreak();
        continue;
      }
      value += char;
      position++;
    }
    skipBlanks();
    if (position < text.length && text[position] !== ',' && !atLineBreak()) {
      throw csvError(line, `unexpected text after a closing quote: '${text.slice(position, position + 20)}'`);
    }
    return { text: value, quoted: true };
  }
}
