// Several --data files in one `txcat eval`: pooled for the headline figures, and each reported on
// its own as a split (a frozen test split next to a regression set, say), named by its file.
import path from 'node:path';
import type { LabelledRow } from '@txcat/classifier';
import { sourceFigures, type Scored, type SourceFigures } from './run.js';

/** Each row's split: its file's base name without .csv, or the whole path when two names clash. */
export function splitNames(files: string[], rows: LabelledRow[][]): Map<LabelledRow, string> {
  const base = files.map((f) => path.basename(f).replace(/\.csv$/i, ''));
  const names = base.map((b, i) => (base.filter((x) => x === b).length > 1 ? files[i] as string : b));
  const out = new Map<LabelledRow, string>();
  rows.forEach((part, i) => part.forEach((r) => out.set(r, names[i] as string)));
  return out;
}

/** Figures per split, each with its figures per source. */
export function splitFigures(scored: Scored[], splitOf: Map<LabelledRow, string>): Record<string, SourceFigures & { by_source: Record<string, SourceFigures> }> {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    const name = splitOf.get(s.row) ?? 'unknown';
    const group = groups.get(name);
    if (group) group.push(s);
    else groups.set(name, [s]);
  }
  const out: Record<string, SourceFigures & { by_source: Record<string, SourceFigures> }> = {};
  for (const [name, group] of groups) {
    const sources = [...new Set(group.map((s) => s.decision.explanation.source))];
    const bySource = sources.map((k) => [k, sourceFigures(group.filter((s) => s.decision.explanation.source === k))] as const);
    out[name] = { ...sourceFigures(group), by_source: Object.fromEntries(bySource) };
  }
  return out;
}
