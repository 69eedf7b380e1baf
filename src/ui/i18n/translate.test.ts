import { describe, expect, it } from 'vitest';
import { en } from './en';
import { numberFormat } from './format';
import { htmlLang, isMessageKey, LANGUAGES, MESSAGES, translate, translateData } from './translate';
import { dataText, english } from '../../data/messages';
import { zh } from './zh';
import { BUILTIN_ATTRIBUTION, BUILTIN_DATASET } from '../../data/builtin';
import { synthesize } from '../../data/synth';

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

describe('Chinese table', () => {
  const keys = Object.keys(en) as (keyof typeof en)[];
  const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

  it('is offered after English and has every English key, no other', () => {
    expect(LANGUAGES).toEqual(['en', 'zh']);
    expect(Object.keys(zh).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(zh[k].trim(), k).not.toBe('');
  });

  it('has exactly the placeholders of each English template', () => {
    for (const k of keys) expect(placeholders(zh[k]), k).toEqual(placeholders(en[k]));
  });

  it('translates every sentence: only formulas, metric names and pure notation stay as in English', () => {
    const same = keys.filter((k) => zh[k] === en[k]).sort();
    expect(same).toEqual(
      [
        'compare.hr',
        'compare.mrr',
        'compare.ndcg',
        'dataset.minMedMax',
        'knobs.alphaValue',
        'knobs.temperatureValue',
        'loss.hint.formula',
        'loss.mse.formula',
        'loss.rank.formula',
        'loss.soft.formula',
        'sizes.times',
        'compress.series.quant',
        'compress.point.fp32',
        'compress.point.fp16',
        'compress.table.ndcg',
        'sweep.cellName',
        'sweep.corner',
        'sweep.alphaHead',
        'sweep.tHead',
        'runs.T',
        'runs.alpha',
        'runs.exportJson',
        'runs.exportCsv',
        'rating.formula',
        'transfer.ndcg',
        'transfer.hr',
      ].sort(),
    );
  });

  it('words the built-in dataset\'s changes exactly as its attribution does, in English', () => {
    const a = BUILTIN_ATTRIBUTION;
    const vars = { source: 'fant0md/minor-goodbooks-recommender', dataset: BUILTIN_DATASET.name, license: a.license };
    expect(translate('en', 'dataset.builtinChanges', vars)).toBe(`${a.changes} ${a.derivedLicense}`);
  });

  it('words the worker\'s keyed notices in English as the notice of its English message did', () => {
    const m = 'the webgpu device was lost; training continues on wasm from step 12';
    expect(translate('en', 'notice.deviceLost', { from: 'webgpu', to: 'wasm', step: 12 })).toBe(translate('en', 'notice.workerWarning', { message: m }));
    const dim = "the checkpoint's teacher has dim 32, the settings ask for 64: the teacher trains first";
    expect(translate('en', 'notice.checkpointOtherDim', { fitted: 32, wanted: 64 })).toBe(translate('en', 'notice.workerWarning', { message: dim }));
  });

  it('words data/\'s sentences, nested ones included, in each language; an error\'s own text stays as it is', () => {
    const first = dataText('data.fieldCount', { line: 57, expected: 4, found: 5, excerpt: '"1\\t2"' });
    const refusal = dataText('data.inFile', { name: 'u.data', text: dataText('data.tooManyBad', { bad: 3, total: 9, percent: '33%', max: '10%', first }) });
    expect(translateData('en', refusal)).toBe(english(refusal));
    expect(translateData('en', refusal)).toBe(
      'u.data: Too many bad lines: 3 of 9 data lines (33%) cannot be read, more than the 10% that are skipped. The first: line 57: expected 4 fields, found 5: "1\\t2"',
    );
    expect(translateData('zh', refusal)).toBe('u.data：坏行太多：9 行数据中有 3 行（33%）无法读取，超过了可跳过的 10%。第一个问题：第 57 行：应有 4 个字段，实际有 5 个："1\\t2"');
    expect(translateData('zh', 'HTTP 404 Not Found')).toBe('HTTP 404 Not Found');
  });

  it('words the synthetic demo\'s made-up name and titles in each language, its English ones unchanged', () => {
    const ds = synthesize({ users: 20, items: 12, clusters: 3, perUser: 4, seed: 1, noise: 0 });
    expect(ds.titleTexts!.map(english)).toEqual(ds.titles);
    expect(ds.titles![0]).toBe('Cluster 1 · item 1');
    expect(translateData('zh', ds.titleTexts![0])).toBe('第 1 簇 · 物品 1');
    expect(ds.name).toBe('synthetic 20×12, 3 clusters');
    expect(english(ds.nameText!)).toBe(ds.name);
    expect(translateData('zh', ds.nameText!)).toBe('合成数据 20×12，3 个簇');
  });

  it('fills placeholders and formats numbers in Chinese', () => {
    expect(translate('zh', 'controls.stepOf', { step: '12', total: '1,152' })).toBe('第 12 步，共 1,152 步');
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
    expect(numberFormat('zh').int(201701)).toBe('201,701');
    expect(numberFormat('zh').pct(0.0378)).toBe('3.78%');
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
