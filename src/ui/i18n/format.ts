/**
 * Number formatting for every panel, through Intl in the current language (thousands
 * separators, decimals), so "2,668" reads "2.668" in a German room without any panel knowing.
 */

/** Formatters bound to one language. */
export interface NumberFormat {
  /** Whole numbers with grouping: 201701 → "201,701". */
  int(n: number): string;
  /** Fixed decimals: dec(0.12345, 3) → "0.123". */
  dec(n: number, digits: number): string;
  /** Significant digits, for values spanning decades (T, learning rates, losses). */
  sig(n: number, digits?: number): string;
  /** A share as a percentage: pct(0.0378) → "3.78%". */
  pct(n: number, digits?: number): string;
  /** Bytes in B / kB / MB (decimal units). */
  bytes(n: number): string;
  /** Compact counts: 1234567 → "1.2M". */
  compact(n: number): string;
}

const cache = new Map<string, NumberFormat>();

/** Formatters for a language code; cached, so calling this per render is cheap. */
export function numberFormat(lang: string): NumberFormat {
  const hit = cache.get(lang);
  if (hit) return hit;
  const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(lang, o);
  const intF = nf({ maximumFractionDigits: 0 });
  const decF = new Map<number, Intl.NumberFormat>();
  const sigF = new Map<number, Intl.NumberFormat>();
  const pctF = new Map<number, Intl.NumberFormat>();
  const compactF = nf({ notation: 'compact', maximumFractionDigits: 1 });
  const get = (m: Map<number, Intl.NumberFormat>, k: number, make: () => Intl.NumberFormat) => {
    let f = m.get(k);
    if (!f) m.set(k, (f = make()));
    return f;
  };
  const dash = (n: number, f: () => string) => (Number.isFinite(n) ? f() : '—');
  const fmt: NumberFormat = {
    int: (n) => dash(n, () => intF.format(n)),
    dec: (n, d) => dash(n, () => get(decF, d, () => nf({ minimumFractionDigits: d, maximumFractionDigits: d })).format(n)),
    sig: (n, d = 3) => dash(n, () => get(sigF, d, () => nf({ maximumSignificantDigits: d })).format(n)),
    pct: (n, d = 2) => dash(n, () => get(pctF, d, () => nf({ style: 'percent', maximumFractionDigits: d })).format(n)),
    bytes: (n) =>
      dash(n, () => {
        if (n < 1000) return `${intF.format(n)} B`;
        if (n < 1e6) return `${get(sigF, 3, () => nf({ maximumSignificantDigits: 3 })).format(n / 1e3)} kB`;
        return `${get(sigF, 3, () => nf({ maximumSignificantDigits: 3 })).format(n / 1e6)} MB`;
      }),
    compact: (n) => dash(n, () => compactF.format(n)),
  };
  cache.set(lang, fmt);
  return fmt;
}
