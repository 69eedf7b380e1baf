/** Rejecting a bad run config by name, before any tensor is made. */
import { validateDistillConfig } from '../distill/config';
import { validateStudentConfig } from '../models/student';
import { validateTeacherConfig } from '../models/teacher';
import type { TrainConfig } from './config';

/** Rejects a bad config by name. */
export function validateTrainConfig(c: TrainConfig, nUsers: number, nItems: number): void {
  validateTeacherConfig(nUsers, nItems, c.teacher);
  validateStudentConfig(nUsers, nItems, c.student);
  validateDistillConfig(c.distill);
  if (!Number.isInteger(c.seed)) throw new Error(`seed must be an integer, got ${c.seed}`);
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1 || c.batchSize > 8192) throw new Error(`batch size must be an integer in 1..8192, got ${c.batchSize}`);
  if (!(c.teacherEpochs >= 0)) throw new Error(`teacher epochs must be ≥ 0, got ${c.teacherEpochs}`);
}
