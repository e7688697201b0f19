import { chartPalette } from "./palette";

export interface LineSeries {
  name: string;
  values: (number | null)[];
}

const W = 640;
const H = 240;
const PAD = { left: 52, right: 16, top: 12, bottom: 36 };

/**
 * A line chart drawn on the server as SVG: an accessible image (title and summary) with a
 * legend, and the same numbers as a table for screen readers and exact reading.
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
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length > 1 ? (i / (labels.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => PAD.top + plotH - (Math.min(v, max) / (max || 1)) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <figure className="chart" data-testid={id}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#d0d5dd" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#4b5563">
              {format(tick)}
            </text>
          </g>
        ))}
        {labels.map((label, i) =>
          i % every === 0 || i === labels.length - 1 ? (
            <text key={label + i} x={x(i)} y={H - 12} textAnchor="middle" fontSize="11" fill="#4b5563">
              {label}
            </text>
          ) : null,
        )}
        {series.map((s, n) => {
          const color = chartPalette[n % chartPalette.length];
          const points = s.values.flatMap((v, i) => (v === null ? [] : [[x(i), y(v)] as const]));
          return (
            <g key={s.name}>
              <polyline fill="none" stroke={color} strokeWidth="2" points={points.map(([px, py]) => `${px},${py}`).join(" ")} />
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={color}>
                    <title>{`${s.name}, ${labels[i]}: ${format(v)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s, n) => (
            <li key={s.name}>
              <span className="swatch" style={{ background: chartPalette[n % chartPalette.length] }} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
        <details>
          <summary>{tableLabel}</summary>
          <div className="table-wrap">
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
