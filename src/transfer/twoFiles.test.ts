import { describe, expect, it } from 'vitest';
import { buildDataset } from '../data/dataset';
import { parseRatings } from '../data/ratings';
import type { Dataset } from '../data/types';
import { domainsByCut, splitDomains, targetSplit } from './domains';
import { domainsFromTwoFiles, TwoFileError } from './twoFiles';

const parse = (text: string, name: string): Dataset => buildDataset(parseRatings(text), null, name, 'upload');

// users a, b, c rate books; b, c, d rate films; item id "1" is written in both files
const books = parse('user,item,rating\na,1,5\na,2,4\nb,1,3\nb,3,2\nc,2,5\n', 'books.csv');
const films = parse('user,item,rating\nb,1,4\nb,9,3\nc,9,5\nd,8,1\nd,1,2\nc,7,4\n', 'films.csv');

describe('domains from two files', () => {
  it('counts items and interactions per file, matches users by id, keeps same item ids apart', () => {
    const t = domainsFromTwoFiles(books, films);
    const d = t.domains;
    expect([d.source.items.length, d.source.users.length]).toEqual([3, 5]);
    // item "1" of films is its own target item, not the book "1"
    expect([d.target.items.length, d.target.users.length]).toEqual([4, 6]);
    expect(t.sameItemIds).toBe(1);
    // b and c rate in both files; a only books, d only films
    expect(d.sharedUsers).toBe(2);
    expect(t.nUsers).toBe(4);
    expect(t.userKeys).toEqual(['a', 'b', 'c', 'd']);
    // a user is the same dense user in both domains
    const film = (r: number) => t.userKeys[d.target.users[r]];
    expect(Array.from(d.target.users, (_, r) => film(r))).toEqual(['b', 'b', 'c', 'd', 'd', 'c']);
    expect(Array.from(d.source.users, (u) => t.userKeys[u])).toEqual(['a', 'a', 'b', 'b', 'c']);
    // the book "1" and the film "1" get different domain item ids of different domains
    expect(d.source.itemIds[0]).toBe(0);
    expect(d.target.itemIds[0]).toBe(0);
    expect(d.target.itemIds[4]).toBe(0); // d rated film "1": the same target item as b's film "1"
  });

  it('gives what splitDomains gives on the merged interactions, so the target split works as for one dataset', () => {
    const t = domainsFromTwoFiles(books, films);
    const again = splitDomains(t.users, t.items, t.nUsers, domainsByCut(Array.from(t.domainOf), 1));
    expect(again).toEqual(t.domains);
    const split = targetSplit(t.domains, 1, 1);
    expect(split.nItems).toBe(4);
    // users with ≥ 3 target interactions are evaluated: none here (b 2, c 2, d 2)
    expect(split.evalUsers.length).toBe(0);
  });

  it('refuses, with a sentence, files that share no user or have no interactions', () => {
    const strangers = parse('user,item\nx,1\ny,2\n', 'other.csv');
    expect(() => domainsFromTwoFiles(books, strangers)).toThrow(TwoFileError);
    expect(() => domainsFromTwoFiles(books, strangers)).toThrow('the two files share no user (users are matched by their id as written in the files)');
    const empty: Dataset = { ...books, nUsers: 0, nItems: 0, userKeys: [], itemKeys: [], users: new Int32Array(0), items: new Int32Array(0) };
    expect(() => domainsFromTwoFiles(empty, films)).toThrow('the source file has no interactions');
    expect(() => domainsFromTwoFiles(books, empty)).toThrow('the target file has no interactions');
    try {
      domainsFromTwoFiles(books, strangers);
    } catch (e) {
      expect((e as TwoFileError).why).toBe('noSharedUsers');
    }
  });
});
