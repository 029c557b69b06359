// `txcat eval --report DIR`: a reliability diagram and a confusion-matrix heat-map as SVG, the
// learning curve, and a markdown summary of the numbers.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReliabilityBin } from '@txcat/classifier';
import { lineChart } from '../bench/svg-chart.js';
import { formatTable } from '../output.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function reliabilitySvg(bins: ReliabilityBin[], title: string): string {
  const [w, h, m] = [480, 480, 60];
  const size = w - 2 * m;
  const x = (v: number) => m + v * size;
  const y = (v: number) => h - m - v * size;
  const bars = bins.filter((b) => b.count > 0).map((b) =>
    `<rect x="${x(b.from) + 2}" y="${y(b.accuracy)}" width="${(b.to - b.from) * size - 4}" height="${b.accuracy * size}" fill="#1f77b4" opacity="0.8"><title>${b.count} rows: confidence ${b.meanConfidence.toFixed(2)}, accuracy ${b.accuracy.toFixed(2)}</title></rect>` +
    `<circle cx="${x(b.meanConfidence)}" cy="${y(b.meanConfidence)}" r="3" fill="#d62728"/>`).join('');
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => `<text x="${x(t)}" y="${h - m + 18}" text-anchor="middle" font-size="11">${t}</text><text x="${m - 8}" y="${y(t) + 4}" text-anchor="end" font-size="11">${t}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif">` +
    `<text x="${w / 2}" y="24" text-anchor="middle" font-size="15">${esc(title)}</text>` +
    `<rect x="${m}" y="${m}" width="${size}" height="${size}" fill="none" stroke="#999"/>` +
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999" stroke-dasharray="4"/>${bars}${ticks}` +
    `<text x="${w / 2}" y="${h - 14}" text-anchor="middle" font-size="12">confidence (bars: accuracy per bin; dots: mean confidence)</text>` +
    `<text x="16" y="${h / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 16 ${h / 2})">accuracy</text></svg>`;
}

export function confusionSvg(confusion: Record<string, Record<string, number>>, title: string): string {
  const labels = Object.keys(confusion);
  const cell = 26;
  const left = 200;
  const top = 200;
  const w = left + cell * labels.length + 20;
  const h = top + cell * labels.length + 20;
  const rows = labels.map((a) => labels.reduce((s, p) => s + (confusion[a]?.[p] ?? 0), 0));
  const cells = labels.flatMap((a, i) => labels.map((p, j) => {
    const n = confusion[a]?.[p] ?? 0;
    const share = rows[i] ? n / (rows[i] as number) : 0;
    const color = i === j ? `rgba(31,119,180,${share})` : `rgba(214,39,40,${Math.min(1, share * 2)})`;
    return `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" fill="${color}" stroke="#eee"><title>${esc(a)} -> ${esc(p)}: ${n}</title></rect>` +
      (n > 0 ? `<text x="${left + j * cell + cell / 2}" y="${top + i * cell + cell / 2 + 4}" text-anchor="middle" font-size="9">${n}</text>` : '');
  }));
  const names = labels.map((l, i) =>
    `<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" text-anchor="end" font-size="10">${esc(l)}</text>` +
    `<text x="${left + i * cell + cell / 2}" y="${top - 6}" font-size="10" transform="rotate(-60 ${left + i * cell + cell / 2} ${top - 6})">${esc(l)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif"><text x="10" y="20" font-size="15">${esc(title)} (rows: actual, columns: predicted)</text>${cells.join('')}${names}</svg>`;
}

export interface EvalReport {
  title: string;
  command: string;
  summary: { n: number; accuracy: number; macro_f1: number; ece: number; high_precision: number; high_coverage: number; needs_review: number; by_source: Record<string, { n: number; accuracy: number; ece?: number; high_precision?: number; high_coverage?: number }> };
  by_split?: Record<string, { n: number; accuracy: number; ece: number; high_precision: number; high_coverage: number }>;
  per_category: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  reliability: ReliabilityBin[];
  confusion: Record<string, Record<string, number>>;
  learning_curve?: Array<{ corrections_per_category: number; accuracy: number; n: number }>;
  robustness?: { clean: number; perturbations: Array<{ perturbation: string; accuracy: number; drop: number }> };
}

export async function writeEvalReport(dir: string, r: EvalReport): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const f3 = (x: number) => x.toFixed(3);
  const table = (head: string[], rows: string[][]) => ['```', formatTable(head, rows), '```'].join('\n');
  const s = r.summary;
  const md = [
    `# ${r.title}`, '', `\`${r.command}\``, '',
    table(['n', 'accuracy', 'macro F1', 'ECE', 'high precision', 'high coverage', 'needs review'], [[String(s.n), f3(s.accuracy), f3(s.macro_f1), f3(s.ece), f3(s.high_precision), f3(s.high_coverage), f3(s.needs_review)]]),
    '', '## Which source decided', '', table(['source', 'rows', 'accuracy', 'ECE', 'high precision', 'high coverage'], Object.entries(s.by_source).map(([k, v]) => [k, String(v.n), f3(v.accuracy), f3(v.ece ?? NaN), f3(v.high_precision ?? NaN), f3(v.high_coverage ?? NaN)])),
    ...(r.by_split ? ['', '## Per split', '', table(['split', 'rows', 'accuracy', 'ECE', 'high precision', 'high coverage'], Object.entries(r.by_split).map(([k, v]) => [k, String(v.n), f3(v.accuracy), f3(v.ece), f3(v.high_precision), f3(v.high_coverage)]))] : []),
    '', '## Per category', '', table(['category', 'precision', 'recall', 'f1', 'support'], Object.entries(r.per_category).map(([c, m]) => [c, f3(m.precision), f3(m.recall), f3(m.f1), String(m.support)])),
    ...(r.learning_curve ? ['', '## Learning curve', '', table(['corrections per category', 'accuracy', 'rows'], r.learning_curve.map((p) => [String(p.corrections_per_category), f3(p.accuracy), String(p.n)])), '', '![learning curve](learning-curve.svg)'] : []),
    ...(r.robustness ? ['', '## Robustness', '', table(['perturbation', 'accuracy', 'drop'], [['none', f3(r.robustness.clean), '0'], ...r.robustness.perturbations.map((p) => [p.perturbation, f3(p.accuracy), f3(p.drop)])])] : []),
    '', '![reliability](reliability.svg)', '', '![confusion](confusion.svg)', '',
  ].join('\n');
  const files: Record<string, string> = {
    'eval-report.md': md,
    'reliability.svg': reliabilitySvg(r.reliability, `Reliability: ECE ${f3(s.ece)}`),
    'confusion.svg': confusionSvg(r.confusion, `Confusion: accuracy ${f3(s.accuracy)}`),
    'eval-report.json': JSON.stringify(r, null, 2),
  };
  if (r.learning_curve) {
    files['learning-curve.svg'] = lineChart([{ name: 'accuracy', points: r.learning_curve.map((p) => [p.corrections_per_category, p.accuracy] as [number, number]) }], { title: 'Accuracy vs corrections per category', xLabel: 'corrections per category', yLabel: 'accuracy' });
  }
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return Object.keys(files).map((f) => path.join(dir, f));
}
