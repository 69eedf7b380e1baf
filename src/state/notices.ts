/**
 * Notices the store holds for the errors/notices area: a message-table key plus the values to
 * fill in, never a finished sentence, so a language switch re-words notices already on screen.
 * The keys are listed here (state/ may not import ui/); ui/i18n checks at compile time that the
 * message table has every one of them.
 */

import type { DataText } from '../data/messages';
import type { WorkerNotice } from '../train/protocol';

/** Keys of notices that state/ raises, and those the training worker sends. */
export type NoticeKey =
  | WorkerNotice['key']
  | 'notice.badParamRange'
  | 'notice.badParamInt'
  | 'notice.badParamOneOf'
  | 'notice.badParamList'
  | 'notice.workerError'
  | 'notice.workerWarning'
  | 'notice.noCheckpoint'
  | 'notice.checkpointSplitSeed'
  | 'notice.builtinMismatch'
  | 'notice.builtinFetchFailed'
  | 'notice.storageFailed'
  | 'notice.storageUnavailable'
  | 'notice.importNotJson'
  | 'notice.importNotReport'
  | 'notice.importVersion'
  | 'notice.importField'
  | 'notice.importDone'
  | 'notice.exportFailed'
  | 'notice.datasetRestoreFailed';

/** Values interpolated into a notice's sentence (`{name}` placeholders); a data/ sentence (a made-up dataset name) is worded in the current language too. */
export type NoticeVars = Readonly<Record<string, string | number | DataText>>;

/** How loud a notice is: errors are announced as alerts, the rest as status. */
export type NoticeLevel = 'error' | 'warning' | 'info';

/** One entry of the errors/notices area. */
export interface Notice {
  id: number;
  level: NoticeLevel;
  key: NoticeKey;
  vars: NoticeVars;
}
