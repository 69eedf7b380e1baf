/** Rejecting a bad run config by name, before any tensor is made: the table's ranges (settings/table.ts), then the builders' own checks. */
import { validateStudentConfig } from '../models/student';
import { validateTeacherConfig } from '../models/teacher';
import { checkUnder } from '../settings/check';
import type { TrainConfig } from './config';

/** Rejects a bad config by name. */
export function validateTrainConfig(c: TrainConfig, nUsers: number, nItems: number): void {
  checkUnder('train', c);
  validateTeacherConfig(nUsers, nItems, c.teacher);
  validateStudentConfig(nUsers, nItems, c.student);
}
