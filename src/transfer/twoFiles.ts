/**
 * Two domains from two ratings files with shared users: one file is the source domain, the other
 * the target. Users are matched by their id as written in the files; items are never matched: an
 * item id written in both files is two different items, one per domain (a "42" in a book file and
 * a "42" in a film file have nothing in common). The two files are merged into one set of
 * interactions (source items first, then target items) with a DomainOf, and splitDomains makes
 * the same Domains the one-dataset rules give, so transferRun does not know where they came from.
 * Pure TS.
 */
import type { Dataset } from '../data/types';
import { SOURCE, splitDomains, TARGET, type DomainOf, type Domains } from './domains';

/** What is read of each parsed file. */
export type Interactions = Pick<Dataset, 'nUsers' | 'nItems' | 'userKeys' | 'itemKeys' | 'users' | 'items'>;

/** Why two files cannot be the two domains. */
export type TwoFileRefusal = 'emptySource' | 'emptyTarget' | 'noSharedUsers';

/** The refusals in English (the CLI, tests); the studio words them from its message table. */
export const TWO_FILE_REFUSALS: Record<TwoFileRefusal, string> = {
  emptySource: 'the source file has no interactions, so there is nothing to pretrain on',
  emptyTarget: 'the target file has no interactions, so there is nothing to transfer to',
  noSharedUsers:
    'the two files share no user (users are matched by their id as written in the files), so nothing learned on the source can carry over to the target',
};

/** A refusal of two files, with its reason as a code for callers that word it themselves. */
export class TwoFileError extends Error {
  constructor(readonly why: TwoFileRefusal) {
    super(TWO_FILE_REFUSALS[why]);
    this.name = 'TwoFileError';
  }
}

export interface TwoFileDomains {
  domains: Domains;
  /** The merged interactions splitDomains read (what the studio sends to its worker). */
  nUsers: number;
  users: Int32Array;
  items: Int32Array;
  /** Per merged item: 0 for the source file's items (first), 1 for the target file's. */
  domainOf: DomainOf;
  /** Merged user id → the id as written (the source file's users first, in its order). */
  userKeys: string[];
  /** Item ids written in both files: each is kept as two items, one per domain. */
  sameItemIds: number;
}

/**
 * The source and target domains of two parsed ratings files.
 *
 * @throws TwoFileError when a file has no interactions or the files share no user
 * @example domainsFromTwoFiles(books, films).domains.sharedUsers // users with ratings in both files
 */
export function domainsFromTwoFiles(source: Interactions, target: Interactions): TwoFileDomains {
  if (source.users.length === 0) throw new TwoFileError('emptySource');
  if (target.users.length === 0) throw new TwoFileError('emptyTarget');
  // users: the source file's ids keep their dense numbers; target-only users come after them
  const userOf = new Map<string, number>();
  source.userKeys.forEach((k, u) => userOf.set(k, u));
  const targetUser = Int32Array.from(target.userKeys, (k) => {
    let u = userOf.get(k);
    if (u === undefined) userOf.set(k, (u = userOf.size));
    return u;
  });
  const nUsers = userOf.size;
  const nS = source.nItems;
  const users = new Int32Array(source.users.length + target.users.length);
  const items = new Int32Array(users.length);
  users.set(source.users);
  items.set(source.items);
  for (let r = 0; r < target.users.length; r++) {
    users[source.users.length + r] = targetUser[target.users[r]];
    items[source.users.length + r] = nS + target.items[r];
  }
  const domainOf: DomainOf = new Int8Array(nS + target.nItems).fill(TARGET, nS);
  domainOf.fill(SOURCE, 0, nS);
  const domains = splitDomains(users, items, nUsers, domainOf);
  if (domains.sharedUsers === 0) throw new TwoFileError('noSharedUsers');
  const sourceIds = new Set(source.itemKeys);
  const sameItemIds = target.itemKeys.reduce((n, k) => n + (sourceIds.has(k) ? 1 : 0), 0);
  return { domains, nUsers, users, items, domainOf, userKeys: [...userOf.keys()], sameItemIds };
}
