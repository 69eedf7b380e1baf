/**
 * Config slice: every setting that shapes a run (what the URL carries). Hyperparameters (T, α,
 * loss, learning rates) reach a running worker at once; the rest (sizes, seeds, schedule, epochs,
 * batch, backend) apply at the next load, so the slice remembers what the last load used.
 */
import type { StateCreator } from 'zustand';
import type { DistillConfig } from '../distill/config';
import type { StudentConfig, TeacherConfig } from '../models/config';
import type { Schedule } from '../train/config';
import { DEFAULT_SETTINGS, type BackendChoice, type StudioSettings } from './defaults';
import type { StudioState } from './store';

export interface ConfigState extends StudioSettings {
  /** structuralKey() of the settings the current worker was loaded with, or null before a load. */
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
  /** Replaces every setting (from the URL). */
  applySettings(settings: StudioSettings): void;
  /** Records that a worker was loaded with the current settings. */
  markApplied(): void;
}

/**
 * The settings that need a new load when they change, as one comparable string. Everything
 * except the live hyperparameters (distill, learning rates).
 */
export function structuralKey(s: StudioSettings): string {
  const { teacher: t, student: st } = s.train;
  return JSON.stringify([
    [t.dim, t.hidden, t.dropout, t.l2, t.initStd],
    [st.dim, st.l2, st.initStd],
    [s.train.seed, s.train.batchSize, s.train.schedule, s.train.teacherEpochs],
    s.plan,
    s.splitSeed,
    s.backend,
  ]);
}

/** The run settings of a config state (drops bookkeeping). */
export function settingsOf(c: ConfigState): StudioSettings {
  return { train: c.train, plan: c.plan, splitSeed: c.splitSeed, backend: c.backend };
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
  /** True when a setting that needs a new load changed since the last one. */
  needsReload: (s: StudioState) => s.config.applied !== null && s.config.applied !== structuralKey(settingsOf(s.config)),
};
