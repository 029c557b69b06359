// Positive and negative examples for the trade words added for real statement lines: dishes and
// eating places of many cuisines, Plaid's automotive split, utility, telecom and insurance wording.
import { describe, expect, it } from 'vitest';
import { keywordCategory } from './keywords.js';
import { normalizeLine } from './normalize.js';

const category = (raw: string) => keywordCategory(normalizeLine(raw).text)?.category ?? null;

const CASES: ReadonlyArray<readonly [string, string | null]> = [
  // Dishes and eating places.
  ['CASA PEPE TAPAS', 'FOOD_AND_DRINK'],
  ['OLYMPIA SOUVLAKI', 'FOOD_AND_DRINK'],
  ['SEOUL BIBIMBAP', 'FOOD_AND_DRINK'],
  ['TOKYO YAKITORI', 'FOOD_AND_DRINK'],
  ['UDON WEST', 'FOOD_AND_DRINK'],
  ['LA BELLE PROVINCE POUTINE', 'FOOD_AND_DRINK'],
  ['EL SALVADOR PUPUSERIA', 'FOOD_AND_DRINK'],
  ['ROSTICCERIA MARIO', 'FOOD_AND_DRINK'],
  ['PANNENKOEKENHUIS DE MOLEN', 'FOOD_AND_DRINK'],
  ['THE KINGS ARMS GASTROPUB', 'FOOD_AND_DRINK'],
  ['SARAVANA BHAVAN', 'FOOD_AND_DRINK'],
  ['HIMALAYAN MOMO', 'FOOD_AND_DRINK'],
  ['GYRO KING', 'FOOD_AND_DRINK'],
  // Plaid's automotive split: parts stores are merchandise, fitting and repair are services, fuel is transport.
  ['METRO AUTO PARTS', 'GENERAL_MERCHANDISE'],
  ['KFZ TEILE MUELLER', 'GENERAL_MERCHANDISE'],
  ['ACME AUTO GLASS', 'GENERAL_SERVICES'],
  ['CITY WHEEL ALIGNMENT', 'GENERAL_SERVICES'],
  ['SPARKLE CAR SPA', 'GENERAL_SERVICES'],
  ['DAVES TIRE SERVICE', 'GENERAL_SERVICES'],
  ['NORTHWAY GAS BAR', 'TRANSPORTATION'],
  // A bare ELECTRIC is an electrician as often as a utility; an electrical wholesaler is home improvement.
  ['PROVINCE ELECTRIC SUPPLY', 'HOME_IMPROVEMENT'],
  ['SUNRISE TOOL RENTAL', 'HOME_IMPROVEMENT'],
  // Utilities and telecom wording.
  ['PREPAID ELECTRICITY 0123456789', 'RENT_AND_UTILITIES'],
  ['MUNICIPAL ACCOUNT 4455', 'RENT_AND_UTILITIES'],
  ['AIRTIME PURCHASE', 'RENT_AND_UTILITIES'],
  ['DATA BUNDLE 2GB', 'RENT_AND_UTILITIES'],
  ['KINGSTON HYDRO', 'RENT_AND_UTILITIES'],
  ['BRITISH GAS', 'RENT_AND_UTILITIES'], // a name of generic words, which the gazetteer drops; GAS alone is fuel
  // Insurance wording.
  ['BRYTE INSURE', 'GENERAL_SERVICES'],
  ['SAFE FUNERAL COVER', 'GENERAL_SERVICES'],
  ['BESTMED MEDICAL AID', 'GENERAL_SERVICES'],
  ['ACME UNDERWRITERS', 'GENERAL_SERVICES'],
  // Negatives: words that must not be read as these trades.
  ['MOBILE PAYMENT RECEIVED', null],
  ['YOUTUBE PREMIUM', null],
  ['CASH TOP UP', null],
];

describe('knowledge added for real statement lines (trade words)', () => {
  it.each(CASES)('%s -> %s', (raw, expected) => {
    expect(category(raw)).toBe(expected);
  });

  it('leaves a bare ELECTRIC too weak to decide alone (the classifier needs 0.75)', () => {
    expect(keywordCategory('SPARKY ELECTRIC')?.weight ?? 0).toBeLessThan(0.75);
    expect(keywordCategory('SPARKY ELECTRIC COMPANY')?.category).toBe('RENT_AND_UTILITIES');
  });
});
