import { describe, expect, it } from 'vitest';
import { en } from './en';
import { numberFormat } from './format';
import { isMessageKey, MESSAGES, translate } from './translate';

describe('message table', () => {
  it('fills placeholders, leaves unknown ones visible, and falls back to English', () => {
    expect(translate('en', 'controls.stepOf', { step: '12', total: '1,152' })).toBe('Step 12 of 1,152');
    expect(translate('en', 'controls.stepOf', { step: 1 })).toBe('Step 1 of {total}');
    expect(translate('xx', 'controls.play')).toBe('Play');
  });

  it('has every progress phase the worker sends and every run status', () => {
    for (const k of ['progress.warmup', 'progress.teacher', 'progress.students', 'progress.testing', 'progress.done', 'progress.idle']) {
      expect(isMessageKey(k), k).toBe(true);
    }
    expect(isMessageKey('progress.nonsense')).toBe(false);
  });

  it('every registered language has exactly the English keys and the same placeholders', () => {
    const keys = Object.keys(en).sort();
    for (const [lang, table] of Object.entries(MESSAGES)) {
      expect(Object.keys(table).sort(), lang).toEqual(keys);
      for (const k of keys) {
        const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(names(table[k as keyof typeof en]), `${lang} ${k}`).toEqual(names(en[k as keyof typeof en]));
      }
    }
  });
});

describe('number format', () => {
  it('formats with Intl in the language', () => {
    const f = numberFormat('en');
    expect(f.int(201701)).toBe('201,701');
    expect(f.dec(0.12345, 3)).toBe('0.123');
    expect(f.pct(0.0378)).toBe('3.78%');
    expect(f.bytes(1814796)).toBe('1.81 MB');
    expect(f.bytes(157376)).toBe('157 kB');
    expect(f.sig(0.000123456, 2)).toBe('0.00012');
    expect(f.int(NaN)).toBe('—');
    expect(numberFormat('de').int(2668)).toBe('2.668');
  });
});
