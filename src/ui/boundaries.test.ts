/**
 * Import boundaries of the page bundle (STYLE.md §2): nothing reachable from ui/ or state/ may
 * import @tensorflow/* (the training worker owns tf.js), and titles never go through
 * dangerouslySetInnerHTML. Follows relative imports transitively; `import type` lines are
 * erased at build time and skipped.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** Value imports of a file: module specifiers, without `import type` and `export type`. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?from\s+)?['"]([^'"]+)['"]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!m[2]) out.push(m[4]);
  // new URL('./worker.ts', import.meta.url) starts a separate bundle (a worker): not followed
  return out;
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (/\.tsx?$/.test(c) && existsSync(c)) return c;
  return null;
}

/** The chain of imports from `entry` to a @tensorflow package, or null. */
function tfChain(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const spec of valueImports(file)) {
      if (spec.startsWith('@tensorflow/')) return [...chain, path.relative(SRC, file), spec];
      const next = resolve(file, spec);
      const found = next && walk(next, [...chain, path.relative(SRC, file)]);
      if (found) return found;
    }
    return null;
  };
  return walk(entry, []);
}

describe('page bundle boundaries', () => {
  const entries = [...files(path.join(SRC, 'ui')), ...files(path.join(SRC, 'state')), path.join(SRC, 'main.tsx')];

  it('no file in ui/ or state/ reaches @tensorflow/* through value imports', () => {
    for (const f of entries) expect(tfChain(f), path.relative(SRC, f)).toBeNull();
  });

  it('ui/ never renders HTML from strings', () => {
    for (const f of files(path.join(SRC, 'ui'))) expect(readFileSync(f, 'utf8'), f).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
  });

  it('the check itself finds a chain where one exists', () => {
    expect(tfChain(path.join(SRC, 'train', 'validate.ts'))).not.toBeNull();
  });
});
