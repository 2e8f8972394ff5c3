import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface LineSeries {
  label: string;
  colour: string;
  xs: readonly number[];
  ys: readonly number[];
}

/** Several lines over a shared numeric x axis (uPlot), e.g. hit rate against area share. */
export function LineChart({ title, series, xLabel, yLabel, width, height }: { title: string; series: LineSeries[]; xLabel: string; yLabel: string; width: number; height: number }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!target.current || series.length === 0) return;
    const xs = [...new Set(series.flatMap((s) => s.xs))].sort((a, b) => a - b);
    const aligned = series.map((s) => {
      const at = new Map(s.xs.map((x, i) => [x, s.ys[i]]));
      let last: number | null = null;
      return xs.map((x) => (at.has(x) ? (last = at.get(x)!) : last));
    });
    const chart = new uPlot(
      {
        width,
        height,
        legend: { show: true, live: false },
        scales: { x: { time: false } },
        axes: [
          { label: xLabel, size: 36, labelSize: 14, font: '11px system-ui', labelFont: '11px system-ui' },
          { label: yLabel, size: 40, labelSize: 14, font: '11px system-ui', labelFont: '11px system-ui' },
        ],
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, points: { show: false } }))],
      },
      [xs, ...aligned],
      target.current,
    );
    return () => chart.destroy();
  }, [series, xLabel, yLabel, width, height]);
  return <div ref={target} role="img" aria-label={title} />;
}
