// Wall-clock timing: a few warm-up calls, then calls in sequence; samples
// from several blocks are pooled before nearest-rank percentiles are taken.
export type Timing = { p50: number; p95: number; runs: number };

export async function sample(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: at(50), p95: at(95), runs: sorted.length };
}

export async function measure(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<Timing> {
  return summarize(await sample(fn, runs, warmup));
}

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
