// Watching a long Chromium run (bench/browser_fullsize.ts): resident memory
// of the process tree read from /proc (Linux: the browser process and every
// descendant, renderer, GPU process, utilities) and the page's JS heap, both
// sampled for their peaks; the tree's niceness; polling the page for a
// condition with progress lines.

/// <reference lib="dom" />

import type { CDPSession, Page } from "puppeteer-core";

/** One process of the tree: its pid, Chromium's --type= (or "browser") and resident bytes. */
export interface ChromiumProc {
  pid: number;
  type: string;
  rss: number;
}

function readText(path: string): string | null {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return null; // The process ended between listing and reading.
  }
}

/** Parent pid from /proc/PID/stat (the command may hold spaces and parentheses). */
function parentOf(pid: number): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(rest[1]);
}

/** `root` and its descendants, with their type and VmRSS. */
export function chromiumTree(root: number): ChromiumProc[] {
  const parents = new Map<number, number>();
  for (const e of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    const ppid = parentOf(Number(e.name));
    if (ppid !== null) parents.set(Number(e.name), ppid);
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parents.get(p), hops++) {
      if (p === root) return true;
    }
    return false;
  };
  const out: ChromiumProc[] = [];
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    const status = readText(`/proc/${pid}/status`);
    const kb = status ? Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) : 0;
    const cmd = readText(`/proc/${pid}/cmdline`) ?? "";
    const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? (pid === root ? "browser" : "other");
    out.push({ pid, type, rss: kb * 1024 });
  }
  return out;
}

/** Peaks of the tree's total RSS and of each process type, sampled every `ms`. */
export class RssSampler {
  readonly peaks = new Map<string, number>();
  peakTotal = 0;
  #timer: ReturnType<typeof setInterval>;

  constructor(root: number, ms = 1000) {
    const sample = () => {
      const procs = chromiumTree(root);
      const total = procs.reduce((n, p) => n + p.rss, 0);
      this.peakTotal = Math.max(this.peakTotal, total);
      const byType = new Map<string, number>();
      for (const p of procs) byType.set(p.type, (byType.get(p.type) ?? 0) + p.rss);
      for (const [t, n] of byType) this.peaks.set(t, Math.max(this.peaks.get(t) ?? 0, n));
    };
    sample();
    this.#timer = setInterval(sample, ms);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

/** This process's niceness (/proc/self/stat field 19). */
export function ownNice(): number {
  const stat = Deno.readTextFileSync("/proc/self/stat");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

/**
 * Sets every thread of the tree under `root` to niceness `nice`. Chromium run
 * as root raises some of its threads (the browser's and GPU process's main
 * threads, two renderer threads) to -8, out of reach of the `nice` it was
 * started under; on a shared machine the benchmark puts them back.
 */
export async function reniceTree(root: number, nice: number): Promise<void> {
  const tids: string[] = [];
  for (const p of chromiumTree(root)) {
    try {
      for (const t of Deno.readDirSync(`/proc/${p.pid}/task`)) tids.push(t.name);
    } catch {
      // The process ended.
    }
  }
  if (!tids.length) return;
  await new Deno.Command("renice", {
    args: ["-n", String(nice), "-p", ...tids],
    stdout: "null",
    stderr: "null",
  })
    .output().catch(() => {});
}

/** Peak JS heap of the page (CDP Runtime.getHeapUsage), sampled with the RSS. */
export class HeapSampler {
  peakUsed = 0;
  peakTotal = 0;
  #timer: ReturnType<typeof setInterval>;
  constructor(cdp: CDPSession, ms = 2000) {
    const sample = () =>
      cdp.send("Runtime.getHeapUsage").then((h) => {
        this.peakUsed = Math.max(this.peakUsed, h.usedSize);
        this.peakTotal = Math.max(this.peakTotal, h.totalSize);
      }).catch(() => {}); // the page may be busy or navigating: the next sample counts
    void sample();
    this.#timer = setInterval(sample, ms);
  }
  stop() {
    clearInterval(this.#timer);
  }
}

/** Polls `check` in the page every `ms` until it returns a string (the result); logs `note`. */
export async function until(
  page: Page,
  what: string,
  check: (arg: number) => string | null,
  deadline: number,
  log: (s: string) => void,
  note: () => string | null = () => null,
  ms = 3000,
  arg = 0,
): Promise<string> {
  let lastLog = 0;
  for (;;) {
    const r = await page.evaluate(check, arg);
    if (r !== null) return r;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    if (Date.now() - lastLog > 30_000) {
      lastLog = Date.now();
      const n = await page.evaluate(note);
      log(`  waiting for ${what}${n ? `: ${n}` : ""}`);
    }
    await new Promise((ok) => setTimeout(ok, ms));
  }
}
