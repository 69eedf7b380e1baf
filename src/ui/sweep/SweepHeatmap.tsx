/**
 * The sweep's heatmap: a table (rows T, columns α) whose cells print validation NDCG@10 and are
 * coloured by their distance from the student-alone baseline — green above it, orange below, the
 * stronger the farther — so "a flat teacher hurts here" reads at a glance on a projector. The best
 * cell is marked. A table, not a chart: every value stays readable and reachable by a screen reader.
 */
import { bestCell } from '../../state/sweepSlice';
import type { SweepRequest } from '../../train/protocol';
import { COLORS } from '../colors';
import { useFmt, useT } from '../i18n/useT';

/** `#rrggbb` at opacity `a` (0..1), as an rgb() colour. */
function tint(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${Math.round(a * 100)}%)`;
}

/** Background of a cell: the sign of (value − baseline) picks the hue, its size the strength. */
export function cellColor(value: number, baseline: number | null, span: number): { background: string; dark: boolean } {
  if (baseline === null || span <= 0) return { background: tint(COLORS.kd, 0.15), dark: false };
  const d = (value - baseline) / span;
  const a = 0.12 + 0.73 * Math.min(1, Math.abs(d));
  return { background: tint(d >= 0 ? COLORS.kd : COLORS.student, a), dark: a > 0.55 };
}

export function SweepHeatmap({ request, grid, baseline }: { request: SweepRequest; grid: readonly (readonly (number | null)[])[]; baseline: number | null }) {
  const t = useT();
  const f = useFmt();
  const best = bestCell(grid);
  const values = grid.flat().filter((v): v is number => v !== null);
  const span = baseline === null ? 0 : Math.max(1e-9, ...values.map((v) => Math.abs(v - baseline)));
  return (
    <div className="sweep-heatmap">
      <table className="heatmap" data-testid="sweep-heatmap">
        <caption>{t('sweep.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sweep.corner')}</th>
            {request.alphas.map((a) => (
              <th key={a} scope="col">
                {t('sweep.alphaHead', { alpha: f.sig(a, 3) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {request.temperatures.map((T, ti) => (
            <tr key={T}>
              <th scope="row">{t('sweep.tHead', { t: f.sig(T, 3) })}</th>
              {request.alphas.map((a, ai) => {
                const v = grid[ti]?.[ai] ?? null;
                const isBest = best !== null && best.ti === ti && best.ai === ai;
                const c = v === null ? null : cellColor(v, baseline, span);
                return (
                  <td
                    key={a}
                    className={`${isBest ? 'best' : ''} ${c?.dark ? 'dark' : ''}`}
                    style={c ? { background: c.background } : undefined}
                    title={isBest ? t('sweep.best') : undefined}
                  >
                    {v === null ? '…' : f.dec(v, 4)}
                    {isBest && <span className="best-mark"> ★</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sweep-baseline">
        <span>{t('sweep.baseline')}</span> <strong data-testid="sweep-baseline">{baseline === null ? '…' : f.dec(baseline, 4)}</strong>
        {best && (
          <span className="sweep-best">
            {' · '}
            {t('sweep.bestCell', { t: f.sig(request.temperatures[best.ti], 3), alpha: f.sig(request.alphas[best.ai], 3), ndcg: f.dec(best.ndcg, 4) })}
          </span>
        )}
      </p>
      <p className="hint">{t('sweep.legend')}</p>
    </div>
  );
}
