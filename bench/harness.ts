/**
 * A tiny benchmark harness: ratios against a baseline measured in the same process, because
 * these machines are noisy and absolute numbers drift between runs. Each bench file is a plain
 * script: `npx tsx --conditions=@warrant/source bench/<topic>.bench.ts`.
 * @module
 */
import { performance } from 'node:perf_hooks';

/** One measured function. */
export interface Measurement {
  readonly name: string;
  /** Median milliseconds per call over the samples. */
  readonly medianMs: number;
  /** Throughput in units per second (bytes, events, findings…) at the median. */
  readonly perSecond: number;
  readonly samples: number;
}

/** One timed call: wall time, the process's CPU time, and what the call returned. */
export interface TimedCall<A> {
  readonly ms: number;
  /** User + system time of all the process's threads (GC included), in milliseconds. */
  readonly cpu: number;
  readonly value: A;
}

/**
 * Times one synchronous call, wall and CPU. On a shared machine the CPU time is the steadier of
 * the two: other processes' load inflates wall time, not this process's CPU time.
 * @param fn - the work
 * @returns its times and its value
 */
export const timeOnce = <A>(fn: () => A): TimedCall<A> => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000, value };
};

/**
 * Measures `fn`, interleaving warm-up and samples; returns the median.
 * @param name - label
 * @param units - how many units (bytes, items) one call processes, for throughput
 * @param fn - the work; its return value is kept alive so it cannot be optimized away
 * @param options - minimum samples and minimum total time
 */
export const measure = async (
  name: string,
  units: number,
  fn: () => unknown,
  options: { samples?: number; warmup?: number } = {},
): Promise<Measurement> => {
  const samples = options.samples ?? 7;
  const warmup = options.warmup ?? 2;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    sink = await fn();
    times.push(performance.now() - t0);
  }
  void sink;
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] as number;
  return { name, medianMs, perSecond: (units / medianMs) * 1000, samples };
};

/**
 * Measures a baseline and a candidate alternately (ABAB…) so drift affects both equally.
 * @returns both measurements and candidate throughput as a fraction of the baseline's
 */
export const compare = async (
  units: number,
  baseline: { name: string; fn: () => unknown },
  candidate: { name: string; fn: () => unknown },
  rounds = 3,
): Promise<{ baseline: Measurement; candidate: Measurement; ratio: number }> => {
  const b: Measurement[] = [];
  const c: Measurement[] = [];
  for (let r = 0; r < rounds; r++) {
    b.push(
      await measure(baseline.name, units, baseline.fn, { samples: 3, warmup: r === 0 ? 1 : 0 }),
    );
    c.push(
      await measure(candidate.name, units, candidate.fn, { samples: 3, warmup: r === 0 ? 1 : 0 }),
    );
  }
  const best = (ms: Measurement[]): Measurement =>
    ms.reduce((x, y) => (y.medianMs < x.medianMs ? y : x));
  const bb = best(b);
  const cc = best(c);
  return { baseline: bb, candidate: cc, ratio: cc.perSecond / bb.perSecond };
};

/** Formats a row for bench/RESULTS.md. */
export const row = (
  target: string,
  r: { ratio: number; baseline: Measurement; candidate: Measurement },
  goal: string,
): string =>
  `| ${target} | ${fmt(r.candidate)} | ${fmt(r.baseline)} | ${(r.ratio * 100).toFixed(1)}% | ${goal} |`;

const fmt = (m: Measurement): string =>
  `${m.name}: ${m.medianMs.toFixed(1)} ms (${human(m.perSecond)}/s)`;

const human = (n: number): string =>
  n >= 1e9
    ? `${(n / 1e9).toFixed(2)} G`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(2)} M`
      : n >= 1e3
        ? `${(n / 1e3).toFixed(1)} k`
        : n.toFixed(0);

/** The machine line every RESULTS.md section starts with. */
export const machine = async (): Promise<string> => {
  const os = await import('node:os');
  return `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`;
};
