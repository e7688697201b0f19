import { seriesColor } from "./palette";

export interface LineSeries {
  name: string;
  values: (number | null)[];
  /** A stable index for the series' colour (e.g. its purpose's creation order); its position otherwise. */
  colorIndex?: number;
}

/** Shown x labels counted back from the last one; "minor" ones (two in three) are hidden when narrow. */
function xTicks(count: number) {
  const every = Math.max(1, Math.ceil(count / 8));
  return Array.from({ length: count }, (_, i) => i).flatMap((i) => {
    const fromEnd = count - 1 - i;
    return fromEnd % every === 0 ? [{ i, minor: (fromEnd / every) % 3 !== 0 }] : [];
  });
}

/**
 * A line chart drawn on the server: the plot is an SVG stretched to the width (strokes and dots
 * keep their size), the axis labels are HTML so they stay readable and unclipped at any width.
 * An accessible image (title and summary) with a legend, and the same numbers as a table.
 */
export function LineChart({ id, title, summary, labels, series, max, format, tableLabel, columnLabel }: {
  id: string;
  title: string;
  summary: string;
  labels: string[];
  series: LineSeries[];
  max: number;
  format: (value: number) => string;
  tableLabel: string;
  columnLabel: string;
}) {
  // Plot coordinates are 0–100 both ways; the SVG is stretched to its box.
  const x = (i: number) => (labels.length > 1 ? (i / (labels.length - 1)) * 100 : 50);
  const y = (v: number) => 100 - (Math.min(v, max) / (max || 1)) * 100;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const color = (s: LineSeries, n: number) => seriesColor(s.colorIndex ?? n);
  return (
    <figure className="chart" data-testid={id}>
      <div className="line-plot">
        <div className="y-axis" aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick} style={{ top: `${y(tick)}%` }}>
              {format(tick)}
            </span>
          ))}
        </div>
        <div className="plot">
          <svg viewBox="0 0 100 100" preserveAspectRatio="none" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
            <title id={`${id}-title`}>{title}</title>
            <desc id={`${id}-desc`}>{summary}</desc>
            {ticks.map((tick) => (
              <line key={tick} x1={0} x2={100} y1={y(tick)} y2={y(tick)} stroke="#d0d5dd" vectorEffect="non-scaling-stroke" />
            ))}
            {series.map((s, n) => {
              const points = s.values.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`]));
              return (
                <g key={s.name}>
                  <polyline fill="none" stroke={color(s, n)} strokeWidth="2" vectorEffect="non-scaling-stroke" points={points.join(" ")} />
                  {s.values.map((v, i) =>
                    v === null ? null : (
                      // A zero-length line with round caps: a dot that stays round however the plot is stretched.
                      <path key={i} d={`M${x(i)} ${y(v)}h0`} stroke={color(s, n)} strokeWidth="7" strokeLinecap="round" vectorEffect="non-scaling-stroke">
                        <title>{`${s.name}, ${labels[i]}: ${format(v)}`}</title>
                      </path>
                    ),
                  )}
                </g>
              );
            })}
          </svg>
        </div>
        <div className="x-axis" aria-hidden="true">
          {xTicks(labels.length).map(({ i, minor }) => (
            <span key={i} className={[minor ? "minor" : "", i === 0 ? "first" : "", i === labels.length - 1 && i > 0 ? "last" : ""].join(" ").trim() || undefined} style={{ left: `${x(i)}%` }}>
              {labels[i]}
            </span>
          ))}
        </div>
      </div>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s, n) => (
            <li key={s.name}>
              <span className="swatch" style={{ background: color(s, n) }} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
        <details>
          <summary>{tableLabel}</summary>
          <div className="table-wrap" role="region" aria-label={tableLabel} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{columnLabel}</th>
                  {series.map((s) => (
                    <th key={s.name} scope="col">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {labels.map((label, i) => (
                  <tr key={label + i}>
                    <th scope="row">{label}</th>
                    {series.map((s) => (
                      <td key={s.name}>{s.values[i] === null ? "—" : format(s.values[i]!)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
