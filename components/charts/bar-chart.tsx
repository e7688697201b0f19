import { chartPalette } from "./palette";

export interface Bar {
  label: string;
  value: number;
  /** Shown beside the bar instead of the formatted value, e.g. "3 of 4". */
  note?: string;
}

/**
 * A horizontal bar chart drawn on the server: HTML rows (the labels wrap and keep their size at
 * any width; on a narrow screen each label sits above its bar) with a stretched SVG bar in each,
 * as one accessible image (title and summary), with its numbers as a table too.
 */
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
  return (
    <figure className="chart" data-testid={id}>
      <span id={`${id}-title`} hidden>
        {title}
      </span>
      <span id={`${id}-desc`} hidden>
        {summary}
      </span>
      <div className="bar-rows" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        {bars.map((bar) => {
          const width = (bar.value / top) * 100;
          return (
            <div key={bar.label} className="bar-row">
              <span className="bar-label">{bar.label}</span>
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect x="0" y="1" width={Math.max(width, bar.value > 0 ? 1 : 0)} height="8" fill={chartPalette[0]} />
              </svg>
              <span className="bar-value">{bar.note ?? format(bar.value)}</span>
            </div>
          );
        })}
      </div>
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
