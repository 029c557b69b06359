import { describe, expect, it } from 'vitest';
import { calibrate, fitScoreTemperature, levelFor, reliability, thresholdForPrecision, wilsonLower } from './calibration.js';

describe('reliability', () => {
  it('bins confidences and weighs each bin\'s gap by its share of rows', () => {
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.95, correct: i < 9 })), // 0.9 accurate at 0.95
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.55, correct: i < 5 })), // 0.5 accurate at 0.55
    ];
    const { ece, bins } = reliability(rows);
    expect(ece).toBeCloseTo(0.5 * 0.05 + 0.5 * 0.05, 6);
    expect(bins[9]).toMatchObject({ count: 10, accuracy: 0.9 });
    expect(bins[5]).toMatchObject({ count: 10, accuracy: 0.5 });
  });
});

describe('thresholdForPrecision', () => {
  it('finds the lowest confidence above which precision reaches the target', () => {
    const rows = [
      ...Array.from({ length: 40 }, () => ({ confidence: 0.95, correct: true })),
      ...Array.from({ length: 20 }, (_, i) => ({ confidence: 0.8, correct: i < 10 })),
    ];
    expect(thresholdForPrecision(rows, 0.97)).toBe(0.95);
    expect(thresholdForPrecision(rows, 0.8)).toBe(0.8);
    expect(thresholdForPrecision(rows.slice(0, 5), 0.97)).toBe(1); // too few rows to promise anything
  });

  it('with a confidence bound, promises the precision only where enough rows back it', () => {
    const rows = [
      ...Array.from({ length: 300 }, () => ({ confidence: 0.95, correct: true })),
      ...Array.from({ length: 300 }, (_, i) => ({ confidence: 0.85, correct: i % 25 !== 0 })), // 96% right
    ];
    // The point estimate over both groups is 0.98 >= 0.97; its 95% lower bound is not.
    expect(thresholdForPrecision(rows, 0.97)).toBe(0.85);
    expect(thresholdForPrecision(rows, 0.97, 20, 1.645)).toBe(0.95);
    expect(wilsonLower(300, 300, 1.645)).toBeGreaterThan(0.99);
    expect(wilsonLower(588, 600, 1.645)).toBeLessThan(0.98);
    // 40 of 40 right is not yet evidence of 97%.
    expect(thresholdForPrecision(rows.slice(0, 40), 0.97, 20, 1.645)).toBe(1);
  });
});

describe('fitScoreTemperature', () => {
  it('recovers the temperature that made over-confident scores', () => {
    // True probabilities p, reported as p^(1/0.5) renormalized (over-confident); labels drawn deterministically from p.
    const rows: Array<{ scores: number[]; label: number }> = [];
    for (let i = 0; i < 400; i++) {
      const p = 0.4 + 0.5 * ((i * 37) % 100) / 100;
      const label = ((i * 7919) % 1000) / 1000 < p ? 0 : 1;
      rows.push({ scores: calibrate([p, 1 - p], { temperature: 0.5 }), label });
    }
    expect(fitScoreTemperature(rows)).toBeGreaterThan(1.5);
    expect(fitScoreTemperature(rows)).toBeLessThan(2.6);
  });

  it('levels follow the thresholds', () => {
    const c = { highThreshold: 0.9, mediumThreshold: 0.6 };
    expect([0.95, 0.9, 0.7, 0.2].map((x) => levelFor(x, c))).toEqual(['high', 'high', 'medium', 'low']);
  });
});
