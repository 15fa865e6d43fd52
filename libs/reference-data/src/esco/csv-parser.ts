/**
 * A small RFC 4180 CSV reader, written for ESCO's CSV download (no dependency).
 *
 * What it accepts:
 * - fields separated by `,` (or another one-character delimiter), records ended by CRLF, LF or a
 *   lone CR; the last record may or may not end with a line break;
 * - quoted fields, with `""` for a quote inside them and line breaks kept verbatim (ESCO puts one
 *   alternative label per line inside a quoted `altLabels` field);
 * - a UTF-8 byte order mark at the start (as `\uFEFF` once the bytes are decoded), which is dropped;
 * - blank lines between records, which are skipped (RFC 4180 does not define them; spreadsheet
 *   exports leave them at the end).
 *
 * What it rejects, with a {@link CsvParseError} naming the line: a quoted field that never closes,
 * and text after a closing quote (`"abc"x`), both signs of a broken file. A quote inside an
 * unquoted field (`5" screen`) is kept as a literal character, as most readers do.
 *
 * It works on a whole string (the ESCO files are a few MB) but yields records one at a time, so a
 * caller can stop early or keep only what it needs without a second copy of the table.
 */

/** A record as read: its fields in file order and the (1-based) line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A record keyed by the header's column names. */
export type CsvRecord = Readonly<Record<string, string>>;

export interface CsvRecordWithLine {
  readonly line: number;
  readonly record: CsvRecord;
  /** How many fields the line had; differs from the header's length when the row is ragged. */
  readonly fieldCount: number;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRecordWithLine[];
}

export interface CsvOptions {
  /** One character; `,` unless told. */
  readonly delimiter?: string;
}

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = 'CsvParseError';
  }
}

const QUOTE = 0x22; // "
const LF = 0x0a;
const CR = 0x0d;
const BOM = '\uFEFF';

/** Yields every record of `text` with the line it starts on. Blank lines are skipped. */
export function* csvRows(text: string, options: CsvOptions = {}): Generator<CsvRow, void, undefined> {
  const delimiterText = options.delimiter ?? ',';
  if (delimiterText.length !== 1 || delimiterText === '"' || delimiterText === '\n' || delimiterText === '\r') {
    throw new RangeError(`CSV delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiterText)}`);
  }
  const delimiter = delimiterText.charCodeAt(0);
  const length = text.length;
  let pos = text.startsWith(BOM) ? 1 : 0;
  let line = 1;

  while (pos < length) {
    const startLine = line;
    const fields: string[] = [];
    let quoted = false;
    // Read fields until the end of the record (a line break outside quotes, or the end of text).
    for (;;) {
      if (pos < length && text.charCodeAt(pos) === QUOTE) {
        // Quoted field: runs to the next quote that is not doubled. indexOf keeps the common
        // case (long descriptions without quotes) fast.
        pos += 1;
        quoted = true;
        let value = '';
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close === -1) throw new CsvParseError('Quoted field is not closed before the end of the text', startLine);
          value += text.slice(pos, close);
          line += countLineBreaks(text, pos, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            pos = close + 2;
          } else {
            pos = close + 1;
            break;
          }
        }
        fields.push(value);
        if (pos < length) {
          const next = text.charCodeAt(pos);
          if (next !== delimiter && next !== LF && next !== CR) {
            throw new CsvParseError(`Unexpected ${JSON.stringify(text[pos])} after a closing quote`, line);
          }
        }
      } else {
        // Unquoted field: runs to the next delimiter or line break.
        let end = pos;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === delimiter || c === LF || c === CR) break;
          end += 1;
        }
        fields.push(text.slice(pos, end));
        pos = end;
      }

      if (pos >= length) break;
      const c = text.charCodeAt(pos);
      if (c === delimiter) {
        pos += 1;
        continue;
      }
      // A line break ends the record: CRLF, LF or a lone CR.
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      line += 1;
      break;
    }

    // An empty line is skipped; a line holding only `""` is a record with one empty field.
    if (fields.length === 1 && fields[0] === '' && !quoted) continue;
    yield { line: startLine, fields };
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === LF) count += 1;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count += 1;
  }
  return count;
}

/** Every record of `text` as an array of fields (header included). */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  const rows: string[][] = [];
  for (const row of csvRows(text, options)) rows.push(row.fields as string[]);
  return rows;
}

/**
 * Yields the records after the header, keyed by the header's names (surrounding spaces trimmed
 * from the names). A short row gives `''` for its missing columns; fields beyond the header are
 * dropped (the caller sees both through `fieldCount`). With a repeated column name the first
 * column wins. The header itself is passed to `onHeader` before the first record.
 */
export function* csvRecords(
  text: string,
  options: CsvOptions & { readonly onHeader?: (header: readonly string[]) => void } = {},
): Generator<CsvRecordWithLine, void, undefined> {
  let header: string[] | undefined;
  for (const row of csvRows(text, options)) {
    if (header === undefined) {
      header = row.fields.map((name) => name.trim());
      options.onHeader?.(header);
      continue;
    }
    // Null prototype: a column called `__proto__` or `constructor` is just a column.
    const record = Object.create(null) as Record<string, string>;
    for (let i = header.length - 1; i >= 0; i -= 1) record[header[i]!] = row.fields[i] ?? '';
    yield { line: row.line, record, fieldCount: row.fields.length };
  }
  if (header === undefined) options.onHeader?.([]);
}

/** The whole table at once: the header and every record keyed by it. An empty text has no columns. */
export function parseCsvRecords(text: string, options: CsvOptions = {}): CsvTable {
  let header: readonly string[] = [];
  const rows: CsvRecordWithLine[] = [];
  for (const row of csvRecords(text, { ...options, onHeader: (names) => (header = names) })) rows.push(row);
  return { header, rows };
}
