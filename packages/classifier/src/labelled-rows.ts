// Labelled statement lines from a CSV file with at least the columns description,category.
import { ClassifierError } from './classifier-error.js';
import { parseCsvRecords } from './csv.js';
import { canonicalCategoryName, DEFAULT_TAXONOMY, type CategoryName } from './taxonomy.js';

export interface LabelledRow {
  description: string;
  category: CategoryName;
  line: number;
  /** From an optional amount column: negative = money out, positive = money in. */
  amount?: number;
  /** From an optional user_id column. */
  userId?: string;
}

export interface LabelledRows {
  rows: LabelledRow[];
  /** Rows whose category is outside the taxonomy: reported, never silently dropped. */
  unknownCategoryRows: LabelledRow[];
}

export interface ParseLabelledOptions {
  /** Named in error messages (a file name). */
  source?: string;
  categories?: Iterable<CategoryName>;
}

export function parseLabelledRows(text: string, options: ParseLabelledOptions = {}): LabelledRows {
  const source = options.source ?? 'input';
  const known = new Set(options.categories ?? DEFAULT_TAXONOMY.map((c) => c.name));
  const [header, ...records] = parseCsvRecords(text);
  if (!header) throw new ClassifierError('invalid_input', `${source} is empty: it needs a header line with the columns description,category`);
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  const d = columns.indexOf('description');
  const c = columns.indexOf('category');
  const a = columns.indexOf('amount');
  const u = columns.indexOf('user_id');
  if (d < 0 || c < 0) {
    throw new ClassifierError('invalid_input', `${source} needs the columns description,category in its header; found ${columns.join(',') || 'nothing'}`);
  }
  const result: LabelledRows = { rows: [], unknownCategoryRows: [] };
  for (const { fields, line } of records) {
    if (fields.length <= Math.max(d, c)) {
      throw new ClassifierError('invalid_input', `${source} line ${line}: has ${fields.length} field(s) but the header has ${columns.length}: quote fields that contain commas`);
    }
    const description = (fields[d] ?? '').trim();
    const category = canonicalCategoryName(fields[c] ?? '');
    if (description === '') throw new ClassifierError('invalid_input', `${source} line ${line}: the description is empty`);
    if (category === '') throw new ClassifierError('invalid_input', `${source} line ${line}: the category is empty`);
    const amountText = a >= 0 ? (fields[a] ?? '').trim() : '';
    const amount = amountText === '' ? undefined : Number(amountText);
    if (amount !== undefined && !Number.isFinite(amount)) throw new ClassifierError('invalid_input', `${source} line ${line}: amount "${amountText}" is not a number; write it like -12.50`);
    const userId = u >= 0 && (fields[u] ?? '').trim() !== '' ? (fields[u] as string).trim() : undefined;
    const row: LabelledRow = { description, category, line, ...(amount !== undefined ? { amount } : {}), ...(userId ? { userId } : {}) };
    (known.has(category) ? result.rows : result.unknownCategoryRows).push(row);
  }
  return result;
}
