// Perturbations of statement lines for `txcat eval --perturb`: what the same merchant looks like
// from another bank, another day, another export. Deterministic per row index.
export const PERTURBATIONS = ['lower_case', 'title_case', 'truncate_22', 'extra_digits', 'reference_number', 'swap_prefix'] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

const PREFIXES = ['POS ', 'CHECKCARD 1102 ', 'CARD PAYMENT TO ', 'VISA DEBIT PURCHASE CARD 9921 ', 'Kartenzahlung ', 'EFTPOS ', 'DEBIT CARD PURCHASE '];
const KNOWN_PREFIX = /^(?:POS(?: DEBIT| PURCHASE)?|CHECKCARD \d{4}|CARD PAYMENT TO|VISA DEBIT PURCHASE CARD \d{4}|KARTENZAHLUNG|EFTPOS(?: DEBIT)?|DEBIT CARD PURCHASE|PURCHASE AUTHORIZED ON \d\d\/\d\d)\s+/i;

export function perturb(name: Perturbation, line: string, i: number): string {
  switch (name) {
    case 'lower_case':
      return line.toLowerCase();
    case 'title_case':
      return line.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    case 'truncate_22':
      // Many card networks cut the merchant field to 22 characters.
      return line.replace(KNOWN_PREFIX, '').slice(0, 22).trim();
    case 'extra_digits':
      return `${line} ${String(1000 + ((i * 7919) % 9000))}`;
    case 'reference_number':
      return `${line} REF ${(((i + 1) * 2654435761) >>> 0).toString(36).toUpperCase()}`;
    case 'swap_prefix':
      return `${PREFIXES[i % PREFIXES.length]}${line.replace(KNOWN_PREFIX, '')}`;
  }
}
