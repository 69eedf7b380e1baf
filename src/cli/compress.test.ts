import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateUData } from '../data/__fixtures__/movielensLike.ts';
import type { CliIO } from './command.ts';
import { main } from './main.ts';

function capture(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('cli compress', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-compress-'));
  const data = path.join(dir, 'u.data');
  writeFileSync(data, generateUData({ users: 60, items: 40, lines: 900, seed: 3 }));

  it('writes the JSON the issue names: fp32 / fp16 / int8 / prune / lowrank for the KD student, student and teacher', async () => {
    const io = capture();
    const json = path.join(dir, 'out.json');
    const code = await main(['compress', '--data', data, '--epochs', '1', '--teacher-epochs', '1', '--sparsities', '0,0.5', '--ranks', '1', '--backend', 'cpu', '--json', json], io);
    expect(code, io.err).toBe(0);
    expect(io.out).toMatch(/int8 \(per tensor\)/);
    const r = JSON.parse(readFileSync(json, 'utf8'));
    for (const m of [r, r.student, r.teacher]) {
      for (const k of ['fp32', 'fp16', 'int8', 'int8PerRow']) {
        expect(typeof m[k].bytes).toBe('number');
        expect(typeof m[k].ndcg10).toBe('number');
      }
      expect(m.prune.map((p: { sparsity: number }) => p.sparsity)).toEqual([0, 0.5]);
      expect(m.lowrank[0].rank).toBe(1);
      expect(m.fp16.bytes * 2).toBe(m.fp32.bytes);
    }
    expect(r.teacher.fp32.bytes).toBeGreaterThan(r.fp32.bytes);
  });

  it('rejects a sparsity of 1 with exit code 2', async () => {
    const io = capture();
    expect(await main(['compress', '--sparsities', '0.5,1'], io)).toBe(2);
    expect(io.err).toMatch(/--sparsities must be numbers from 0 to 0\.99, not 0\.5,1/);
  });
});
