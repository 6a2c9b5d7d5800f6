// Main-thread long tasks of a demo page, for the tests' "no task over 200 ms"
// checks: the Long Tasks API (a PerformanceObserver installed before the
// page's scripts) gives each task's wall time, and a Chromium trace of the
// same span gives each task's thread (CPU) time beside it. On the shared
// 2-core test machine a task's wall time includes the time its thread waited
// for a core (SwiftShader's GPU-process threads and other processes compete):
// traces there showed 300+ ms tasks with under 10 ms of thread time, so the
// check is on what the page itself ran, and both numbers are printed.

import type { Page } from "puppeteer-core";

export interface LongTask {
  /** performance.now() at the start, ms. */
  start: number;
  /** Wall time (Long Tasks API), ms. */
  duration: number;
  attribution: string;
  /** Thread time of the trace task it was, ms; undefined if none matched. */
  threadMs?: number;
}

/** Installs the observer before any of the page's scripts (call before goto). */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const tasks: unknown[] = [];
    (globalThis as unknown as { __longTasks: unknown[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const a = (e as unknown as { attribution?: { containerType: string; name: string }[] })
          .attribution ?? [];
        tasks.push({
          start: e.startTime,
          duration: e.duration,
          attribution: a.map((x) => `${x.name}/${x.containerType}`).join(",") || e.name,
        });
      }
    }).observe({ type: "longtask", buffered: true });
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  /** Microseconds. */
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Runs `fn` while tracing; returns the long tasks the page saw meanwhile, each
 * with the thread time of the renderer main-thread trace tasks within its span
 * (when they cover at least 80% of it; else none), the clocks aligned through
 * a performance.mark the trace records too.
 */
export async function longTasksDuring(page: Page, fn: () => Promise<void>): Promise<LongTask[]> {
  await page.tracing.start({ categories: ["toplevel", "blink.user_timing"] });
  let trace: Uint8Array | undefined;
  let from = 0;
  try {
    from = await page.evaluate(() => performance.mark("loupe-trace-sync").startTime);
    await fn();
  } finally {
    trace = await page.tracing.stop();
  }
  const to: number = await page.evaluate(() => performance.now());
  const events = (JSON.parse(new TextDecoder().decode(trace!)) as { traceEvents: TraceEvent[] })
    .traceEvents;
  const sync = events.find((e) => e.name === "loupe-trace-sync");
  if (!sync) throw new Error("the trace has no loupe-trace-sync mark");
  const offset = sync.ts / 1000 - from;
  const main = new Set(
    events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // Top-level tasks of the renderer's main thread (a task nested in another is
  // dropped): posted tasks, and microtask checkpoints, which the trace records
  // beside them (a long chain of promise continuations is one such event).
  const runs: TraceEvent[] = [];
  for (
    const e of events.filter((e) =>
      e.ph === "X" && /RunTask$|PerformMicrotaskCheckpoint$/.test(e.name) &&
      main.has(`${e.pid}:${e.tid}`) && (e.dur ?? 0) > 0
    ).sort((x, y) => x.ts - y.ts)
  ) {
    const last = runs[runs.length - 1];
    if (!last || e.ts >= last.ts + last.dur!) runs.push(e);
  }
  const seen: LongTask[] = await page.evaluate(
    (a, b) =>
      (globalThis as unknown as { __longTasks: LongTask[] }).__longTasks
        .filter((t) => t.start + t.duration >= a && t.start <= b),
    from,
    to,
  );
  for (const t of seen) {
    // The trace tasks inside the long task's span (5 ms of slack for the
    // clocks), each counted by the share of its wall time that falls inside:
    // one task, or the pieces the trace split it into.
    const a = t.start + offset - 5, b = t.start + offset + t.duration + 5;
    let covered = 0, thread = 0;
    for (const r of runs) {
      const ra = r.ts / 1000, rb = ra + r.dur! / 1000;
      const inside = Math.min(b, rb) - Math.max(a, ra);
      if (inside <= 0) continue;
      covered += inside;
      thread += (r.tdur ?? 0) / 1000 * inside / (rb - ra);
    }
    if (covered >= 0.8 * t.duration) t.threadMs = thread;
  }
  return seen;
}

/** "N over 50 ms, longest X ms (wall ms / thread ms each)". */
export function describeLongTasks(tasks: LongTask[]): string {
  const each = tasks.map((t) =>
    `${t.duration.toFixed(0)}/${t.threadMs === undefined ? "?" : t.threadMs.toFixed(0)}`
  );
  return `${tasks.length} over 50 ms, longest ${
    Math.max(0, ...tasks.map((t) => t.duration)).toFixed(0)
  } ms wall` + (tasks.length ? ` (wall/thread ms: ${each.join(", ")})` : "");
}
