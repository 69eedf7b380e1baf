/**
 * Settings of a training run, with defaults. Everything that shapes a run lives here (and, in
 * the studio, in the URL). tf-free, so the studio's page can import it; validation (which needs
 * the model builders) is in validate.ts.
 */
import { defaultDistillConfig, type DistillConfig } from '../distill/config';
import { defaultStudentConfig, defaultTeacherConfig, type StudentConfig, type TeacherConfig } from '../models/config';

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
