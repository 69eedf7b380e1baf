/**
 * The runs history: every finished run becomes a RunReport saved in IndexedDB (and listed in the
 * history slice) the moment its comparison arrives; saved and imported runs load on start, can be
 * renamed and deleted. A database that fails (no IndexedDB, a full disk) gives a notice and the
 * run stays listed for this visit: never a crash, never a lost run on screen.
 */
import { splitFingerprint } from '../data/fingerprint';
import { settingsOf } from './configSlice';
import { storageErrorMessage as message, type StudioDb } from './idb';
import { checkReport, decodeReport, defaultRunName, REPORT_FORMAT, REPORT_VERSION, type RunReport } from './runReport';
import type { StudioState, StudioStore } from './store';

/** What the history needs from its surroundings. */
export interface HistoryDeps {
  /** The database (opened on first use), or a rejection saying why there is none. */
  db(): Promise<StudioDb>;
  now(): Date;
}


/** The report of the run that just finished, from the store. */
export function reportOf(s: StudioState, id: string, now: Date): RunReport | null {
  const cur = s.dataset.current;
  const c = s.run.comparison;
  if (!cur || !c) return null;
  const settings = settingsOf(s.config);
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    id,
    name: defaultRunName(settings),
    createdAt: now.toISOString(),
    dataset: {
      name: cur.dataset.name,
      source: cur.dataset.source,
      fingerprint: splitFingerprint(cur.split),
      users: cur.stats.users,
      items: cur.stats.items,
      interactions: cur.stats.interactions,
    },
    backend: s.run.backend?.backend ?? null,
    settings,
    rows: s.run.rows,
    val: s.run.val,
    comparison: c,
    imported: false,
  };
}

export class RunHistory {
  private unsubscribe: (() => void) | null = null;
  private counter = 0;

  constructor(
    private readonly store: StudioStore,
    private readonly deps: HistoryDeps,
  ) {}

  /** Lists the saved runs and saves each run that finishes from now on. */
  async start(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.run.comparison && s.run.comparison !== prev.run.comparison) void this.saveFinished();
    });
    try {
      const db = await this.deps.db();
      const runs = await db.getAll<RunReport>('runs');
      // a stored record is checked like an imported file: an older or damaged one is skipped, not shown broken
      const good = runs.flatMap((r) => {
        const d = checkReport(r);
        return d.ok ? [{ ...d.report, imported: r.imported === true }] : [];
      });
      this.store.getState().historyLoaded(good, this.store.getState().history.datasets, true);
    } catch (e) {
      this.store.getState().historyLoaded([], [], false);
      this.store.getState().pushNotice('warning', 'notice.storageUnavailable', { message: message(e) });
    }
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private newId(): string {
    return `run-${this.deps.now().getTime().toString(36)}-${(++this.counter).toString(36)}`;
  }

  private async saveFinished(): Promise<void> {
    const r = reportOf(this.store.getState(), this.newId(), this.deps.now());
    if (r) await this.add(r);
  }

  /** Writes a report to the database, then lists it (also when the write failed: it stays for this visit). */
  private async add(r: RunReport): Promise<void> {
    await this.write(async (db) => db.put('runs', r.id, r));
    this.store.getState().runAdded(r);
  }

  private async write(f: (db: StudioDb) => Promise<void>): Promise<void> {
    if (!this.store.getState().history.persistent) return;
    try {
      await f(await this.deps.db());
    } catch (e) {
      this.store.getState().pushNotice('error', 'notice.storageFailed', { message: message(e) });
    }
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 200);
    const r = this.store.getState().history.runs.find((x) => x.id === id);
    if (!r || !trimmed || trimmed === r.name) return;
    this.store.getState().runRenamed(id, trimmed);
    await this.write((db) => db.put('runs', id, { ...r, name: trimmed }));
  }

  async remove(id: string): Promise<void> {
    this.store.getState().runRemoved(id);
    await this.write((db) => db.delete('runs', id));
  }

  /** Reads a report file; a bad one gets a notice naming the problem. Returns whether it was added. */
  async importText(fileName: string, text: string): Promise<boolean> {
    const d = decodeReport(text);
    const s = this.store.getState();
    if (!d.ok) {
      const p = d.problem;
      if (p.kind === 'json') s.pushNotice('error', 'notice.importNotJson', { file: fileName });
      else if (p.kind === 'format') s.pushNotice('error', 'notice.importNotReport', { file: fileName });
      else if (p.kind === 'version') s.pushNotice('error', 'notice.importVersion', { file: fileName, version: p.version });
      else s.pushNotice('error', 'notice.importField', { file: fileName, path: p.path, expected: p.expected });
      return false;
    }
    // a fresh id: importing the same file twice, or a run exported from this very browser, adds a copy
    const r = { ...d.report, id: this.newId(), imported: true };
    await this.add(r);
    s.pushNotice('info', 'notice.importDone', { file: fileName, name: r.name });
    return true;
  }
}
