/** A lesson step's preset → the settings it stands for: the studio's defaults, the step's parameters, the learner's backend. */
import { DEFAULT_SETTINGS, type Settings } from '../../settings/defaults';
import { decodeSettings } from '../../settings/url';

/**
 * The settings of a preset. The backend is the learner's (it is about their laptop, not the
 * lesson). Unknown or bad parameters in a preset are a bug in steps.ts, caught by its test.
 */
export function presetSettings(preset: string, current: Settings): Settings {
  return decodeSettings(preset, { ...DEFAULT_SETTINGS, backend: current.backend }).settings;
}
