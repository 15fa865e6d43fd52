import { CsvParseError, csvRecords, csvRows, parseCsv, parseCsvRecords } from '../src/esco/csv-parser.js';

describe('ESCO CSV parser (RFC 4180)', () => {
  it('reads plain fields and keys records by the header', () => {
    const table = parseCsvRecords('id,name,type\n1,first aid,knowledge\n2,write reports,skill\n');
    expect(table.header).toEqual(['id', 'name', 'type']);
    expect(table.rows.map((row) => ({ ...row.record }))).toEqual([
      { id: '1', name: 'first aid', type: 'knowledge' },
      { id: '2', name: 'write reports', type: 'skill' },
    ]);
    expect(table.rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","line one\nline two\r\nline three"\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line one\nline two\r\nline three'],
    ]);
  });

  it('keeps a field that is only a doubled quote, and quotes at the edges of a quoted field', () => {
    expect(parseCsv('a,b\n"""",""""""\n"""x""",y""z\n')).toEqual([
      ['a', 'b'],
      ['"', '""'],
      ['"x"', 'y""z'],
    ]);
  });

  it('reads empty fields: between delimiters, at the ends, and quoted', () => {
    expect(parseCsv('a,b,c,d\n,,,\n"",x,,""\n1,,3,\n')).toEqual([
      ['a', 'b', 'c', 'd'],
      ['', '', '', ''],
      ['', 'x', '', ''],
      ['1', '', '3', ''],
    ]);
  });

  it('gives the same rows with or without a final line break', () => {
    const rows = [
      ['h1', 'h2'],
      ['1', '2'],
    ];
    expect(parseCsv('h1,h2\n1,2')).toEqual(rows);
    expect(parseCsv('h1,h2\n1,2\n')).toEqual(rows);
    expect(parseCsv('h1,h2\r\n1,2\r\n')).toEqual(rows);
    expect(parseCsv('h1,h2\n"1","2"')).toEqual(rows);
  });

  it('accepts CRLF, LF and lone CR line endings, also mixed', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('drops a byte order mark before the header', () => {
    const table = parseCsvRecords('\uFEFFconceptType,conceptUri\r\nSkill,http://example.org/1\r\n');
    expect(table.header).toEqual(['conceptType', 'conceptUri']);
    expect(table.rows[0]!.record['conceptType']).toBe('Skill');
    // Only at the very start: elsewhere it is data.
    expect(parseCsv('a\n\uFEFFb')).toEqual([['a'], ['\uFEFFb']]);
  });

  it('skips blank lines but keeps a record holding one quoted empty field', () => {
    expect(parseCsv('a\n\n1\r\n\r\n""\n\n')).toEqual([['a'], ['1'], ['']]);
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    const text = 'uri,altLabels\r\n1,"one\r\ntwo\r\nthree"\r\n2,x\r\n\r\n3,"a\nb\rc"\n4,y\n';
    expect([...csvRows(text)].map((row) => [row.line, row.fields[0]])).toEqual([
      [1, 'uri'],
      [2, '1'],
      [5, '2'],
      [7, '3'],
      [10, '4'],
    ]);
  });

  it('fills short rows with empty strings, drops extra fields and reports the field count', () => {
    const table = parseCsvRecords('a,b,c\n1\n1,2,3,4\n');
    expect(table.rows.map((row) => [{ ...row.record }, row.fieldCount])).toEqual([
      [{ a: '1', b: '', c: '' }, 1],
      [{ a: '1', b: '2', c: '3' }, 4],
    ]);
  });

  it('trims header names, lets the first of two equal names win, and treats __proto__ as a column', () => {
    const table = parseCsvRecords(' id ,name,name,__proto__\n1,first,second,p\n');
    expect(table.header).toEqual(['id', 'name', 'name', '__proto__']);
    const record = table.rows[0]!.record;
    expect(record['id']).toBe('1');
    expect(record['name']).toBe('first');
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toBe('p');
    expect(Object.getPrototypeOf(record)).toBeNull();
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(parseCsv('size,label\n5" screen,ok\n')).toEqual([
      ['size', 'label'],
      ['5" screen', 'ok'],
    ]);
  });

  it('rejects a quoted field that never closes, naming the line it starts on', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\nstill open\n')).toThrow(CsvParseError);
    try {
      parseCsv('a,b\n1,2\n3,"open\nstill open\n');
    } catch (error) {
      expect((error as CsvParseError).line).toBe(3);
      expect((error as Error).message).toMatch(/not closed.*line 3/);
    }
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('a,b\n"x"y,2\n')).toThrow(/after a closing quote \(line 2\)/);
    expect(() => parseCsv('a,b\n"x" ,2\n')).toThrow(CsvParseError);
  });

  it('reads nothing from an empty text, and only a header from a header line', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsvRecords('')).toEqual({ header: [], rows: [] });
    expect(parseCsvRecords('a,b\r\n')).toEqual({ header: ['a', 'b'], rows: [] });
  });

  it('takes another one-character delimiter, and refuses a bad one', () => {
    expect(parseCsv('a;b\n"1;2";3\n', { delimiter: ';' })).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
    expect(parseCsv('a\tb\n1\t2', { delimiter: '\t' })).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('a', { delimiter: ';;' })).toThrow(RangeError);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow(RangeError);
  });

  it('yields records lazily: a caller can stop before a broken part', () => {
    const text = 'a\n1\n2\n"broken\n';
    const seen: string[] = [];
    for (const { record } of csvRecords(text)) {
      seen.push(record['a']!);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['1', '2']);
  });

  it('reports the header to onHeader, also for an empty text', () => {
    const headers: (readonly string[])[] = [];
    Array.from(csvRecords('x,y\n1,2\n', { onHeader: (header) => headers.push(header) }));
    Array.from(csvRecords('', { onHeader: (header) => headers.push(header) }));
    expect(headers).toEqual([['x', 'y'], []]);
  });

  it('keeps Arabic and other non-Latin text intact', () => {
    expect(parseCsv('ar,fr\n"تحديد المخاطر\nفي مكان العمل",sécurité — « SST »\n')).toEqual([
      ['ar', 'fr'],
      ['تحديد المخاطر\nفي مكان العمل', 'sécurité — « SST »'],
    ]);
  });
});
