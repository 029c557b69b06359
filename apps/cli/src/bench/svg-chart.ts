// A small line chart as SVG: enough for throughput-vs-batch and latency-vs-load plots.

export interface Series {
  name: string;
  points: Array<[number, number]>;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  logX?: boolean;
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function lineChart(series: Series[], o: ChartOptions): string {
  const [w, h, left, right, top, bottom] = [720, 420, 70, 170, 40, 50];
  const xs = series.flatMap((s) => s.points.map(([x]) => (o.logX ? Math.log2(x) : x)));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs, Math.min(...xs) + 1)];
  const y1 = Math.max(...ys, 1) * 1.1;
  const px = (x: number) => left + (((o.logX ? Math.log2(x) : x) - x0) / (x1 - x0)) * (w - left - right);
  const py = (y: number) => h - bottom - (y / y1) * (h - top - bottom);
  const ticks = Array.from({ length: 6 }, (_, i) => (y1 * i) / 5);
  const xTicks = [...new Set(series.flatMap((s) => s.points.map(([x]) => x)))].sort((a, b) => a - b);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${w / 2}" y="22" text-anchor="middle" font-size="15">${esc(o.title)}</text>`,
    ...ticks.map((t) => `<line x1="${left}" x2="${w - right}" y1="${py(t)}" y2="${py(t)}" stroke="#eee"/><text x="${left - 6}" y="${py(t) + 4}" text-anchor="end">${Math.round(t)}</text>`),
    ...xTicks.map((x) => `<text x="${px(x)}" y="${h - bottom + 16}" text-anchor="middle">${x}</text>`),
    `<text x="${(left + w - right) / 2}" y="${h - 12}" text-anchor="middle">${esc(o.xLabel)}</text>`,
    `<text transform="translate(16 ${(top + h - bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
    ...series.flatMap((s, i) => {
      const color = COLORS[i % COLORS.length];
      const d = s.points.map(([x, y], j) => `${j ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
      return [
        `<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>`,
        ...s.points.map(([x, y]) => `<circle cx="${px(x)}" cy="${py(y)}" r="3" fill="${color}"/>`),
        `<text x="${w - right + 10}" y="${top + 18 * (i + 1)}" fill="${color}">${esc(s.name)}</text>`,
      ];
    }),
    '</svg>',
  ];
  return parts.join('\n');
}
