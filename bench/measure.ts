import { performance } from 'node:perf_hooks';

/** Latency figures of one run. */
export interface Figures {
  count: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `task(i)` for i in 0..count-1 with at most `concurrency` in flight; returns throughput and latency percentiles. */
export async function measure(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await task(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count, seconds, perSecond: count / seconds, p50ms: percentile(latencies, 50), p99ms: percentile(latencies, 99) };
}

/** One aligned line of figures. */
export function line(name: string, f: Figures): string {
  return `${name.padEnd(34)} ${String(f.count).padStart(6)} in ${f.seconds.toFixed(2).padStart(6)} s  ${f.perSecond.toFixed(0).padStart(6)}/s  p50 ${f.p50ms.toFixed(2).padStart(7)} ms  p99 ${f.p99ms.toFixed(2).padStart(7)} ms`;
}
