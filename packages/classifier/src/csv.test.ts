import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, parseCsvRecords } from './csv.js';
import { parseLabelledRows } from './labelled-rows.js';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and newlines in quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\n\n';
    expect(parseCsv(text)).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', 'z']]);
    expect(parseCsvRecords(text).map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('keeps empty fields and a last line without newline', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([['a', '', 'c'], ['', '', '']]);
  });

  it('rejects an unterminated quote, naming the line', () => {
    expect(() => parseCsv('a\n"open,b\n')).toThrow('unterminated quoted field starting on line 2');
  });

  it('round-trips fields through csvField', () => {
    const fields = ['plain', 'with, comma', 'with "quote"', 'new\nline'];
    expect(parseCsv(fields.map(csvField).join(','))).toEqual([fields]);
  });
});

describe('parseLabelledRows', () => {
  it('reads description,category in any order and case, with extra columns, and sets unknown categories apart', () => {
    const r = parseLabelledRows('id,Category,DESCRIPTION\n1,food and drink,STARBUCKS\n2,CRYPTO,MYSTERY\n3,TRAVEL,DELTA AIR', { source: 'f.csv' });
    expect(r.rows).toEqual([
      { description: 'STARBUCKS', category: 'FOOD_AND_DRINK', line: 2 },
      { description: 'DELTA AIR', category: 'TRAVEL', line: 4 },
    ]);
    expect(r.unknownCategoryRows).toEqual([{ description: 'MYSTERY', category: 'CRYPTO', line: 3 }]);
  });

  it('says which columns are needed and which were found', () => {
    expect(() => parseLabelledRows('text,label\nA,B', { source: 'f.csv' })).toThrow('f.csv needs the columns description,category in its header; found text,label');
    expect(() => parseLabelledRows('', { source: 'f.csv' })).toThrow('f.csv is empty');
  });

  it('names the line of an empty description', () => {
    expect(() => parseLabelledRows('description,category\nA,TRAVEL\n  ,TRAVEL', { source: 'f.csv' })).toThrow('f.csv line 3: the description is empty');
  });
});

describe('parseLabelledRows, more problems', () => {
  it('names the line of a row with too few fields', () => {
    expect(() => parseLabelledRows('category,description\nTRAVEL', { source: 'f.csv' })).toThrow('f.csv line 2: has 1 field(s) but the header has 2');
  });

  it('counts lines inside quoted fields when reporting', () => {
    expect(() => parseLabelledRows('description,category\n"two\nlines",TRAVEL\n"",TRAVEL', { source: 'f.csv' })).toThrow('f.csv line 4: the description is empty');
  });
});
