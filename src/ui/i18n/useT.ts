/**
 * Hooks that give panels words and numbers in the store's language. A language switch
 * re-renders every panel that uses them, and nothing else does.
 */
import { useCallback } from 'react';
import { uiSelectors } from '../../state/uiSlice';
import { useStudio } from '../../state/store';
import { numberFormat, type NumberFormat } from './format';
import type { DataText } from '../../data/messages';
import { isMessageKey, translate, translateData, type MessageKey, type MessageVars } from './translate';

/** A bound translate: `t('controls.play')`, `t('dataset.users', { count: '2,668' })`. */
export type TFunction = (key: MessageKey, vars?: MessageVars) => string;

/** The translate function for the current language. */
export function useT(): TFunction {
  const lang = useStudio(uiSelectors.language);
  return useCallback((key: MessageKey, vars?: MessageVars) => translate(lang, key, vars), [lang]);
}

/** Words for data/'s sentences (refusals, warnings) in the current language. */
export function useTData(): (text: DataText | string) => string {
  const lang = useStudio(uiSelectors.language);
  return useCallback((text: DataText | string) => translateData(lang, text), [lang]);
}

/** Intl number formatters for the current language. */
export function useFmt(): NumberFormat {
  return numberFormat(useStudio(uiSelectors.language));
}

/** Words for a key that arrives as a plain string (a worker's progress phase); the key itself if unknown. */
export function tLoose(t: TFunction, key: string, vars?: MessageVars): string {
  return isMessageKey(key) ? t(key, vars) : key;
}
