/**
 * Settings of a training run, with defaults. Everything that shapes a run lives here (and, in
 * the studio, in the URL).
 */
import { defaultDistillConfig, validateDistillConfig, type DistillConfig } from '../distill/config';
import { defaultStudentConfig, defaultTeacherConfig, type StudentConfig, type TeacherConfig } from '../models/config';
import { validateStudentConfig } from '../models/student';
import { validateTeacherConfig } from '../models/teacher';

/**
 * How the teacher is obtained: loaded from a shipped checkpoint, trained first and then frozen,
 * or trained online together with the students.
 */
export type Schedule = 'checkpoint' | 'teacher-first' | 'online';

export interface TrainConfig {
  teacher: TeacherConfig;
  student: StudentConfig;
  distill: DistillConfig;
  seed: number;
  batchSize: number;
  schedule: Schedule;
  /** Teacher epochs before the students start ('teacher-first'). */
  teacherEpochs: number;
}

export const defaultTrainConfig: TrainConfig = {
  teacher: defaultTeacherConfig,
  student: defaultStudentConfig,
  distill: defaultDistillConfig,
  seed: 1,
  batchSize: 512,
  schedule: 'checkpoint',
  teacherEpochs: 10,
};

/** Rejects a bad config by name. */
export function validateTrainConfig(c: TrainConfig, nUsers: number, nItems: number): void {
  validateTeacherConfig(nUsers, nItems, c.teacher);
  validateStudentConfig(nUsers, nItems, c.student);
  validateDistillConfig(c.distill);
  if (!Number.isInteger(c.seed)) throw new Error(`seed must be an integer, got ${c.seed}`);
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1 || c.batchSize > 8192) throw new Error(`batch size must be an integer in 1..8192, got ${c.batchSize}`);
  if (!(c.teacherEpochs >= 0)) throw new Error(`teacher epochs must be ≥ 0, got ${c.teacherEpochs}`);
}
