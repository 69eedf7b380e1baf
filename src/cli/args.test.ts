import { describe, expect, it } from 'vitest';
import { choiceFlag, intFlag, numberFlag, numberListFlag, parseArgs, peekFlag } from './args.ts';
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

  it('reads numbers, number lists and words, each refused with a sentence naming the flag', () => {
    const args = parseArgs(['--format', '0.5', '--titles=0.25, 1,2'], spec);
    expect(numberFlag(args, 'format', 1, 0, 1)).toBe(0.5);
    expect(numberFlag(args, 'nothing', 0.3, 0, 1)).toBe(0.3);
    expect(() => numberFlag(args, 'format', 1, 0.6, 1)).toThrow(new UsageError('--format must be a number from 0.6 to 1, not 0.5'));
    expect(numberListFlag(args, 'titles', [9])).toEqual([0.25, 1, 2]);
    expect(() => numberFlag(parseArgs(['--format', 'x'], spec), 'format', 1)).toThrow(new UsageError('--format must be a number, not x'));
    expect(() => numberFlag(parseArgs(['--format', '-1'], spec), 'format', 1, 0)).toThrow(new UsageError('--format must be a number of at least 0, not -1'));
    expect(() => numberListFlag(parseArgs(['--titles', '0,-1'], spec), 'titles', [], 0)).toThrow(new UsageError('--titles must be numbers of at least 0, not 0,-1'));
    expect(numberListFlag(args, 'nothing', [9])).toEqual([9]);
    expect(() => numberListFlag(args, 'titles', [9], 0, 1)).toThrow(new UsageError('--titles must be numbers from 0 to 1, not 0.25, 1,2'));
    expect(() => numberListFlag(parseArgs(['--titles', '1,x'], spec), 'titles', [])).toThrow(new UsageError('--titles must be comma-separated numbers, not 1,x'));
    const words = ['auto', 'csv'] as const;
    expect(choiceFlag(parseArgs(['--format', 'csv'], spec), 'format', words)).toBe('csv');
    expect(choiceFlag(parseArgs([], spec), 'format', words)).toBeUndefined();
    expect(choiceFlag(parseArgs([], spec), 'format', words, 'auto')).toBe('auto');
    expect(() => choiceFlag(parseArgs(['--format', 'xml'], spec), 'format', words)).toThrow(new UsageError('--format must be one of auto, csv, not xml'));
  });

  it('peeks at one flag before the full parse, in both forms, never past --', () => {
    expect(peekFlag(['--data', 'x', '--task', 'rating'], 'task')).toBe('rating');
    expect(peekFlag(['--task=rating', '--alpha', '1'], 'task')).toBe('rating');
    expect(peekFlag(['--alpha', '1'], 'task')).toBeUndefined();
    expect(peekFlag(['--', '--task', 'rating'], 'task')).toBeUndefined();
  });
});
