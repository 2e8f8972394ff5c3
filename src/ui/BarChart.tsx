import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface BarChartProps {
  title: string;
  labels: readonly string[];
  values: readonly number[];
  /** Bars inside [from, to] (indices) are drawn darker. */
  highlight?: [number, number];
  /** Bars with no data (not zero): left out, and said so to screen readers. */
  gaps?: readonly boolean[];
  /** Dragging across bars selects an index range. */
  onBrush?: (from: number, to: number) => void;
  width: number;
  height: number;
}

const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
const exact = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const STRONG = '#e31a1c';
const FAINT = '#fcbba1';

/** Bars on uPlot; the accessible name carries the figures for screen readers. */
export function BarChart({ title, labels, values, highlight, gaps, onBrush, width, height }: BarChartProps) {
  const target = useRef<HTMLDivElement>(null);
  const brush = useRef(onBrush);
  useEffect(() => {
    brush.current = onBrush;
  }, [onBrush]);

  useEffect(() => {
    if (!target.current || values.length === 0) return;
    const xs = values.map((_, i) => i);
    const inside = (i: number) => !highlight || (i >= highlight[0] && i <= highlight[1]);
    const bars = uPlot.paths.bars!({ size: [0.8, 40] });
    const chart = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { drag: { x: Boolean(brush.current), y: false, setScale: false }, points: { show: false } },
        // Bars start at zero: a bar's length is its value.
        scales: { x: { time: false, range: [-0.5, values.length - 0.5] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } },
        axes: [
          {
            // One tick per bar, thinned to fit: indices, never fractions.
            splits: () => {
              const every = Math.max(1, Math.ceil((values.length * 56) / width));
              return xs.filter((i) => i % every === 0);
            },
            values: (_u, ticks) => ticks.map((t) => labels[t] ?? ''),
            size: 24,
            font: '11px system-ui',
            gap: 2,
          },
          { size: 44, font: '11px system-ui', space: 20, values: (_u, ticks) => ticks.map((t) => compact.format(t)) },
        ],
        series: [
          {},
          { label: 'in range', fill: STRONG, stroke: STRONG, paths: bars, points: { show: false } },
          { label: 'outside', fill: FAINT, stroke: FAINT, paths: bars, points: { show: false } },
        ],
        hooks: {
          setSelect: [
            (u) => {
              if (!brush.current || u.select.width < 2) return;
              const from = Math.max(0, Math.round(u.posToVal(u.select.left, 'x')));
              const to = Math.min(values.length - 1, Math.round(u.posToVal(u.select.left + u.select.width, 'x')));
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
              if (to >= from) brush.current(from, to);
            },
          ],
        },
      },
      [xs, values.map((v, i) => (inside(i) && !gaps?.[i] ? v : null)), values.map((v, i) => (inside(i) || gaps?.[i] ? null : v))],
      target.current,
    );
    return () => chart.destroy();
  }, [labels, values, highlight, gaps, width, height]);

  const summary = labels.map((label, i) => `${label}: ${gaps?.[i] ? 'no data' : values[i]}`).join(', ');
  return (
    <div>
      <div ref={target} className="bar-chart" role="img" aria-label={`${title}. ${summary}`} />
      <details className="chart-figures">
        <summary>Figures</summary>
        <table className="compact" tabIndex={0}>
          <caption className="visually-hidden">{title}</caption>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{gaps?.[i] ? 'no data' : exact.format(values[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
