import { describe, expect, it } from 'vitest';
import { LANG_STORAGE_KEY, pickLanguage, readStoredLanguage, startLanguageSync, type LanguageStorage } from './languageChoice';
import { createStudioStore } from './store';
import type { UrlTarget } from './urlSync';

const LANGS = ['en', 'zh'];

function memoryStorage(init: Record<string, string> = {}): LanguageStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function memoryUrl(search: string): UrlTarget & { writes: number } {
  const t = {
    search,
    writes: 0,
    replace(next: string) {
      t.search = `?${next}`;
      t.writes++;
    },
  };
  return t;
}

describe('pickLanguage', () => {
  it('takes the link first, then the remembered choice, then the browser, then the first language', () => {
    expect(pickLanguage('?lang=zh', 'en', ['en-US'], LANGS)).toEqual({ language: 'zh', badParam: null });
    expect(pickLanguage('?lang=en', 'zh', ['zh-CN'], LANGS)).toEqual({ language: 'en', badParam: null });
    expect(pickLanguage('?T=1', 'zh', ['en-US'], LANGS).language).toBe('zh');
    expect(pickLanguage('', null, ['fr-FR', 'zh-CN'], LANGS).language).toBe('zh');
    expect(pickLanguage('', null, ['fr-FR'], LANGS).language).toBe('en');
  });

  it('reports an unknown link value and falls back to what it would have chosen without it', () => {
    expect(pickLanguage('?lang=fr', 'zh', [], LANGS)).toEqual({ language: 'zh', badParam: 'fr' });
    expect(pickLanguage('?lang=', null, [], LANGS)).toEqual({ language: 'en', badParam: '' });
    expect(pickLanguage('', 'klingon', [], LANGS)).toEqual({ language: 'en', badParam: null });
  });

  it('reads storage that throws as nothing remembered', () => {
    const broken: LanguageStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {},
    };
    expect(readStoredLanguage(broken)).toBeNull();
    expect(readStoredLanguage(null)).toBeNull();
    expect(readStoredLanguage(memoryStorage({ [LANG_STORAGE_KEY]: 'zh' }))).toBe('zh');
  });
});

describe('startLanguageSync', () => {
  it('writes the language into the link and storage at start and on every change, keeping other parameters', () => {
    const store = createStudioStore();
    store.getState().setLanguage('zh');
    const url = memoryUrl('?T=1&utm=talk');
    const storage = memoryStorage();
    const stop = startLanguageSync(store, url, storage);
    expect(new URLSearchParams(url.search).get('lang')).toBe('zh');
    expect(new URLSearchParams(url.search).get('utm')).toBe('talk');
    expect(storage.data.get(LANG_STORAGE_KEY)).toBe('zh');
    store.getState().setLanguage('en');
    expect(new URLSearchParams(url.search).get('lang')).toBe('en');
    expect(new URLSearchParams(url.search).get('T')).toBe('1');
    expect(storage.data.get(LANG_STORAGE_KEY)).toBe('en');
    const writes = url.writes;
    store.getState().selectUser(3);
    expect(url.writes).toBe(writes);
    stop();
    store.getState().setLanguage('zh');
    expect(new URLSearchParams(url.search).get('lang')).toBe('en');
  });
});
