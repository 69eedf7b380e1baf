import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateUData } from '../data/__fixtures__/movielensLike.ts';
import { captureIO } from '../test/captureIO.ts';
import { main } from './main.ts';

const capture = captureIO;

describe('cli distill and sweep', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-distill-'));
  const data = path.join(dir, 'u.data');
  writeFileSync(data, generateUData({ users: 60, items: 40, lines: 900, seed: 3 }));

  it('distill trains three models on one split and writes the JSON the issue names', async () => {
    const io = capture();
    const json = path.join(dir, 'out.json');
    const code = await main(['distill', '--data', data, '--epochs', '1', '--kd-epochs', '1', '--teacher-epochs', '1', '--backend', 'cpu', '--json', json], io);
    expect(code, io.err).toBe(0);
    expect(io.out).toMatch(/teacher vs student alone: [+-][\d.]+% NDCG@10/);
    const r = JSON.parse(readFileSync(json, 'utf8'));
    for (const m of ['teacher', 'student', 'distilled']) {
      for (const k of ['ndcg10', 'hr10', 'mrr', 'params', 'bytes', 'trainSeconds', 'inferMsPer1000']) expect(typeof r[m][k], `${m}.${k}`).toBe('number');
    }
    expect(r.distilled.params).toBe(r.student.params);
    expect(r.teacher.params).toBeGreaterThan(r.student.params);
    expect(r.dataset.users).toBe(60);
  });

  it('sweep prints a T × α grid of validation NDCG@10', async () => {
    const io = capture();
    const code = await main(['sweep', '--data', data, '--temperature', '0.5,2', '--alpha', '1', '--epochs', '1', '--teacher-epochs', '1', '--backend', 'cpu'], io);
    expect(code, io.err).toBe(0);
    expect(io.out).toMatch(/T \\ α/);
    expect(io.out.split('\n').filter((l) => /^(0\.5|2)\s+\d\.\d{4}$/.test(l))).toHaveLength(2);
  });

  it('rejects a bad flag value with exit code 2', async () => {
    const io = capture();
    expect(await main(['distill', '--loss', 'nope'], io)).toBe(2);
    expect(io.err).toMatch(/--loss must be one of soft, mse, rank, hint/);
  });
});
