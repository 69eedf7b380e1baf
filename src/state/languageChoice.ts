/**
 * Which language the studio speaks on open, and keeping that choice: the link's `?lang=` wins (a
 * workshop link carries it), then the choice remembered in this browser, then the browser's own
 * language, then English. A change is remembered (localStorage) and written into the link, so
 * copying the address keeps the language. The languages come from the caller: state/ may not
 * read ui/'s message tables.
 */
import type { StudioStore } from './store';
import type { UrlTarget } from './urlSync';

/** The URL parameter that selects a language. */
export const LANG_PARAM = 'lang';

/** localStorage key of the remembered choice. */
export const LANG_STORAGE_KEY = 'distillation-studio.language';

/** The part of `Storage` used here (a test passes a Map-backed double). */
export interface LanguageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The language picked on open, and the link's value when it named no language the studio has. */
export interface LanguagePick {
  language: string;
  /** `?lang=` value that was not usable (an unknown code), or null. */
  badParam: string | null;
}

/** `zh-CN` → `zh`, when the studio has `zh`; exact codes first. */
function match(code: string | null | undefined, languages: readonly string[]): string | null {
  if (!code) return null;
  if (languages.includes(code)) return code;
  const base = code.toLowerCase().split(/[-_]/)[0];
  return languages.find((l) => l === base) ?? null;
}

/**
 * Picks the language on open.
 *
 * @param search the page's query (`?lang=zh&T=1`)
 * @param stored the remembered choice, or null
 * @param preferred the browser's languages, most wanted first (navigator.languages)
 * @param languages the codes the studio has, the first being the fallback
 * @example pickLanguage('?lang=zh', 'en', ['en-US'], ['en', 'zh']) // → { language: 'zh', badParam: null }
 */
export function pickLanguage(search: string, stored: string | null, preferred: readonly string[], languages: readonly string[]): LanguagePick {
  const raw = new URLSearchParams(search).get(LANG_PARAM);
  const fromUrl = match(raw, languages);
  const fallback = match(stored, languages) ?? preferred.map((p) => match(p, languages)).find((l) => l !== null) ?? languages[0] ?? 'en';
  return { language: fromUrl ?? fallback, badParam: raw !== null && fromUrl === null ? raw : null };
}

/** Reads storage without throwing (storage can be disabled, or full). */
export function readStoredLanguage(storage: LanguageStorage | null): string | null {
  try {
    return storage?.getItem(LANG_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * Remembers the language and writes it into the link now and after every change; returns a
 * function that stops it. Other parameters of the link stay as they are.
 */
export function startLanguageSync(store: StudioStore, target: UrlTarget, storage: LanguageStorage | null): () => void {
  const write = (language: string) => {
    const q = new URLSearchParams(target.search);
    if (q.get(LANG_PARAM) !== language) {
      q.set(LANG_PARAM, language);
      target.replace(q.toString());
    }
    try {
      storage?.setItem(LANG_STORAGE_KEY, language);
    } catch {
      // private mode or full storage: the link still carries the choice
    }
  };
  write(store.getState().ui.language);
  return store.subscribe((s, prev) => {
    if (s.ui.language !== prev.ui.language) write(s.ui.language);
  });
}
