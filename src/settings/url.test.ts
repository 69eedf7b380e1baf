import { describe, expect, it } from 'vitest';
import { valueAt, withValueAt } from './check';
import { DEFAULT_SETTINGS, type Settings } from './defaults';
import { SETTINGS, type Setting } from './table';
import { decodeSettings, encodeSettings, URL_SETTINGS } from './url';

/** A value the row accepts that is not `v` (for a link that sets every parameter). */
function another(row: Setting, v: unknown): unknown {
  switch (row.kind) {
    case 'boolean':
      return !v;
    case 'choice':
      return row.values.find((x) => x !== v);
    case 'number': {
      const x = row.integer ? Math.ceil((row.min + row.max) / 3) : Number(((row.min + row.max) / 3).toPrecision(3));
      return x === v ? row.min : x;
    }
    case 'list': {
      const step = (row.max - row.min) / 4;
      const xs = [row.min + step, row.min + 2 * step].map((x) => (row.integer ? Math.round(x) : Number(x.toPrecision(3))));
      return JSON.stringify(xs) === JSON.stringify(v) ? [row.max] : xs;
    }
  }
}

/** Every parameter of a link moved off its default. */
const everyPanel: Settings = URL_SETTINGS.reduce<Settings>((s, row) => withValueAt(s, row.path, another(row, valueAt(s, row.path))), DEFAULT_SETTINGS);

describe('URL codec', () => {
  it('round-trips the defaults, and a link with every panel’s settings changed, exactly (decode ∘ encode = id)', () => {
    for (const s of URL_SETTINGS) expect(valueAt(everyPanel, s.path), s.id).not.toEqual(valueAt(DEFAULT_SETTINGS, s.path));
    for (const s of [DEFAULT_SETTINGS, everyPanel]) {
      const { settings, problems } = decodeSettings(`?${encodeSettings(s)}`);
      expect(problems).toEqual([]);
      expect(settings).toEqual(s);
    }
    // the link carries every panel, not only the run
    const keys = new Set(new URLSearchParams(encodeSettings(everyPanel)).keys());
    for (const panel of ['compress.', 'rating.', 'transfer.', 'sweep.']) expect([...keys].some((k) => k.startsWith(panel)), panel).toBe(true);
  });

  it('writes the parameters links have carried since the first version first, with their names and order', () => {
    const q = new URLSearchParams(encodeSettings(DEFAULT_SETTINGS));
    expect([...q.keys()].slice(0, 17)).toEqual(['T', 'alpha', 'loss', 'over', 'lr', 'kdlr', 'tlr', 'tdim', 'thidden', 'sdim', 'seed', 'split', 'schedule', 'epochs', 'tepochs', 'batch', 'backend']);
    expect([...q.keys()]).toEqual(URL_SETTINGS.map((p) => p.url));
    expect(q.get('T')).toBe('0.25');
    expect(q.get('over')).toBe('unseen');
    expect(q.get('backend')).toBe('auto');
  });

  it('opens an old link as it always did: its values, every other setting at its default', () => {
    const { settings, problems } = decodeSettings('?T=2&alpha=0.3&loss=mse&sdim=16&seed=7&epochs=2&tdim=32&split=3&lr=0.03&kdlr=0.003&over=all');
    expect(problems).toEqual([]);
    const d = DEFAULT_SETTINGS;
    expect(settings).toEqual({
      ...d,
      train: {
        ...d.train,
        teacher: { ...d.train.teacher, dim: 32 },
        student: { ...d.train.student, dim: 16, lr: 0.03 },
        distill: { ...d.train.distill, temperature: 2, alpha: 0.3, loss: 'mse', lr: 0.003, unseenOnly: false },
        seed: 7,
      },
      plan: { ...d.plan, epochs: 2 },
      splitSeed: 3,
    });
  });

  it('reads and writes lists with plain commas and switches as words', () => {
    const s = decodeSettings('sweep.T=0.5,1&compress.teacher=off&transfer.keep=0.05&transfer.curve=on').settings;
    expect(s.sweep.temperatures).toEqual([0.5, 1]);
    expect(s.compress.teacher).toBe(false);
    expect(s.transfer).toMatchObject({ keep: 0.05, curve: true });
    const q = encodeSettings(s);
    expect(q).toContain('sweep.T=0.5,1&');
    expect(q).toContain('compress.teacher=off');
  });

  it('falls back to the default for each bad or stale value and names the parameter and its row', () => {
    const { settings, problems } = decodeSettings('?T=abc&alpha=1.5&loss=kl&tdim=12.5&epochs=&backend=tpu&seed=-3&lr=1e-3x&sweep.T=0.5,x&compress.teacher=maybe');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((p) => p.param)).toEqual(['T', 'alpha', 'loss', 'lr', 'tdim', 'seed', 'epochs', 'backend', 'compress.teacher', 'sweep.T']);
    const byName = Object.fromEntries(problems.map((p) => [p.param, p]));
    expect(byName.T).toEqual({ param: 'T', value: 'abc', fallback: '0.25', setting: URL_SETTINGS.find((r) => r.url === 'T') });
    expect(byName.T.setting).toMatchObject({ kind: 'number', min: 0.1, max: 20, integer: false });
    expect(byName.tdim.setting).toMatchObject({ kind: 'number', min: SETTINGS.teacherDim.min, max: SETTINGS.teacherDim.max, integer: true });
    expect(byName.loss).toMatchObject({ fallback: 'soft', setting: { kind: 'choice', values: ['soft', 'mse', 'rank', 'hint'] } });
    expect(byName.backend.fallback).toBe('auto');
    expect(byName['sweep.T'].fallback).toBe('0.25,0.5,1,2');
    expect(byName['compress.teacher'].fallback).toBe('on');
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
