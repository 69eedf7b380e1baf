/**
 * The table is the only place a range is written: every setting has a row, every default is one
 * its row accepts, and no numeric literal range is left in the URL codec, the CLI or the panels'
 * sliders and fields (the CLI's bounds are checked against the table flag by flag).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../cli/main';
import { parseArgs } from '../cli/args';
import { flagNames, flagSpec, readList, readNumber, type FlagDoc, type SettingFlag } from '../cli/settingFlags';
import { isMessageKey } from '../ui/i18n/translate';
import { checkUnder, problemOf, valueAt } from './check';
import { DEFAULT_SETTINGS } from './defaults';
import { LIVE_ROWS, RESET_ROWS, resetKey } from './reset';
import { SETTING_ROWS, SETTINGS, type ListSetting, type NumberSetting } from './table';

const SRC = path.resolve(__dirname, '..');

/** Dot paths of every value in an object (arrays of numbers are values). */
function leaves(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), ext) : ext.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

describe('the settings table', () => {
  it('has one row per setting: every value of the settings has exactly one row, and every row’s path is a setting', () => {
    const paths = SETTING_ROWS.flatMap((r) => (r.path ? [r.path] : []));
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual(leaves(DEFAULT_SETTINGS).sort());
  });

  it('accepts every default, and its ranges are ranges', () => {
    for (const r of SETTING_ROWS) {
      if (r.path) expect(problemOf(r, valueAt(DEFAULT_SETTINGS, r.path)), r.id).toBeNull();
      if (r.kind === 'number' || r.kind === 'list') expect(r.min, r.id).toBeLessThanOrEqual(r.max);
      if (r.kind === 'list') expect(r.minLength, r.id).toBeLessThanOrEqual(r.maxLength);
    }
    expect(() => checkUnder('train', DEFAULT_SETTINGS.train)).not.toThrow();
    expect(() => checkUnder('train', { ...DEFAULT_SETTINGS.train, batchSize: SETTINGS.batchSize.max + 1 })).toThrow(/^train\.batchSize must be a whole number from 1 to 8192, got 8193$/);
  });

  it('gives each link parameter one name, and each label a message', () => {
    const urls = SETTING_ROWS.flatMap((r) => (r.url ? [r.url] : []));
    expect(new Set(urls).size).toBe(urls.length);
    for (const r of SETTING_ROWS) if (r.label) expect(isMessageKey(r.label), `${r.id}: ${r.label}`).toBe(true);
  });

  it('derives the “needs a reset” test: live rows never need one, every other run row does', () => {
    expect(LIVE_ROWS.map((r) => r.id)).toEqual(expect.arrayContaining(['temperature', 'alpha', 'loss', 'unseenOnly', 'studentLr', 'kdLr', 'teacherLr']));
    for (const r of RESET_ROWS) expect(r.apply, r.id).toBe('next-run');
    const d = DEFAULT_SETTINGS;
    const moved = (path: string, v: unknown) => resetKey({ ...d, ...JSON.parse(JSON.stringify(d)), [path]: v });
    expect(resetKey({ ...d, train: { ...d.train, distill: { ...d.train.distill, temperature: 4 } } })).toBe(resetKey(d));
    expect(resetKey({ ...d, train: { ...d.train, student: { ...d.train.student, dim: 16 } } })).not.toBe(resetKey(d));
    expect(moved('splitSeed', 3)).not.toBe(resetKey(d));
    expect(moved('backend', 'wasm')).not.toBe(resetKey(d));
  });
});

describe('no range outside the table', () => {
  it('the CLI reads no number flag by hand: every bound comes from a row', () => {
    for (const f of files(path.join(SRC, 'cli'), /\.ts$/)) {
      if (/settingFlags\.ts$|args\.ts$/.test(f)) continue;
      expect(readFileSync(f, 'utf8'), path.relative(SRC, f)).not.toMatch(/\b(intFlag|numberFlag|numberListFlag)\(/);
    }
  });

  it('every command flag that is a setting takes exactly its row’s range', () => {
    const checked = new Set<string>();
    for (const c of COMMANDS) {
      for (const docs of c.flags ?? []) {
        const spec = flagSpec(docs);
        expect(flagNames(docs).length, c.name).toBe(new Set(docs.flatMap((d) => ('setting' in d ? [d.setting.cli, d.setting.kind === 'boolean' ? d.setting.cliOff : undefined] : [d.flag])).filter(Boolean)).size);
        for (const d of docs as FlagDoc[]) {
          if (!('setting' in d)) continue;
          const s = d.setting;
          if (s.kind !== 'number' && s.kind !== 'list') continue;
          const name = s.cli!;
          const read = (v: number) => {
            const args = parseArgs([`--${name}`, String(v)], spec);
            const f = d as SettingFlag<NumberSetting | ListSetting>;
            return s.kind === 'list' || d.list ? readList(args, f, [s.min]) : readNumber(args, f as SettingFlag<NumberSetting>, s.min);
          };
          expect(() => read(s.min), `${c.name} --${name} ${s.min}`).not.toThrow();
          expect(() => read(s.max), `${c.name} --${name} ${s.max}`).not.toThrow();
          expect(() => read(s.max + 1), `${c.name} --${name} above`).toThrow();
          if (s.min > -1e9) expect(() => read(s.min - (s.integer ? 1 : s.min / 2 || 1)), `${c.name} --${name} below`).toThrow();
          checked.add(`${c.name} --${name}`);
        }
      }
    }
    expect(checked.size).toBeGreaterThan(40);
  });

  it('no slider or field in ui/ writes a numeric bound: they come from SETTINGS', () => {
    // the inspector's user number is a position in the evaluated users, not a setting
    const notSettings = new Set(['InspectorPanel.tsx']);
    for (const f of files(path.join(SRC, 'ui'), /\.tsx$/)) {
      if (notSettings.has(path.basename(f))) continue;
      // a <progress> bar's max={1} is a fraction's scale, not a setting's bound
      const lines = readFileSync(f, 'utf8').split('\n').filter((l) => !l.includes('<progress'));
      for (const l of lines) expect(l, path.relative(SRC, f)).not.toMatch(/\b(min|max)=\{[^}]*\d[^}]*\}/);
    }
  });

  it('the URL codec writes no bound of its own', () => {
    const text = readFileSync(path.join(SRC, 'settings', 'url.ts'), 'utf8');
    expect(text).not.toMatch(/\b(min|max)\b/);
  });
});
