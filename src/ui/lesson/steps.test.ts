import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../state/defaults';
import { decodeSettings, encodeSettings, URL_SETTINGS } from '../../settings/url';
import { validateTrainConfig } from '../../train/validate';
import { en } from '../i18n/en';
import { isMessageKey } from '../i18n/translate';
import { presetSettings } from './preset';
import { clampStep, LESSON_STEPS } from './steps';

describe('lesson steps', () => {
  it('follow DESIGN.md’s lesson in order, each with its own id and a panel-<name> test id', () => {
    expect(LESSON_STEPS.map((s) => s.id)).toEqual(['teacher', 'student', 'kd', 'temperature', 'alpha', 'size', 'compression', 'transfer']);
    for (const s of LESSON_STEPS) expect(s.panel, s.id).toMatch(/^panel-[a-z]+$/);
    expect(LESSON_STEPS.find((s) => s.id === 'compression')!.panel).toBe('panel-compress');
    expect(LESSON_STEPS.find((s) => s.id === 'transfer')!.panel).toBe('panel-transfer');
  });

  it('every preset is a valid configuration: known parameters, acceptable values, a config the engine accepts', () => {
    const names = new Set(URL_SETTINGS.map((p) => p.url));
    for (const s of LESSON_STEPS) {
      const q = new URLSearchParams(s.preset);
      expect([...q.keys()].length, s.id).toBeGreaterThan(0);
      for (const k of q.keys()) expect(names.has(k), `${s.id}: ${k}`).toBe(true);
      expect(decodeSettings(s.preset).problems, s.id).toEqual([]);
      const settings = presetSettings(s.preset, { ...DEFAULT_SETTINGS, backend: 'wasm' });
      expect(settings.backend, s.id).toBe('wasm'); // the learner's backend stays
      expect(() => validateTrainConfig(settings.train, 2668, 2000), s.id).not.toThrow();
      // applied, the URL carries the preset's values as written
      const url = new URLSearchParams(encodeSettings(settings));
      for (const [k, v] of q) expect(url.get(k), `${s.id}: ${k}`).toBe(v);
    }
  });

  it('a preset starts from the defaults, whatever was set before', () => {
    const moved = { ...DEFAULT_SETTINGS, train: { ...DEFAULT_SETTINGS.train, distill: { ...DEFAULT_SETTINGS.train.distill, temperature: 7, alpha: 0.2 } } };
    const kd = LESSON_STEPS.find((s) => s.id === 'kd')!;
    const s = presetSettings(kd.preset, moved);
    expect(s.train.distill.temperature).toBe(0.25);
    expect(s.train.distill.alpha).toBe(1);
    const t = presetSettings(LESSON_STEPS.find((x) => x.id === 'temperature')!.preset, moved);
    expect(t.train.distill.temperature).toBe(2);
  });

  it('every message key exists, and every lesson key in the table is used', () => {
    const used = new Set<string>();
    for (const s of LESSON_STEPS) {
      for (const k of [s.title, s.explain, s.question, s.answer]) {
        expect(isMessageKey(k), k).toBe(true);
        expect(en[k].length, k).toBeGreaterThan(10);
        used.add(k);
      }
    }
    const stepKeys = Object.keys(en).filter((k) => /^lesson\.[a-z]+\.(title|explain|question|answer)$/.test(k));
    expect(stepKeys.filter((k) => !used.has(k))).toEqual([]);
  });

  it('every formula renders with KaTeX and holds no words to translate', () => {
    for (const s of LESSON_STEPS) {
      const html = katex.renderToString(s.tex, { throwOnError: true, displayMode: true });
      expect(html, s.id).toContain('katex');
      expect(s.tex, s.id).not.toMatch(/\\text\{/);
    }
  });

  it('clamps a step number into the lesson', () => {
    expect(clampStep(0)).toBe(1);
    expect(clampStep(3)).toBe(3);
    expect(clampStep(99)).toBe(LESSON_STEPS.length);
  });
});
