/**
 * An item's display name: its title when the dataset has one, else its id as written in the file.
 * Always plain text for React text children; titles are never parsed as HTML. Titles data/ made
 * up (the synthetic demo's "Cluster 2 · item 5") read in the studio's language.
 */
import { useMemo } from 'react';
import { datasetSelectors } from '../state/datasetSlice';
import { useStudio } from '../state/store';
import { uiSelectors } from '../state/uiSlice';
import { translateData } from './i18n/translate';
import type { TFunction } from './i18n/useT';

/** Titles and ids of a dataset, as the store holds them. */
export interface ItemNames {
  titles: readonly (string | null)[] | null;
  itemKeys: readonly string[];
  /** Made-up titles in the current language (synthetic demo), or null when titles are data. */
  madeUp: readonly string[] | null;
}

/** Title of dense item `i`, or "Item {id}". */
export function itemTitle(names: ItemNames, i: number, t: TFunction): string {
  const title = names.madeUp?.[i] ?? names.titles?.[i];
  return title ?? t('item.untitled', { id: names.itemKeys[i] ?? String(i) });
}

/** True when item `i`'s name is the dataset's own title (data, in the dataset's language). */
export function hasDataTitle(names: ItemNames, i: number): boolean {
  return names.madeUp === null && names.titles?.[i] != null;
}

/** The current dataset's titles and ids, stable between renders while the dataset and language stay. */
export function useItemNames(): ItemNames {
  const titles = useStudio(datasetSelectors.titles);
  const itemKeys = useStudio(datasetSelectors.itemKeys);
  const titleTexts = useStudio((s) => s.dataset.current?.dataset.titleTexts ?? null);
  const lang = useStudio(uiSelectors.language);
  return useMemo(
    () => ({ titles, itemKeys, madeUp: titleTexts && titleTexts.map((x) => translateData(lang, x)) }),
    [titles, itemKeys, titleTexts, lang],
  );
}
