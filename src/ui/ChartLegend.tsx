/**
 * A chart legend in plain HTML. Why not recharts' <Legend>: it measures itself after each render
 * and renders the chart a second time, which doubled the cost of every live update.
 */

/** One legend entry: the series' name and how its line or bar looks. */
export interface LegendEntry {
  name: string;
  color: string;
  /** SVG dash pattern of the line, when dashed. */
  dash?: string;
  /** Bars are shown as squares, lines as short strokes. */
  kind?: 'line' | 'bar';
}

export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="legend">
      {entries.map((e, i) => (
        // names can repeat (two runs with the same settings)
        <li key={`${i}:${e.name}`}>
          <svg width="22" height="12" aria-hidden="true">
            {e.kind === 'bar' ? (
              <rect x="5" y="0" width="12" height="12" fill={e.color} />
            ) : (
              <line x1="0" y1="6" x2="22" y2="6" stroke={e.color} strokeWidth="3" strokeDasharray={e.dash} />
            )}
          </svg>
          {e.name}
        </li>
      ))}
    </ul>
  );
}
