import { describe, expect, it } from 'vitest';
import { alt, escapeRe, re } from './regex.js';

describe('re', () => {
  it('makes \\b see the edges of non-ASCII words', () => {
    expect(re('\\bUEBERWEISUNG\\b').test('SEPA UEBERWEISUNG')).toBe(true);
    expect(re('\\bÜBERWEISUNG\\b').test('SEPA ÜBERWEISUNG AN')).toBe(true);
    expect(re('\\bFEE\\b').test('COFFEE')).toBe(false);
    expect(re('\\bFEE\\b').test('CAFÉFEE')).toBe(false);
    expect(re('\\bATM\\b').test('BATMAN')).toBe(false);
    expect(re('\\bATM\\b').test('ATM-WITHDRAWAL')).toBe(true);
  });

  it('reads which side of a word each \\b is on from the source around it', () => {
    expect(re('^(?!.*\\bLOAN\\b).*\\bINTEREST\\b').test('INTEREST PAID')).toBe(true);
    expect(re('^(?!.*\\bLOAN\\b).*\\bINTEREST\\b').test('LOAN INTEREST')).toBe(false);
    expect(re('\\b(?:OVERDRAFT)\\b(?: \\p{L}+){0,2}? FEE\\b').test('OVERDRAFT ITEM FEE')).toBe(true);
    expect(re('(?:ON )?\\b\\d{2}\\b').test('ON 12')).toBe(true);
    expect(re('\\b\\d{2}\\b').test('A123')).toBe(false);
    expect(re('^Q|\\b(?<!TAX )RETURN$').test('TARGET RETURN')).toBe(true);
    expect(re('^Q|\\b(?<!TAX )RETURN$').test('TAX RETURN')).toBe(false);
  });

  it('NFKC-normalizes the pattern so Thai written with SARA AM matches normalized text', () => {
    expect(re('ชำระ').test('ชำระเงิน'.normalize('NFKC'))).toBe(true);
  });

  it('always sets the u flag and keeps the others', () => {
    expect(re('A', 'g').flags).toBe('gu');
    expect(re('A').flags).toBe('u');
  });
});

describe('alt and escapeRe', () => {
  it('puts longer alternatives first and escapes literals', () => {
    expect(alt(['POS', 'POS PURCHASE'])).toBe('(?:POS PURCHASE|POS)');
    expect(new RegExp(`^${escapeRe('K+')}$`, 'u').test('K+')).toBe(true);
    expect(new RegExp(`^${escapeRe('PADDLE.NET')}$`, 'u').test('PADDLEXNET')).toBe(false);
  });
});
