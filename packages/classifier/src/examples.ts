// Examples: labelled texts that prototypes are built from. Seed examples ship with the package;
// corrections (user feedback) are applied as further examples of their category, which is exactly
// what the fleet's retrain job does with the feedback stored in Postgres.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ClassifierError } from './classifier-error.js';
import { parseCsvRecords } from './csv.js';
import { loadLookups } from './lookups.js';
import { canonicalCategoryName, DEFAULT_TAXONOMY, type CategoryName } from './taxonomy.js';

export type ExampleSource = 'seed' | 'user';

export interface Example {
  category: CategoryName;
  text: string;
  source: ExampleSource;
}

export interface Correction {
  description: string;
  category: CategoryName;
}

/** packages/classifier/data/seed-examples.csv, found from src/ or dist/ alike. */
export const SEED_EXAMPLES_FILE = fileURLToPath(new URL('../data/seed-examples.csv', import.meta.url));

export async function loadSeedExamples(file = SEED_EXAMPLES_FILE): Promise<Example[]> {
  const [header, ...records] = parseCsvRecords(await readFile(file, 'utf8'));
  const columns = header?.fields ?? [];
  const [c, t] = [columns.indexOf('category'), columns.indexOf('text')];
  if (c < 0 || t < 0) throw new ClassifierError('invalid_input', `${file} needs the columns category,text`);
  return records.map(({ fields }) => ({ category: fields[c] as string, text: fields[t] as string, source: 'seed' as const }));
}

/**
 * The default taxonomy's examples: the written seed lines, plus each merchant category code's
 * description under the category its code maps to ("Electrical Contractors" for HOME_IMPROVEMENT):
 * how card networks name ~260 trades, as exemplars for merchants no brand list knows.
 */
const BRAND_MCCS = /^3\d{3}$/;

export async function loadDefaultExamples(): Promise<Example[]> {
  const seed = await loadSeedExamples();
  const known = new Set<string>(DEFAULT_TAXONOMY.map((d) => d.name));
  const seen = new Set(seed.map((e) => `${e.category}|${e.text.toLowerCase()}`));
  const fromMcc: Example[] = [];
  for (const [code, { description, category }] of (await loadLookups()).mcc) {
    const key = `${category}|${description.toLowerCase()}`;
    // 3000-3999 are single airlines, car-rental firms and hotel chains: names, not trades, and
    // hundreds of them would outvote every other category's exemplars.
    if (BRAND_MCCS.test(code) || !known.has(category) || seen.has(key)) continue;
    seen.add(key);
    fromMcc.push({ category: category as CategoryName, text: description, source: 'seed' });
  }
  return [...seed, ...fromMcc];
}

/** Adds corrections as user examples; a correction naming an unknown category is an error. */
export function applyCorrections(
  examples: Example[],
  corrections: Correction[],
  categories: Iterable<CategoryName> = DEFAULT_TAXONOMY.map((d) => d.name),
): Example[] {
  const known = new Set(categories);
  const added = corrections.map(({ description, category }) => {
    const name = canonicalCategoryName(category);
    if (!known.has(name)) {
      throw new ClassifierError('unknown_category', `correction "${description}" names the unknown category ${category}; use one of ${[...known].join(', ')}`);
    }
    if (description.trim() === '') throw new ClassifierError('invalid_input', 'a correction has an empty description');
    return { category: name, text: description.trim(), source: 'user' as const };
  });
  return [...examples, ...added];
}
