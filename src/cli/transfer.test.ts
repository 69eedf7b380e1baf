import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateUData } from '../data/__fixtures__/movielensLike.ts';
import { captureIO } from '../test/captureIO.ts';
import { main } from './main.ts';

const capture = captureIO;

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
    const code = await main(['transfer', '--data', data, '--items', genres, '--domain-by', 'genre', '--target-value', 'Drama', '--epochs', '1', '--backend', 'cpu', '--json', json], io);
    expect(code, io.err).toBe(0);
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

  it('a cut on a dataset without years is a usage error, not a crash', async () => {
    const io = capture();
    expect(await main(['transfer', '--data', data, '--epochs', '1', '--backend', 'cpu'], io)).toBe(2);
    expect(io.err).toMatch(/needs --items/);
  });
});
