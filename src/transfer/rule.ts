/**
 * Domain rules as a person states them: a cut on a numeric column (the built-in dataset's
 * publication year), a label that marks the target (a genre), or a list of source item ids.
 * Turns a rule and the per-item values into the DomainOf that splitDomains takes.
 */
import { domainsByCut, domainsByLabel, domainsBySourceIds, type DomainOf } from './domains';

export type DomainRule =
  | { kind: 'cut'; cut: number }
  | { kind: 'label'; target: string }
  | { kind: 'ids'; source: ReadonlySet<string> };

/** Default year cut on the built-in dataset: before 2000 is the source, 2000 and later the target. */
export const DEFAULT_CUT_YEAR = 2000;

/**
 * The domain of each item.
 * @param itemKeys the dataset's item ids as written
 * @param column per item id, the rule's column cells (year, genres …); unused by an id list
 * @throws Error with a sentence when the rule leaves a domain empty, or a cut meets a non-numeric column
 */
export function applyRule(rule: DomainRule, itemKeys: readonly string[], column: ReadonlyMap<string, readonly string[]> | null): DomainOf {
  let out: DomainOf;
  if (rule.kind === 'ids') out = domainsBySourceIds(itemKeys, rule.source);
  else {
    if (!column) throw new Error('this rule needs a column of item data (e.g. a year or genre column in the titles file)');
    if (rule.kind === 'cut') {
      const values = itemKeys.map((k) => {
        const c = column.get(k)?.[0];
        return c === undefined || c === '' ? NaN : Number(c);
      });
      if (values.every((v) => Number.isNaN(v))) throw new Error('the column has no numbers to cut at');
      if (values.some((v, i) => Number.isNaN(v) && (column.get(itemKeys[i])?.[0] ?? '') !== '')) throw new Error('the column is not numeric: name a target value instead of a cut');
      out = domainsByCut(values, rule.cut);
    } else out = domainsByLabel(itemKeys.map((k) => column.get(k) ?? null), rule.target);
  }
  const n = [0, 0];
  for (const d of out) if (d >= 0) n[d]++;
  if (n[0] === 0) throw new Error('the rule puts no item in the source domain');
  if (n[1] === 0) throw new Error('the rule puts no item in the target domain');
  return out;
}

/** The built-in dataset's rule input: years as a column map. */
export function yearColumn(itemKeys: readonly string[], years: Float64Array): Map<string, string[]> {
  const m = new Map<string, string[]>();
  itemKeys.forEach((k, i) => {
    if (!Number.isNaN(years[i])) m.set(k, [String(years[i])]);
  });
  return m;
}
