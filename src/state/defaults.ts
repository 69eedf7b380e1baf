/** The studio's settings and defaults now live in settings/defaults.ts; re-exported here for older imports. */
export { DEFAULT_SETTINGS, DEFAULT_SPLIT_SEED, runSettingsOf, type BackendChoice, type Settings, type StudioSettings } from '../settings/defaults';
