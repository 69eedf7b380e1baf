/**
 * The three models as every chart, legend and table shows them — key in the data, name in the
 * message table, colour, heading class — written once, so a panel cannot drift from the others
 * ("blue = teacher, orange = student alone, green = KD student" holds everywhere).
 */
import { COLORS } from './colors';
import type { MessageKey } from './i18n/translate';

export type ModelKey = 'teacher' | 'student' | 'kd';

export interface ModelSeries {
  key: ModelKey;
  name: MessageKey;
  color: string;
  /** The class that colours the model's name in a table heading. */
  cls: `c-${ModelKey}`;
}

const BY_KEY: Readonly<Record<ModelKey, ModelSeries>> = {
  teacher: { key: 'teacher', name: 'model.teacher', color: COLORS.teacher, cls: 'c-teacher' },
  student: { key: 'student', name: 'model.student', color: COLORS.student, cls: 'c-student' },
  kd: { key: 'kd', name: 'model.kd', color: COLORS.kd, cls: 'c-kd' },
};

/** Teacher, student alone, KD student: the order of the charts and the comparison tables. */
export const MODEL_SERIES: readonly ModelSeries[] = [BY_KEY.teacher, BY_KEY.student, BY_KEY.kd];

/** The same entries in a panel's own order (the soft-label bars set the KD student beside the teacher). */
export const seriesInOrder = (order: readonly ModelKey[]): readonly ModelSeries[] => order.map((k) => BY_KEY[k]);
