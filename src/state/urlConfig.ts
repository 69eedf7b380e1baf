/** The URL codec now lives in settings/url.ts, derived from the settings table; re-exported here for older imports. */
export { decodeSettings, encodeSettings, URL_SETTINGS, type ParamProblem } from '../settings/url';
