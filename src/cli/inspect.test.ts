import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUData, generateUItem } from '../data/__fixtures__/movielensLike.ts';
import { gzip, utf16, utf8 } from '../data/__fixtures__/bytes.ts';
import type { CliIO } from './command.ts';
import { inspectCommand, type InspectReport } from './commands/inspect.ts';
import { main } from './main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';

function capture(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ds-inspect-'));
  // MovieLens-100K-shaped, generated (never a real MovieLens file).
  await write('u.data', generateUData({ users: 943, items: 1682, lines: 100_000, seed: 100 }));
  await write('u.item', generateUItem(1682));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inspect', () => {
  it('reads a MovieLens-100K-shaped u.data and a Latin-1 u.item: 943 / 1,682 / 100,000', async () => {
    const io = capture();
    const code = await inspectCommand.run([join(dir, 'u.data'), '--titles', join(dir, 'u.item')], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(io.out) as InspectReport;
    expect(r).toMatchObject({
      format: 'udata',
      delimiter: '\t',
      hasHeader: false,
      columns: 'user 1, item 2, rating 3, timestamp 4',
      users: 943,
      items: 1682,
      interactions: 100_000,
      duplicatesDropped: 0,
      hasTimestamps: true,
      hasRatings: true,
      skippedLines: [],
      titles: 1682,
      titlesFormat: 'uitem',
      itemsWithoutTitle: 0,
    });
    expect(r.perUser.min).toBeGreaterThanOrEqual(20);
    expect(r.warnings).toEqual([
      'u.item is not valid UTF-8 (first at line 10), so it was read as Latin-1 (Windows-1252); check accented titles.',
    ]);
  });

  it('runs through npx tsx src/cli/main.ts as a process', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/main.ts', 'inspect', join(dir, 'u.data')], { cwd: ROOT });
    const r = JSON.parse(stdout) as InspectReport;
    expect([r.users, r.items, r.interactions]).toEqual([943, 1682, 100_000]);
    expect(r.titles).toBeUndefined();
  });

  it('prints a refusal with its line on stderr and exits 1 (also as a process)', async () => {
    const lines = generateUData({ users: 10, items: 10, lines: 50, seed: 1 }).split('\n');
    lines[41] = '3,4,5,881250949';
    const path = await write('mixed.tsv', lines.join('\n'));
    const io = capture();
    expect(await inspectCommand.run([path], io)).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toBe(
      'error: mixed.tsv: line 42: the delimiter changes here: this line is separated by commas, the lines before by tabs: "3,4,5,881250949". Save the file with one delimiter.\n',
    );
    const child = await promisify(execFile)('npx', ['tsx', 'src/cli/main.ts', 'inspect', path], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(child.code).toBe(1);
    expect(child.stderr).toBe(io.err);
  });

  it('reports skipped lines and warnings naming them', async () => {
    const lines = generateUData({ users: 20, items: 30, lines: 200, seed: 2 }).split('\n');
    lines[56] = lines[56] + '\t9';
    lines[99] = '';
    const path = await write('skips.data', lines.join('\r\n'));
    const io = capture();
    expect(await inspectCommand.run([path], io)).toBe(0);
    const r = JSON.parse(io.out) as InspectReport;
    expect(r.interactions).toBe(198);
    expect(r.skippedLines).toEqual([57]);
    expect(r.warnings[0]).toBe('Skipped 1 bad line of 199: line 57.');
    expect(r.warnings[1]).toMatch(/^line 57: expected 4 fields, found 5: "/);
  });

  it('accepts .gz, UTF-16 and a chosen format, header and columns', async () => {
    const csv = 'rating,movie,user\n5,m1,u1\n4,m2,u1\n3,m1,u2\n';
    const gzPath = await write('r.csv.gz', await gzip(utf8(csv)));
    const io = capture();
    expect(await inspectCommand.run([gzPath, '--format', 'csv'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ format: 'csv', users: 2, items: 2, columns: 'user 3, item 2, rating 1' });

    const u16 = await write('r16.csv', utf16('1;2;5\n3;4;1\n', 'le'));
    const io2 = capture();
    expect(await inspectCommand.run([u16, '--header', 'no', '--columns', 'item=1,user=2,rating=3'], io2)).toBe(0);
    expect(JSON.parse(io2.out)).toMatchObject({ format: 'semicolon', encoding: 'utf-16le', users: 2, columns: 'user 2, item 1, rating 3' });
  });

  it('says a missing file is missing, exit 1', async () => {
    const io = capture();
    expect(await inspectCommand.run([join(dir, 'nope.data')], io)).toBe(1);
    expect(io.err).toBe(`error: ${join(dir, 'nope.data')}: no such file.\n`);
  });
});

describe('main', () => {
  it('prints usage on stderr with exit 2 for no command, an unknown command or an unknown flag', async () => {
    let io = capture();
    expect(await main([], io)).toBe(2);
    expect(io.err).toMatch(/^usage: npm run cli -- <command> \[args\]/);
    expect(io.err).toContain('inspect');

    io = capture();
    expect(await main(['distil'], io)).toBe(2);
    expect(io.err).toMatch(/^unknown command: distil\n\nusage:/);

    io = capture();
    expect(await main(['inspect', 'u.data', '--formt', 'csv'], io)).toBe(2);
    expect(io.err).toMatch(/^inspect: unknown flag --formt\n\nusage: npm run cli -- inspect <ratings file>/);

    io = capture();
    expect(await main(['inspect', 'u.data', '--format', 'xml'], io)).toBe(2);
    expect(io.err).toMatch(/^inspect: --format must be one of auto, udata, dat, csv, tsv, semicolon, not xml/);

    io = capture();
    expect(await main(['inspect'], io)).toBe(2);
    expect(io.err).toMatch(/^inspect: inspect needs exactly one ratings file/);
  });

  it('shows help on stdout with exit 0', async () => {
    const io = capture();
    expect(await main(['inspect', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/^usage: npm run cli -- inspect/);
    const top = capture();
    expect(await main(['--help'], top)).toBe(0);
    expect(top.out).toContain('bench-parse');
  });
});
