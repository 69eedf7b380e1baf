/**
 * Config slice: every setting of the table (settings/table.ts), the run's and each panel's: what
 * a link carries. Live settings (T, α, loss, learning rates) reach a running worker at once; the
 * run's others apply at the next load, so the slice remembers what the last load used; a panel's
 * settings apply at its next job.
 */
import type { StateCreator } from 'zustand';
import type { CompressConfig } from '../compress/config';
import type { DistillConfig } from '../distill/config';
import type { StudentConfig, TeacherConfig } from '../models/config';
import type { RatingRunConfig } from '../models/ratingConfig';
import type { Schedule } from '../train/config';
import { DEFAULT_SETTINGS, runSettingsOf, type BackendChoice, type Settings, type StudioSettings, type SweepRequest, type TransferPanelSettings } from '../settings/defaults';
import { resetKey } from '../settings/reset';
import type { StudioState } from './store';

export interface ConfigState extends Settings {
  /** resetKey() of the settings the current worker was loaded with, or null before a load. */
  applied: string | null;
}

export interface ConfigSlice {
  config: ConfigState;
  setDistill(patch: Partial<DistillConfig>): void;
  setStudentLr(lr: number): void;
  setTeacherLr(lr: number): void;
  setTeacherSize(patch: Partial<Pick<TeacherConfig, 'dim' | 'hidden'>>): void;
  setStudentSize(patch: Partial<Pick<StudentConfig, 'dim'>>): void;
  setSeed(seed: number): void;
  setSplitSeed(seed: number): void;
  setSchedule(schedule: Schedule): void;
  setEpochs(epochs: number): void;
  setBackend(backend: BackendChoice): void;
  setCompressConfig(patch: Partial<CompressConfig>): void;
  setRatingConfig(patch: Partial<Pick<RatingRunConfig, 'teacherEpochs' | 'epochs'>> & { alpha?: number; unrated?: number }): void;
  setTransferSettings(patch: Partial<TransferPanelSettings>): void;
  setSweepRequest(request: SweepRequest): void;
  /** Replaces every setting (from the URL, a lesson step). */
  applySettings(settings: Settings): void;
  /** Records that a worker was loaded with the current settings. */
  markApplied(): void;
}

/** The settings that need a new load when they change, as one comparable string (the table's `next-run` rows of the run). */
export const structuralKey: (s: StudioSettings) => string = resetKey;

/** The run settings of a config state (what a saved run records). */
export function settingsOf(c: ConfigState): StudioSettings {
  return runSettingsOf(c);
}

/** Every setting of a config state (what a link carries). */
export function allSettingsOf(c: ConfigState): Settings {
  const { applied: _, ...s } = c;
  return s;
}

export const createConfigSlice: StateCreator<StudioState, [], [], ConfigSlice> = (set) => {
  const patch = (f: (c: ConfigState) => Partial<ConfigState>) => set((s) => ({ config: { ...s.config, ...f(s.config) } }));
  const train = (f: (t: ConfigState['train']) => Partial<ConfigState['train']>) => patch((c) => ({ train: { ...c.train, ...f(c.train) } }));
  return {
    config: { ...DEFAULT_SETTINGS, applied: null },
    setDistill: (p) => train((t) => ({ distill: { ...t.distill, ...p } })),
    setStudentLr: (lr) => train((t) => ({ student: { ...t.student, lr } })),
    setTeacherLr: (lr) => train((t) => ({ teacher: { ...t.teacher, lr } })),
    setTeacherSize: (p) => train((t) => ({ teacher: { ...t.teacher, ...p } })),
    setStudentSize: (p) => train((t) => ({ student: { ...t.student, ...p } })),
    setSeed: (seed) => train(() => ({ seed })),
    setSchedule: (schedule) => train(() => ({ schedule })),
    setSplitSeed: (splitSeed) => patch(() => ({ splitSeed })),
    setEpochs: (epochs) => patch((c) => ({ plan: { ...c.plan, epochs } })),
    setBackend: (backend) => patch(() => ({ backend })),
    setCompressConfig: (p) => patch((c) => ({ compress: { ...c.compress, ...p } })),
    setRatingConfig: ({ alpha, unrated, ...rest }) =>
      patch((c) => ({
        rating: { ...c.rating, ...rest, distill: { alpha: alpha ?? c.rating.distill.alpha, unrated: unrated ?? c.rating.distill.unrated } },
      })),
    setTransferSettings: (p) => patch((c) => ({ transfer: { ...c.transfer, ...p } })),
    setSweepRequest: (sweep) => patch(() => ({ sweep })),
    applySettings: (settings) => patch(() => ({ ...settings })),
    markApplied: () => patch((c) => ({ applied: structuralKey(settingsOf(c)) })),
  };
};

/** Narrow reads of the config slice for panels. */
export const configSelectors = {
  train: (s: StudioState) => s.config.train,
  distill: (s: StudioState) => s.config.train.distill,
  teacher: (s: StudioState) => s.config.train.teacher,
  student: (s: StudioState) => s.config.train.student,
  seed: (s: StudioState) => s.config.train.seed,
  schedule: (s: StudioState) => s.config.train.schedule,
  epochs: (s: StudioState) => s.config.plan.epochs,
  splitSeed: (s: StudioState) => s.config.splitSeed,
  backend: (s: StudioState) => s.config.backend,
  compress: (s: StudioState) => s.config.compress,
  rating: (s: StudioState) => s.config.rating,
  transfer: (s: StudioState) => s.config.transfer,
  sweep: (s: StudioState) => s.config.sweep,
  /** True when a setting that needs a new load changed since the last one. */
  needsReload: (s: StudioState) => s.config.applied !== null && s.config.applied !== structuralKey(settingsOf(s.config)),
};
