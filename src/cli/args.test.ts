import { describe, expect, it } from 'vitest';
import { intFlag, parseArgs } from './args.ts';
import { UsageError } from './command.ts';

describe('parseArgs', () => {
  const spec = { format: 'string', titles: 'string', verbose: 'boolean' } as const;

  it('reads positionals, --flag value, --flag=value and booleans', () => {
    expect(parseArgs(['u.data', '--format', 'udata', '--titles=u.item', '--verbose'], spec)).toEqual({
      positionals: ['u.data'],
      flags: { format: 'udata', titles: 'u.item', verbose: true },
    });
    expect(parseArgs(['--', '--format'], spec).positionals).toEqual(['--format']);
  });

  it('refuses unknown flags, missing values and values on booleans', () => {
    expect(() => parseArgs(['--nope'], spec)).toThrow(new UsageError('unknown flag --nope'));
    expect(() => parseArgs(['-x'], spec)).toThrow('unknown flag -x');
    expect(() => parseArgs(['--format'], spec)).toThrow('--format needs a value');
    expect(() => parseArgs(['--verbose=1'], spec)).toThrow('--verbose takes no value');
    expect(() => parseArgs(['--toString'], spec)).toThrow('unknown flag --toString');
  });

  it('reads whole-number flags within bounds', () => {
    const args = parseArgs(['--format', '1_000'], spec);
    expect(intFlag(args, 'format', 5)).toBe(1000);
    expect(intFlag(args, 'titles', 5)).toBe(5);
    expect(() => intFlag(args, 'format', 5, 1, 10)).toThrow('--format must be a whole number from 1 to 10, not 1_000');
  });
});
