import { describe, expect, it } from 'vitest';
import { keywordCategory, matchKeywords } from './keywords.js';
import { normalizeLine } from './normalize.js';

const top = (text: string) => matchKeywords(text)[0] ?? null;
const categoryOfLine = (raw: string) => {
  const line = normalizeLine(raw);
  return keywordCategory({ text: line.text, merchantKey: line.merchantKey })?.category ?? null;
};

describe('words cut off at the end of a fixed-width field', () => {
  it('reads a cut trade word at the end of the text as the word it starts', () => {
    expect(top('BANGKOK THAI RESTAUR')).toMatchObject({ category: 'FOOD_AND_DRINK', keyword: 'RESTAURANT' });
    expect(top('ROSE PHARMAC')).toMatchObject({ category: 'MEDICAL', keyword: 'PHARMACY' });
    expect(top('GOLDEN PIZZER')).toMatchObject({ category: 'FOOD_AND_DRINK', keyword: 'PIZZERIA' });
    expect(top('NORTHSIDE CHIROPRA')?.category).toBe('MEDICAL');
  });

  it('reads a phrase whose last word is cut, its other words whole', () => {
    expect(top('QUICK CAR WAS')).toMatchObject({ category: 'GENERAL_SERVICES', keyword: 'CAR WASH' });
    expect(top('ABC GAS STA')).toMatchObject({ category: 'TRANSPORTATION', keyword: 'GAS STATION' });
    expect(top('MAIN ST AUTO REP')?.keyword).toBe('AUTO REPAIR');
  });

  it('weighs a cut word a little below the whole word', () => {
    const whole = top('ROSE PHARMACY')?.weight as number;
    expect(top('ROSE PHARMAC')?.weight).toBeLessThan(whole);
    expect(top('ROSE PHARMAC')?.weight).toBeGreaterThanOrEqual(0.75);
  });

  it('does not read a cut word anywhere but at the field end', () => {
    expect(matchKeywords('PHARMAC ROSE')).toEqual([]);
    expect(matchKeywords('RESTAUR 12 KING ST')).toEqual([]);
  });

  it('needs enough letters: a short cut names too many words', () => {
    expect(matchKeywords('ITALIAN RES')).toEqual([]); // RES: RESTAURANT, RESORT, RESIDENCE...
    expect(matchKeywords('ROSE PHAR')).toEqual([]);
    expect(matchKeywords('LITTLE GREEN')).toEqual([]); // GREEN keeps too little of GREENGROCER
  });

  it('does not match a cut shared by words of two categories', () => {
    // SUPER starts SUPERMARKET (food) and SUPERCHARGER (transport); CLEAN starts CLEANERS and CLEANING.
    expect(matchKeywords('BEST SUPER')).toEqual([]);
    expect(matchKeywords('ACME CLEAN')).toEqual([]);
  });

  it('does not read whole words of their own as cut (BAKER is a name, GARDEN not GARDENING)', () => {
    expect(matchKeywords('JOHN BAKER')).toEqual([]);
    expect(matchKeywords('OLIVE GARDEN')).toEqual([]);
    expect(matchKeywords('SMITH ACCOUNT')).toEqual([]);
  });

  it('with a normalized line, also reads the cut word that ends the merchant key before the location', () => {
    expect(categoryOfLine('GOLDEN PHARMAC SYDNEY AU')).toBe('MEDICAL');
    expect(categoryOfLine('BANGKOK THAI RESTAUR TORONTO ON')).toBe('FOOD_AND_DRINK');
    // With the text alone the cut word is not at the end, so it is not read.
    expect(keywordCategory(normalizeLine('GOLDEN PHARMAC SYDNEY AU').text)).toBeNull();
  });
});
