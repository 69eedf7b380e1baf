import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateUData } from '../data/__fixtures__/movielensLike.ts';
import { captureIO } from '../test/captureIO.ts';
import { main } from './main.ts';

const capture = captureIO;

// every file the commands read, by path: the --items file is read once (the dataset's titles and the rule's column)
const reads = vi.hoisted(() => [] as string[]);
vi.mock('./files.ts', async (importOriginal) => {
  const files = await importOriginal<typeof import('./files.ts')>();
  return { ...files, readInput: (p: string) => (reads.push(p), files.readInput(p)) };
});

describe('cli transfer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-transfer-'));
  const data = path.join(dir, 'u.data');
  writeFileSync(data, generateUData({ users: 60, items: 40, lines: 900, seed: 3 }));
  const ids = [...new Set(readFileSync(data, 'utf8').trim().split('\n').map((l) => l.split('\t')[1]))];
  const genres = path.join(dir, 'items.csv');
  writeFileSync(genres, 'item_id,title,genre\n' + ids.map((id, k) => `${id},Item ${id},${k % 3 === 0 ? 'Drama' : 'Comedy|Crime'}`).join('\n') + '\n');
  const sourceList = path.join(dir, 'source.txt');
  writeFileSync(sourceList, ids.slice(0, 20).join('\n'));

  it('--domain-by a label column writes every mode with ndcg10 and hr10, and the target counts', async () => {
    const io = capture();
    const json = path.join(dir, 'out.json');
    reads.length = 0;
    const code = await main(['transfer', '--data', data, '--items', genres, '--domain-by', 'genre', '--target-value', 'Drama', '--epochs', '1', '--backend', 'cpu', '--json', json], io);
    expect(code, io.err).toBe(0);
    expect(reads).toEqual([genres, data]);
    const r = JSON.parse(readFileSync(json, 'utf8'));
    for (const m of ['scratch', 'frozen', 'finetune', 'joint', 'popularity', 'crossKd']) {
      expect(typeof r[m].ndcg10, m).toBe('number');
      expect(typeof r[m].hr10, m).toBe('number');
    }
    expect(r.target.items).toBe(ids.filter((_, k) => k % 3 === 0).length);
    expect(r.target.trainInteractions).toBeGreaterThan(0);
    expect(r.target.testUsers).toBeGreaterThan(0);
  });

  it('--source-items and a keep curve', async () => {
    const io = capture();
    const code = await main(['transfer', '--data', data, '--source-items', sourceList, '--keeps', '0.5,1', '--epochs', '1', '--backend', 'cpu'], io);
    expect(code, io.err).toBe(0);
    expect(io.err).toMatch(/source 20 items/);
    expect(io.out).toMatch(/keep curve/);
  });

  it('a bad flag value is a usage error (exit 2, with the usage) before any file is read', async () => {
    const bad: [string[], RegExp][] = [
      [['--keeps', '0.5,x'], /--keeps must be comma-separated numbers, not 0\.5,x/],
      [['--keep', '0'], /--keep must be a number from 0\.01 to 1, not 0/],
      [['--keeps', '0.2,0'], /--keeps must be numbers from 0\.01 to 1, not 0\.2,0/],
      [['--keep', '1.5'], /--keep must be a number from 0\.01 to 1, not 1\.5/],
      [['--cut', 'soon'], /--cut must be a number from -1000000000 to 1000000000, not soon/],
      [['--lr', '2'], /--lr must be a number from 0\.000001 to 1, not 2/],
      [['--l2s', '0,-1'], /--l2s must be numbers from 0 to 1, not 0,-1/],
      [['--seed', '1.5'], /--seed must be a whole number/],
      [['--backend', 'wsam'], /--backend must be one of webgpu, webgl, wasm, cpu, not wsam/],
    ];
    for (const [flags, message] of bad) {
      const io = capture();
      reads.length = 0;
      expect(await main(['transfer', '--data', data, ...flags], io), flags.join(' ')).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err).toMatch(/usage: npm run cli -- transfer/);
      expect(reads).toEqual([]);
    }
  });

  it('a cut on a dataset without years is a usage error, not a crash', async () => {
    const io = capture();
    expect(await main(['transfer', '--data', data, '--epochs', '1', '--backend', 'cpu'], io)).toBe(2);
    expect(io.err).toMatch(/needs --items/);
  });

  it('--source-data and --target-data: two files are the domains, users matched by id, bad lines named', async () => {
    const src = path.join(dir, 'books.data');
    writeFileSync(src, generateUData({ users: 50, items: 30, lines: 700, seed: 4 }));
    // users 11..60 of the target: 40 shared with the source's 1..50; one bad line at line 5
    const tgtLines = generateUData({ users: 50, items: 25, lines: 600, seed: 5 }).trim().split('\n').map((l) => l.replace(/^(\d+)/, (u) => String(Number(u) + 10)));
    tgtLines.splice(4, 0, '12\t3\tfive\t881250949');
    const tgt = path.join(dir, 'films.data');
    writeFileSync(tgt, tgtLines.join('\n') + '\n');
    const io = capture();
    const json = path.join(dir, 'two.json');
    const code = await main(['transfer', '--source-data', src, '--target-data', tgt, '--keep', '1', '--epochs', '1', '--backend', 'cpu', '--json', json], io);
    expect(code, io.err).toBe(0);
    expect(io.err).toMatch(/films\.data: Skipped 1 bad line of 601: line 5\./);
    expect(io.err).toMatch(/source 30 items \/ 700 interactions, target 25 items \/ 600 interactions, 40 users in both/);
    expect(io.err).toMatch(/25 item ids are in both files, kept as different items, one per domain/);
    const r = JSON.parse(readFileSync(json, 'utf8'));
    expect(r.source).toEqual({ items: 30, interactions: 700 });
    expect(r.sharedUsers).toBe(40);
    expect(r.target.items).toBe(25);
    expect(r.files.target.skippedLines).toEqual([5]);
    expect(r.files.source.skippedLines).toEqual([]);
    for (const m of ['scratch', 'frozen', 'finetune', 'joint', 'popularity', 'crossKd']) expect(typeof r[m].ndcg10, m).toBe('number');
  });

  it('two files without a shared user, or one file alone, are refused with a sentence', async () => {
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    writeFileSync(a, 'user,item\nx,1\nx,2\ny,1\n');
    writeFileSync(b, 'user,item\nz,1\nz,2\n');
    const io = capture();
    expect(await main(['transfer', '--source-data', a, '--target-data', b, '--backend', 'cpu'], io)).toBe(1);
    expect(io.err).toMatch(/^transfer: the two files share no user \(users are matched by their id as written in the files\)/m);
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const io2 = capture();
    expect(await main(['transfer', '--source-data', a, '--target-data', empty, '--backend', 'cpu'], io2)).toBe(1);
    expect(io2.err).toMatch(/^transfer: empty\.csv: The file is empty/m);
    const io3 = capture();
    expect(await main(['transfer', '--source-data', a, '--backend', 'cpu'], io3)).toBe(2);
    expect(io3.err).toMatch(/--source-data and --target-data go together/);
    const io4 = capture();
    expect(await main(['transfer', '--source-data', a, '--target-data', b, '--cut', '1990'], io4)).toBe(2);
    expect(io4.err).toMatch(/--cut does not go with/);
  });
});
