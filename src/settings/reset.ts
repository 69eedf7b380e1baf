/**
 * Which run settings a running worker takes at its next step and which need a Reset (a new
 * worker), read off the table's `apply` column, so a new row is on the right side by itself.
 */
import { valueAt } from './check';
import type { StudioSettings } from './defaults';
import { SETTING_ROWS, type Setting, type SettingPath } from './table';

type PathRow = Setting & { id: string; path: SettingPath };

/** Top-level keys of the run's settings (the rest are the panels'). */
const RUN_ROOTS = new Set<string>(['train', 'plan', 'splitSeed', 'backend'] satisfies (keyof StudioSettings)[]);

const runRows = SETTING_ROWS.filter((r): r is PathRow => r.path !== null && RUN_ROOTS.has(r.path.split('.')[0]));

/** The run's rows a Reset applies. */
export const RESET_ROWS: readonly PathRow[] = runRows.filter((r) => r.apply === 'next-run');

/** The run's rows a running worker takes at its next step (sent as set-hyper). */
export const LIVE_ROWS: readonly PathRow[] = runRows.filter((r) => r.apply === 'live');

/**
 * The settings that need a new load when they change, as one comparable string.
 * @example resetKey(a) !== resetKey(b) // → a Reset is needed to run with b
 */
export function resetKey(s: StudioSettings): string {
  return JSON.stringify(RESET_ROWS.map((r) => valueAt(s, r.path)));
}

/** True when a live setting differs between the two (a set-hyper is due). */
export function liveChanged(a: StudioSettings, b: StudioSettings): boolean {
  return LIVE_ROWS.some((r) => valueAt(a, r.path) !== valueAt(b, r.path));
}
