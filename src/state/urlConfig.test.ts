import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type StudioSettings } from './defaults';
import { decodeSettings, encodeSettings, URL_PARAMS } from './urlConfig';

const custom: StudioSettings = {
  train: {
    ...DEFAULT_SETTINGS.train,
    teacher: { ...DEFAULT_SETTINGS.train.teacher, dim: 32, hidden: 64, lr: 0.001 },
    student: { ...DEFAULT_SETTINGS.train.student, dim: 16, lr: 0.03 },
    distill: { ...DEFAULT_SETTINGS.train.distill, temperature: 4, alpha: 0.35, loss: 'rank', unseenOnly: true, lr: 0.03 },
    seed: 42,
    batchSize: 256,
    schedule: 'online',
    teacherEpochs: 3,
  },
  plan: { ...DEFAULT_SETTINGS.plan, epochs: 7 },
  splitSeed: 9,
  backend: 'wasm',
};

describe('URL codec', () => {
  it('round-trips the defaults and a custom setup exactly', () => {
    for (const s of [DEFAULT_SETTINGS, custom]) {
      const { settings, problems } = decodeSettings(`?${encodeSettings(s)}`);
      expect(problems).toEqual([]);
      expect(settings).toEqual(s);
    }
  });

  it('writes every parameter of the schema, with readable names', () => {
    const q = new URLSearchParams(encodeSettings(custom));
    expect([...q.keys()]).toEqual(URL_PARAMS.map((p) => p.name));
    expect(q.get('T')).toBe('4');
    expect(q.get('alpha')).toBe('0.35');
    expect(q.get('loss')).toBe('rank');
    expect(q.get('over')).toBe('unseen');
    expect(q.get('split')).toBe('9');
    expect(q.get('backend')).toBe('wasm');
  });

  it('reads a partial link and keeps defaults for the rest', () => {
    const { settings, problems } = decodeSettings('T=2&sdim=4');
    expect(problems).toEqual([]);
    expect(settings.train.distill.temperature).toBe(2);
    expect(settings.train.student.dim).toBe(4);
    expect(settings.train.teacher).toEqual(DEFAULT_SETTINGS.train.teacher);
    expect(settings.plan).toEqual(DEFAULT_SETTINGS.plan);
  });

  it('falls back to the default for each bad or stale value and names the parameter', () => {
    const { settings, problems } = decodeSettings('?T=abc&alpha=1.5&loss=kl&tdim=12.5&epochs=&backend=tpu&seed=-3&lr=1e-3x');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((p) => p.param)).toEqual(['T', 'alpha', 'loss', 'lr', 'tdim', 'seed', 'epochs', 'backend']);
    const byName = Object.fromEntries(problems.map((p) => [p.param, p]));
    expect(byName.T).toEqual({ param: 'T', value: 'abc', fallback: '0.25', rule: { kind: 'range', min: 0.1, max: 20, integer: false } });
    expect(byName.tdim.rule).toEqual({ kind: 'range', min: 1, max: 512, integer: true });
    expect(byName.loss).toEqual({ param: 'loss', value: 'kl', fallback: 'soft', rule: { kind: 'oneOf', values: ['soft', 'mse', 'rank', 'hint'] } });
    expect(byName.backend.fallback).toBe('auto');
  });

  it('keeps good parameters next to bad ones', () => {
    const { settings, problems } = decodeSettings('T=3&alpha=nope');
    expect(settings.train.distill.temperature).toBe(3);
    expect(settings.train.distill.alpha).toBe(DEFAULT_SETTINGS.train.distill.alpha);
    expect(problems).toHaveLength(1);
  });

  it('ignores unknown parameters when reading and keeps them when writing', () => {
    const { settings, problems } = decodeSettings('?utm_source=talk&T=1&lang=zh');
    expect(problems).toEqual([]);
    expect(settings.train.distill.temperature).toBe(1);
    const q = new URLSearchParams(encodeSettings(settings, '?utm_source=talk&T=9'));
    expect(q.get('utm_source')).toBe('talk');
    expect(q.get('T')).toBe('1');
  });

  it('accepts exponent notation and rejects hex, infinity and blanks', () => {
    expect(decodeSettings('lr=3e-3').settings.train.student.lr).toBe(0.003);
    for (const bad of ['0x10', 'Infinity', ' ', '1,5']) expect(decodeSettings(`T=${encodeURIComponent(bad)}`).problems).toHaveLength(1);
  });
});
