// Resident memory of a Chromium process tree, read from /proc (Linux): the
// browser process and every descendant (renderer, GPU process, utilities),
// sampled on an interval by the full-size browser benchmark
// (bench/browser_fullsize.ts), which reports the peaks.

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
