// Statement-like strings of realistic length (~12-25 tokens), deterministic: seed examples dressed
// with the store numbers, dates and places real statements carry.
import { loadSeedExamples } from '@txcat/classifier';

const PREFIXES = ['POS DEBIT ', 'CHECKCARD 0412 ', 'PURCHASE AUTHORIZED ON 03/14 ', 'CARD PAYMENT TO ', '', 'SQ *', 'TST* ', 'PAYPAL *'];
const SUFFIXES = [' #1234 SEATTLE WA', ' 0034 AUSTIN TX 11/02', ' REF 88213409', ' LONDON GB ON 12-03', ' S1234567890 CARD 4421', ' BANGKOK TH', ''];

export async function benchTexts(count = 512): Promise<string[]> {
  const examples = (await loadSeedExamples()).map((e) => e.text);
  return Array.from({ length: count }, (_, i) => {
    const base = examples[(i * 7919) % examples.length] as string;
    return `${PREFIXES[i % PREFIXES.length]}${base}${SUFFIXES[(i * 3) % SUFFIXES.length]}`.trim();
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
