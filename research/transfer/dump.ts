/**
 * Dumps the studio's transfer splits (built-in goodbooks-2k, year cut 2000) for numpy experiments:
 * per seed and keep, the target train items per user, the val and test item per user; plus the
 * full source interactions and the source split (one source val item per user, as pretraining uses).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { loadData } from '../../src/cli/experiment.ts';
import { splitDomains, targetSplit, sourceSplit } from '../../src/transfer/domains.ts';
import { applyRule, yearColumn } from '../../src/transfer/rule.ts';

const out = 'research/transfer/data';
mkdirSync(out, { recursive: true });
const ds = await loadData();
const column = yearColumn(ds.itemKeys, ds.years!);
const d = splitDomains(ds.users, ds.items, ds.nUsers, applyRule({ kind: 'cut', cut: 2000 }, ds.itemKeys, column));
console.log('users', d.nUsers, 'source items', d.source.items.length, 'inter', d.source.users.length, 'target items', d.target.items.length, 'inter', d.target.users.length, 'shared', d.sharedUsers);
writeFileSync(`${out}/source.txt`, Array.from(d.source.users, (u, r) => `${u} ${d.source.itemIds[r]}`).join('\n') + '\n');
writeFileSync(`${out}/meta.json`, JSON.stringify({ nUsers: d.nUsers, nS: d.source.items.length, nT: d.target.items.length }));
for (const seed of [1, 2, 3]) {
  const ss = sourceSplit(d, seed);
  writeFileSync(`${out}/srcval_s${seed}.txt`, Array.from(ss.valItem).join('\n') + '\n');
  for (const keep of [0.05, 0.2, 0.5, 1]) {
    const t = targetSplit(d, keep, seed);
    const lines: string[] = [];
    for (let u = 0; u < t.nUsers; u++) for (let i = t.histOffsets[u]; i < t.histOffsets[u + 1]; i++) lines.push(`${u} ${t.histItems[i]}`);
    writeFileSync(`${out}/train_k${keep}_s${seed}.txt`, lines.join('\n') + '\n');
    writeFileSync(`${out}/heldout_s${seed}_k${keep}.txt`, Array.from(t.valItem, (v, u) => `${v} ${t.testItem[u]}`).join('\n') + '\n');
    console.log('seed', seed, 'keep', keep, 'train', t.histItems.length, 'evalUsers', t.evalUsers.length);
  }
}
