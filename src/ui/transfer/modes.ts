/**
 * The transfer modes as the panel shows them (popularity and the small student included), each
 * with its message, formula and curve colour, and where a result holds its numbers.
 */
import type { TransferResult } from '../../train/transferRun';
import { COLORS } from '../colors';
import type { MessageKey } from '../i18n/translate';

export type ModeKey = 'popularity' | 'scratch' | 'frozen' | 'finetune' | 'joint' | 'student' | 'kd';

export const MODES: readonly { key: ModeKey; name: MessageKey; formula: MessageKey; color: string }[] = [
  { key: 'popularity', name: 'transfer.mode.popularity', formula: 'transfer.formula.popularity', color: '#7a7f8c' },
  { key: 'scratch', name: 'transfer.mode.scratch', formula: 'transfer.formula.scratch', color: COLORS.student },
  { key: 'frozen', name: 'transfer.mode.frozen', formula: 'transfer.formula.frozen', color: COLORS.teacher },
  { key: 'finetune', name: 'transfer.mode.finetune', formula: 'transfer.formula.finetune', color: COLORS.kdHard },
  { key: 'joint', name: 'transfer.mode.joint', formula: 'transfer.formula.joint', color: COLORS.kdDistill },
  { key: 'student', name: 'transfer.mode.student', formula: 'transfer.formula.scratch', color: '#b8792f' },
  { key: 'kd', name: 'transfer.mode.kd', formula: 'transfer.formula.kd', color: COLORS.kd },
];

/** A mode's test numbers, chosen epoch and weight decay in one result (popularity has neither). */
export function modeOf(r: TransferResult, k: ModeKey): { ndcg10: number; hr10: number; bestEpoch: number | null; l2: number | null } {
  if (k === 'popularity') return { ...r.popularity, bestEpoch: null, l2: null };
  if (k === 'student') return r.crossKd.student;
  if (k === 'kd') return r.crossKd;
  return r[k];
}
