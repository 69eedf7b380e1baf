/** Parameter counts of the rating models, as pure functions of the settings (for the CLI and the panel). */
import { autoRecSpecs } from './itemAutoRec';
import { biasedMfSpecs } from './biasedMf';
import type { AutoRecConfig, BiasedMfConfig } from './ratingConfig';
import { sizeOf } from './size';

/** The teacher: AutoRec plus, when it blends one, its biased MF part. */
export function ratingTeacherParams(nUsers: number, nItems: number, t: AutoRecConfig, s: BiasedMfConfig): number {
  const mf = t.mfDim > 0 ? sizeOf(biasedMfSpecs(nUsers, nItems, { ...s, dim: t.mfDim })).params : 0;
  return sizeOf(autoRecSpecs(nUsers, t)).params + mf;
}

/** The student (alone or with KD). */
export function ratingStudentParams(nUsers: number, nItems: number, s: BiasedMfConfig): number {
  return sizeOf(biasedMfSpecs(nUsers, nItems, s)).params;
}
