import { chartPalette } from "./palette";

export interface Bar {
  label: string;
  value: number;
  /** Shown beside the bar instead of the formatted value, e.g. "3 of 4". */
  note?: string;
}

const W = 640;
const ROW = 30;
const LABEL_W = 170;
const VALUE_W = 90;

/** A horizontal bar chart drawn on the server as SVG, with its numbers as a table too. */
export function BarChart({ id, title, summary, bars, max, format, tableLabel, columnLabel, valueLabel }: {
  id: string;
  title: string;
  summary: string;
  bars: Bar[];
  max?: number;
  format: (value: number) => string;
  tableLabel: string;
  columnLabel: string;
  valueLabel: string;
}) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const plotW = W - LABEL_W - VALUE_W;
  const H = bars.length * ROW + 8;
  return (
    <figure className="chart" data-testid={id}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {bars.map((bar, i) => {
          const y = 4 + i * ROW;
          const width = (bar.value / top) * plotW;
          return (
            <g key={bar.label}>
              <text x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="12" fill="#1b1f24">
                {bar.label}
              </text>
              <rect x={LABEL_W} y={y + 4} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={ROW - 10} rx="3" fill={chartPalette[0]}>
                <title>{`${bar.label}: ${bar.note ?? format(bar.value)}`}</title>
              </rect>
              <text x={LABEL_W + width + 6} y={y + ROW / 2 + 4} fontSize="12" fill="#1b1f24">
                {bar.note ?? format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{tableLabel}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{columnLabel}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{bar.note ?? format(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
