import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesizeRatings, toUData } from '../data/synthRatings.ts';
import type { CliIO } from './command.ts';
import { main } from './main.ts';

function capture(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('cli distill --task rating and synth-ratings', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-rating-'));
  const data = path.join(dir, 'u.data');
  writeFileSync(data, toUData(synthesizeRatings({ users: 50, items: 60, ratings: 1200, seed: 3, minPerUser: 10 })));
  const fast = ['--teacher-epochs', '1', '--epochs', '1', '--hidden', '8', '--teacher-mf-dim', '2', '--student-l2', '0.1', '--alpha', '0.5', '--unrated', '0', '--backend', 'cpu'];

  it('writes {teacher, student, distilled} with rmse, mae and params', async () => {
    const io = capture();
    const json = path.join(dir, 'rating.json');
    expect(await main(['distill', '--task', 'rating', '--data', data, ...fast, '--json', json], io), io.err).toBe(0);
    expect(io.out).toMatch(/teacher vs student alone: RMSE [\d.]+ vs [\d.]+; student \+ KD [\d.]+/);
    const r = JSON.parse(readFileSync(json, 'utf8'));
    for (const m of ['teacher', 'student', 'distilled']) for (const k of ['rmse', 'mae', 'params', 'valRmse', 'bestEpoch']) expect(typeof r[m][k], `${m}.${k}`).toBe('number');
    expect(r.distilled.params).toBe(r.student.params);
    expect(r.teacher.params).toBeGreaterThan(r.student.params);
  });

  it('refuses a file without a rating column with a sentence saying why (exit 1)', async () => {
    const implicit = path.join(dir, 'implicit.csv');
    writeFileSync(implicit, 'user,item\n' + Array.from({ length: 200 }, (_, k) => `${k % 20},${(k * 7) % 30}`).join('\n') + '\n');
    const io = capture();
    expect(await main(['distill', '--task', 'rating', '--data', implicit, ...fast], io)).toBe(1);
    expect(io.err).toMatch(/no explicit ratings/);
  });

  it('synth-ratings writes a u.data file the parser reads back', async () => {
    const io = capture();
    const out = path.join(dir, 'synth.data');
    expect(await main(['synth-ratings', '--out', out, '--users', '30', '--items', '80', '--ratings', '900'], io), io.err).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(900);
    expect(await main(['distill', '--task', 'nope'], capture())).toBe(2);
  });
});
