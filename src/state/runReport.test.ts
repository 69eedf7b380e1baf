import { describe, expect, it } from 'vitest';
import { sampleReport } from '../test/sampleReport';
import { DEFAULT_SETTINGS } from './defaults';
import { CSV_COLUMNS, decodeReport, encodeReport, reportCsv, reportFileStem } from './runReport';

describe('run report JSON', () => {
  it('round-trips, NaN losses included, and marks the result as imported', () => {
    const r = sampleReport();
    const d = decodeReport(encodeReport(r));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.report).toEqual({ ...r, imported: true });
    expect(Number.isNaN(d.report.rows[0].teacher)).toBe(true);
    expect(d.report.val[1].teacher).toBeNull();
  });

  it('drops fields that are not part of a report', () => {
    const raw = JSON.parse(encodeReport(sampleReport())) as Record<string, unknown>;
    raw.evil = '<script>';
    (raw.comparison as Record<string, unknown>).extra = 1;
    const d = decodeReport(JSON.stringify(raw));
    expect(d.ok && 'evil' in d.report).toBe(false);
    expect(d.ok && 'extra' in d.report.comparison).toBe(false);
  });

  it('refuses what is not a report, naming the problem', () => {
    expect(decodeReport('not json {')).toEqual({ ok: false, problem: { kind: 'json' } });
    expect(decodeReport('[1,2]')).toEqual({ ok: false, problem: { kind: 'field', path: 'report', expected: 'object' } });
    expect(decodeReport('{"format":"something-else"}')).toEqual({ ok: false, problem: { kind: 'format' } });
    expect(decodeReport(JSON.stringify({ ...sampleReport(), version: 7 }))).toEqual({ ok: false, problem: { kind: 'version', version: '7' } });
    const badVal = JSON.parse(encodeReport(sampleReport()));
    badVal.val[1].kd.ndcg = 'high';
    expect(decodeReport(JSON.stringify(badVal))).toEqual({ ok: false, problem: { kind: 'field', path: 'val[1].kd.ndcg', expected: 'number' } });
    const badT = JSON.parse(encodeReport(sampleReport()));
    delete badT.settings.train.distill.temperature;
    expect(decodeReport(JSON.stringify(badT))).toEqual({ ok: false, problem: { kind: 'field', path: 'settings.train.distill.temperature', expected: 'number' } });
    const noRows = { ...JSON.parse(encodeReport(sampleReport())), rows: {} };
    expect(decodeReport(JSON.stringify(noRows))).toEqual({ ok: false, problem: { kind: 'field', path: 'rows', expected: 'list' } });
    const badName = { ...JSON.parse(encodeReport(sampleReport())), name: 3 };
    expect(decodeReport(JSON.stringify(badName))).toEqual({ ok: false, problem: { kind: 'field', path: 'name', expected: 'text' } });
  });
});

/** A minimal RFC 4180 reader, to check the writer from the outside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') (f += '"'), i++;
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(f), (f = '');
    else if (c === '\r') continue;
    else if (c === '\n') row.push(f), rows.push(row), (row = []), (f = '');
    else f += c;
  }
  return rows;
}

describe('run report CSV', () => {
  it('has one value per line with the settings, every loss and validation point and the comparison', () => {
    const r = sampleReport();
    const rows = parseCsv(reportCsv(r));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((x) => x.length === CSV_COLUMNS.length)).toBe(true);
    const find = (section: string, model: string, measure: string, step = '') =>
      rows.filter((x) => x[0] === section && x[4] === model && x[5] === measure && (step === '' || x[1] === step));
    expect(find('config', '', 'T')[0][6]).toBe(String(DEFAULT_SETTINGS.train.distill.temperature));
    expect(find('loss', 'kdTotal', 'loss').map((x) => Number(x[6]))).toEqual([3.1, 3.0]);
    expect(find('loss', 'teacher', 'loss', '4')[0][6]).toBe(''); // NaN: empty cell
    expect(find('val', 'kd', 'ndcg', '40')[0].slice(1, 4)).toEqual(['40', '0', '1234.5']);
    expect(find('val', 'teacher', 'ndcg')).toHaveLength(1); // the null teacher point is left out
    expect(Number(find('test', 'kd', 'ndcg')[0][6])).toBe(0.123);
    expect(Number(find('test', 'teacher', 'params')[0][6])).toBe(453520);
    expect(Number(find('test', 'kd', 'top10OverlapWithTeacher')[0][6])).toBe(0.31);
    expect(rows.filter((x) => x[0] === 'loss')).toHaveLength(2 * 5);
  });

  it('quotes untrusted names and defuses spreadsheet formulas', () => {
    const rows = parseCsv(reportCsv(sampleReport({ name: '=HYPERLINK("x"), T=2' })));
    expect(rows.find((x) => x[5] === 'name')![6]).toBe('\'=HYPERLINK("x"), T=2');
  });

  it('makes a safe file name', () => {
    expect(reportFileStem(sampleReport({ name: 'soft T=0.5 / α=1 <b>' }))).toBe('run-soft_T=0.5_α=1_b_-2026-11-25T14_00_00');
  });
});
