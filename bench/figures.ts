import { writeFileSync } from 'node:fs';

/** Benchmark figures: printed as `name: value unit` and saved to bench-results.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

export const figures: Figure[] = [];

export function record(name: string, value: number, unit: string, target?: string): void {
  const figure = { name, value: Number(value.toPrecision(4)), unit, target };
  figures.push(figure);
  console.log(`${name}: ${figure.value} ${unit}${target ? `   (target ${target})` : ''}`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of `runs` calls, in milliseconds. */
export async function timeMs(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export function saveFigures(path: string): void {
  writeFileSync(path, JSON.stringify({ generatedAt: new Date().toISOString(), figures }, null, 2));
}
