/**
 * The transfer panel's domain rules on the loaded dataset: a year cut (datasets with years), a
 * list of source item ids (any dataset), or a second uploaded file as the target domain (the
 * loaded dataset is the source). Each gives the interactions and per-item domain the worker's
 * transfer-run takes and the counts the panel shows before a run, or the reason the rule cannot
 * apply, as a code the panel words from its message table.
 */
import type { Dataset } from '../data/types';
import { domainsBySourceIds, splitDomains, type DomainOf, type Domains } from '../transfer/domains';
import { applyRule, yearColumn } from '../transfer/rule';
import { domainsFromTwoFiles, TwoFileError, type TwoFileRefusal } from '../transfer/twoFiles';

/** The rule a person picked in the panel. */
export type { TransferRuleKind as DomainRuleKind } from '../settings/defaults';

/** The rule with what it needs: a cut year, the loaded id list, the parsed target file (null until given). */
export type PanelRule =
  | { kind: 'cut'; cut: number }
  | { kind: 'ids'; ids: ReadonlySet<string> | null }
  | { kind: 'file'; target: Dataset | null };

/** Why a rule cannot make two domains here. */
export type DomainWhy =
  | 'noYears'
  | 'emptyDomain'
  | 'noList'
  | 'noListedItem'
  | 'allListed'
  | 'noFile'
  | 'noSharedUsers'
  | Exclude<TwoFileRefusal, 'noSharedUsers'>;

/** Counts the panel shows: [items, interactions] per domain, users in both, item ids written in both files. */
export interface DomainCounts {
  source: [number, number];
  target: [number, number];
  shared: number;
  /** With a second file: item ids that appear in both files (kept as two items). */
  sameItemIds: number | null;
}

/** Two domains ready for a run: what the worker gets, and the counts. */
export interface DomainPlan {
  nUsers: number;
  users: Int32Array;
  items: Int32Array;
  domainOf: DomainOf;
  counts: DomainCounts;
}

function countsOf(d: Domains, sameItemIds: number | null): DomainCounts {
  return { source: [d.source.items.length, d.source.users.length], target: [d.target.items.length, d.target.users.length], shared: d.sharedUsers, sameItemIds };
}

/** The two domains of `ds` under `rule`, or why there are none. */
export function planDomains(ds: Dataset, rule: PanelRule): DomainPlan | { why: DomainWhy } {
  if (rule.kind === 'file') {
    if (!rule.target) return { why: 'noFile' };
    try {
      const t = domainsFromTwoFiles(ds, rule.target);
      return { nUsers: t.nUsers, users: t.users, items: t.items, domainOf: t.domainOf, counts: countsOf(t.domains, t.sameItemIds) };
    } catch (e) {
      if (e instanceof TwoFileError) return { why: e.why };
      throw e;
    }
  }
  let domainOf: DomainOf;
  if (rule.kind === 'cut') {
    if (!ds.years) return { why: 'noYears' };
    try {
      domainOf = applyRule({ kind: 'cut', cut: rule.cut }, ds.itemKeys, yearColumn(ds.itemKeys, ds.years));
    } catch {
      return { why: 'emptyDomain' };
    }
  } else {
    if (!rule.ids) return { why: 'noList' };
    domainOf = domainsBySourceIds(ds.itemKeys, rule.ids);
    const listed = domainOf.reduce((n, x) => n + (x === 0 ? 1 : 0), 0);
    if (listed === 0) return { why: 'noListedItem' };
    if (listed === domainOf.length) return { why: 'allListed' };
  }
  const d = splitDomains(ds.users, ds.items, ds.nUsers, domainOf);
  if (d.sharedUsers === 0) return { why: 'noSharedUsers' };
  return { nUsers: ds.nUsers, users: ds.users, items: ds.items, domainOf, counts: countsOf(d, null) };
}
