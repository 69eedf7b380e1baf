import { describe, expect, it } from 'vitest';
import { Rng } from '../data/rng';
import { defaultStudentConfig, defaultTeacherConfig } from '../models/config';
import { sizeOf, studentWeightSpecs, teacherWeightSpecs, type WeightSpec } from '../models/size';
import { initialWeights } from '../models/init';
import { int8Model, quantizeInt8 } from './int8';
import { entityView } from './shape';

function randomValues(n: number, seed: number, scale = 1): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, () => rng.normal() * scale * (1 + 10 * rng.next()));
}

describe('int8 quantisation', () => {
  const table: WeightSpec = { name: 'userEmb', shape: [50, 8], perRowScale: true };
  const itemT: WeightSpec = { name: 'itemEmbT', shape: [8, 40], perRowScale: true };

  for (const [spec, perRow] of [[table, true], [table, false], [itemT, true], [itemT, false]] as const) {
    it(`round-trip error ≤ s/2 per element (${spec.name}, ${perRow ? 'per row' : 'per tensor'})`, () => {
      const v = randomValues(spec.shape[0] * spec.shape[1], 3);
      const t = quantizeInt8(v, spec, perRow);
      expect(t.scales.length).toBe(perRow ? entityView(spec).rows : 1);
      for (let i = 0; i < v.length; i++) {
        const s = t.scales[t.groupOf(i)];
        // s/2 from rounding, plus the float32 rounding of the decoded value itself
        expect(Math.abs(t.decoded[i] - v[i])).toBeLessThanOrEqual(s / 2 + Math.abs(v[i]) * 2 ** -23);
        expect(Math.abs(t.q[i])).toBeLessThanOrEqual(127);
      }
      // the largest magnitude of each group maps to ±127
      const seen = new Set<number>();
      for (let i = 0; i < v.length; i++) if (Math.abs(t.q[i]) === 127) seen.add(t.groupOf(i));
      expect(seen.size).toBe(t.scales.length);
    });
  }

  it('per-row scales group an item table by item (its columns, as it is stored transposed)', () => {
    const v = new Float32Array(8 * 40);
    for (let d = 0; d < 8; d++) for (let i = 0; i < 40; i++) v[d * 40 + i] = (i + 1) * (d % 2 ? -1 : 1);
    const t = quantizeInt8(v, itemT, true);
    for (let i = 0; i < 40; i++) expect(t.scales[i]).toBeCloseTo((i + 1) / 127, 6);
    // every value is its row's max magnitude: exact after the round trip
    for (let k = 0; k < v.length; k++) expect(t.decoded[k]).toBeCloseTo(v[k], 5);
  });

  it('per-row is more accurate than per-tensor when rows differ in scale', () => {
    const v = new Float32Array(50 * 8);
    for (let r = 0; r < 50; r++) for (let c = 0; c < 8; c++) v[r * 8 + c] = Math.sin(r * 8 + c) * 10 ** ((r % 4) - 2);
    const err = (perRow: boolean) => {
      const t = quantizeInt8(v, table, perRow);
      // error on the rows of smallest scale, which one tensor-wide scale flattens to zero
      return v.reduce((a, x, i) => a + (Math.floor(i / 8) % 4 === 0 ? (x - t.decoded[i]) ** 2 : 0), 0);
    };
    expect(err(true)).toBeLessThan(err(false) / 100);
  });

  it('an all-zero row stays zero (scale 0, no division by zero)', () => {
    const v = new Float32Array(400);
    v[5] = 1;
    const t = quantizeInt8(v, table, true);
    expect(t.scales[3]).toBe(0);
    expect([...t.decoded].every((x, i) => (i === 5 ? x === 1 : x === 0))).toBe(true);
  });

  it('counts bytes as values + 4 per scale; per row matches models/size.ts for both models', () => {
    for (const specs of [studentWeightSpecs(70, 60, defaultStudentConfig), teacherWeightSpecs(70, 60, { ...defaultTeacherConfig, dim: 16, hidden: 12 })]) {
      const w = initialWeights(specs, 1, 0.1);
      const size = sizeOf(specs);
      expect(int8Model(specs, w, 'row').bytes).toBe(size.bytesInt8);
      expect(int8Model(specs, w, 'tensor').bytes).toBe(size.params + 4 * specs.length);
    }
    // student: 70·8 + 8·60 + 60 values; scales: 70 users + 60 items + 1 bias
    const s = studentWeightSpecs(70, 60, defaultStudentConfig);
    expect(int8Model(s, initialWeights(s, 1, 0.1), 'row').bytes).toBe(70 * 8 + 8 * 60 + 60 + 4 * (70 + 60 + 1));
  });

  it('rejects a tensor of the wrong length by name', () => {
    expect(() => quantizeInt8(new Float32Array(3), table, true)).toThrow(/userEmb/);
  });
});
