// Runs mutated inputs through a loader and classifies every outcome:
//   refused: an Error (not RangeError/TypeError/...) whose message names one
//            of the input's files, with no GPU buffer left behind (the
//            count is compared before and after each refused case);
//   loaded:  it loaded and its output is finite (the target checks that);
//   bad:     anything else: a RangeError, TypeError or other engine-internal
//            error, a message naming no file, non-finite output, a buffer
//            left on the GPU, or a case slower than the time limit.
// A synchronous infinite loop cannot be interrupted from the same thread; it
// would hang the run (and the test's timeout catches it); slow cases are
// reported by their measured time. "Slow" is judged on the process's CPU time
// (a runaway loop or allocation burns CPU), not on wall time alone, which a
// busy machine stretches (a case of 0.3 s once took 14 s of wall time while
// another process wrote 20 GB to disk); a wall time of 6x the limit is still bad.

import { cpuUsage } from "node:process";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { Random } from "./mutate.ts";

export interface FuzzCase {
  /** What the mutation did. */
  what: string;
  /** Loads the mutated input, checks its output, and frees everything it made. */
  run(): Promise<void>;
}

export interface FuzzTarget {
  name: string;
  /** File names an error message may name (basenames are enough). */
  files: readonly string[];
  /** The case for this seed (deterministic). */
  make(r: Random): Promise<FuzzCase>;
  /** Removes temporary files. */
  cleanup(): Promise<void>;
}

export interface FuzzReport {
  target: string;
  cases: number;
  refused: number;
  loaded: number;
  bad: { seed: number; what: string; why: string }[];
  /** Refusal messages by their first words, for a summary of what is caught. */
  reasons: Map<string, number>;
  ms: number;
}

/** Thrown by a target when its output is not finite. */
export class NonFiniteOutput extends Error {}

const INTERNAL = [RangeError, TypeError, ReferenceError, SyntaxError, EvalError, URIError];

function classifyError(e: unknown, files: readonly string[]): string | null {
  if (!(e instanceof Error)) return `threw a non-Error: ${String(e)}`;
  if (e instanceof NonFiniteOutput) return e.message;
  if (INTERNAL.some((c) => e.constructor === c)) return `${e.name}: ${e.message}`;
  if (!files.some((f) => e.message.includes(f))) return `names no file: ${e.message}`;
  return null;
}

/** `cases` cases with seeds seed, seed + 1, ...; never throws for a bad case (see report.bad). */
export async function runFuzz(
  target: FuzzTarget,
  gpu: Gpu | null,
  seed: number,
  cases: number,
  caseLimitMs = 10_000,
): Promise<FuzzReport> {
  const report: FuzzReport = {
    target: target.name,
    cases,
    refused: 0,
    loaded: 0,
    bad: [],
    reasons: new Map(),
    ms: 0,
  };
  const t0 = performance.now();
  for (let s = seed; s < seed + cases; s++) {
    const c = await target.make(new Random(s));
    const before = gpu?.liveBuffers;
    const start = performance.now(), cpuStart = cpuUsage();
    let why: string | null = null;
    let refused = false;
    try {
      await c.run();
    } catch (e) {
      why = classifyError(e, target.files);
      refused = why === null;
      if (refused) {
        const key = (e as Error).message.replace(/^.*?: /, "").split(/[\s:]/).slice(0, 5).join(" ");
        report.reasons.set(key, (report.reasons.get(key) ?? 0) + 1);
      }
    }
    const ms = performance.now() - start;
    const cpu = cpuUsage(cpuStart), cpuMs = (cpu.user + cpu.system) / 1000;
    const after = gpu?.liveBuffers;
    // After a refusal nothing may remain; after a load and dispose, the
    // Recorder's pools may have grown or shrunk by an entry, which is not a leak.
    if (refused && before && after && after.count !== before.count) {
      why = `${after.count - before.count} GPU buffers left behind`;
    }
    if (why === null && (cpuMs > caseLimitMs || ms > 6 * caseLimitMs)) {
      why = `took ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms of CPU)`;
    }
    if (why !== null) report.bad.push({ seed: s, what: c.what, why });
    else if (refused) report.refused++;
    else report.loaded++;
  }
  report.ms = performance.now() - t0;
  return report;
}

export function formatReport(r: FuzzReport): string {
  const lines = [
    `${r.target}: ${r.cases} cases in ${(r.ms / 1000).toFixed(1)} s: ${r.refused} refused, ` +
    `${r.loaded} loaded with finite output, ${r.bad.length} bad`,
  ];
  for (const b of r.bad.slice(0, 10)) lines.push(`  BAD seed ${b.seed} (${b.what}): ${b.why}`);
  return lines.join("\n");
}
