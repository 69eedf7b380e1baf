/**
 * Exact parameter and byte counts, as pure functions of the settings and the catalogue size, so
 * panels can show live counts while a person drags a size slider (no tensors needed).
 */
import type { StudentConfig, TeacherConfig } from './config';

/** One weight tensor as stored: its name, shape, and whether int8 storage uses one scale per row. */
export interface WeightSpec {
  name: string;
  shape: number[];
  /** Embedding tables are quantised per row (one fp32 scale each); others per tensor. */
  perRowScale: boolean;
}

/** Sizes of a model: parameters, fp32 bytes, int8 bytes (values + fp32 scales). */
export interface ModelSize {
  params: number;
  bytesFp32: number;
  bytesInt8: number;
}

/** The teacher's weights in storage order. */
export function teacherWeightSpecs(nUsers: number, nItems: number, c: TeacherConfig): WeightSpec[] {
  return [
    { name: 'userEmb', shape: [nUsers, c.dim], perRowScale: true },
    { name: 'histEmb', shape: [nItems, c.dim], perRowScale: true },
    { name: 'W1', shape: [2 * c.dim, c.hidden], perRowScale: false },
    { name: 'b1', shape: [c.hidden], perRowScale: false },
    { name: 'W2', shape: [c.hidden, c.dim], perRowScale: false },
    { name: 'b2', shape: [c.dim], perRowScale: false },
    { name: 'itemEmbT', shape: [c.dim, nItems], perRowScale: true },
    { name: 'itemBias', shape: [nItems], perRowScale: false },
  ];
}

/** The student's weights in storage order. */
export function studentWeightSpecs(nUsers: number, nItems: number, c: StudentConfig): WeightSpec[] {
  return [
    { name: 'userEmb', shape: [nUsers, c.dim], perRowScale: true },
    { name: 'itemEmbT', shape: [c.dim, nItems], perRowScale: true },
    { name: 'itemBias', shape: [nItems], perRowScale: false },
  ];
}

/**
 * Counts for a list of weights. int8 bytes: one byte per value, plus a 4-byte scale per row for
 * per-row tensors (itemEmbT is stored transposed, so its "rows" are items: columns here) or one per
 * tensor otherwise.
 * @example sizeOf(studentWeightSpecs(2668, 2000, defaultStudentConfig)).params === 39344
 */
export function sizeOf(specs: WeightSpec[]): ModelSize {
  let params = 0;
  let scales = 0;
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    params += n;
    if (!s.perRowScale) scales += 1;
    else scales += s.name === 'itemEmbT' ? s.shape[1] : s.shape[0];
  }
  return { params, bytesFp32: 4 * params, bytesInt8: params + 4 * scales };
}

/** Rejects catalogue sizes by name (shared by both model builders). */
export function validateCatalog(kind: string, nUsers: number, nItems: number): void {
  if (!Number.isInteger(nUsers) || nUsers < 1) throw new Error(`${kind}: nUsers must be a positive integer, got ${nUsers}`);
  if (!Number.isInteger(nItems) || nItems < 2) throw new Error(`${kind}: nItems must be an integer ≥ 2, got ${nItems}`);
}
