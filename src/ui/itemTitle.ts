/**
 * An item's display name: its title when the dataset has one, else its id as written in the file.
 * Always plain text for React text children; titles are never parsed as HTML.
 */
import { useMemo } from 'react';
import { datasetSelectors } from '../state/datasetSlice';
import { useStudio } from '../state/store';
import type { TFunction } from './i18n/useT';

/** Titles and ids of a dataset, as the store holds them. */
export interface ItemNames {
  titles: readonly (string | null)[] | null;
  itemKeys: readonly string[];
}

/** Title of dense item `i`, or "Item {id}". */
export function itemTitle(names: ItemNames, i: number, t: TFunction): string {
  const title = names.titles?.[i];
  return title ?? t('item.untitled', { id: names.itemKeys[i] ?? String(i) });
}

/** The current dataset's titles and ids, stable between renders while the dataset stays. */
export function useItemNames(): ItemNames {
  const titles = useStudio(datasetSelectors.titles);
  const itemKeys = useStudio(datasetSelectors.itemKeys);
  return useMemo(() => ({ titles, itemKeys }), [titles, itemKeys]);
}
