/**
 * An item's name on screen: a title from the dataset is data, in the dataset's own language, so
 * it is marked translate="no" (browser translators leave it, and the language test knows it is
 * not a label); an untitled item ("Item {id}") and a made-up title read in the studio's language.
 */
import { useT } from './i18n/useT';
import { hasDataTitle, itemTitle, type ItemNames } from './itemTitle';

export function ItemName({ names, item }: { names: ItemNames; item: number }) {
  const t = useT();
  const text = itemTitle(names, item, t);
  return hasDataTitle(names, item) ? <span translate="no">{text}</span> : <>{text}</>;
}
