// The test suite (deno task test): `deno test` once per folder of tests/, each
// in its own process, one after another, with the browser group running beside
// them; then one summary line.
//
// Why not one `deno test tests/`: on Mesa's software drivers a Deno process
// sometimes aborts in the GPU driver's teardown *after* printing "ok | N
// passed | 0 failed" (glibc: "corrupted size vs. prev_size in fastbins" or
// "double free or corruption", exit 134; a few suite runs in ten see it, in
// any group that holds devices; the cause is unknown). Smaller processes hold
// fewer devices at exit, and a group whose process dies by a signal after its
// own summary said every test passed is run again, saying so (at most twice);
// a group that crashes three times, or crashes before its summary, or has a
// failing test, fails the suite. Test results are never taken from a run whose
// summary is missing.
//
//   deno run -A tests/run.ts              every group
//   deno run -A tests/run.ts tests/sae/   just these paths, as one group

const ROOT = new URL("./", import.meta.url).pathname;

function groups(): string[][] {
  const folders: string[][] = [];
  const topLevel: string[] = [];
  for (const entry of [...Deno.readDirSync(ROOT)].sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "browser" && entry.isDirectory) {
      folders.push(...browserGroups(`${ROOT}browser/`));
    } else if (entry.isDirectory && !["fixtures", "util", "fuzz"].includes(entry.name)) {
      folders.push([`${ROOT}${entry.name}/`]);
    } else if (entry.isFile && /_test\.ts$/.test(entry.name)) {
      topLevel.push(`${ROOT}${entry.name}`);
    }
  }
  return [...folders, topLevel];
}

/**
 * The browser folder as two groups, each its own process and Chromium: the
 * demo page tests (demo_*_test.ts, minutes each) and the rest (kernels and
 * bench pages in Chromium), so that the two halves run side by side.
 */
function browserGroups(dir: string): string[][] {
  const tests = [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && /_test\.ts$/.test(e.name))
    .map((e) => e.name)
    .sort();
  const demo = tests.filter((n) => n.startsWith("demo_"));
  const rest = tests.filter((n) => !n.startsWith("demo_"));
  return [demo, rest].filter((g) => g.length > 0).map((g) => g.map((n) => `${dir}${n}`));
}

interface GroupResult {
  code: number;
  signal: string | null;
  passed: number;
  failed: number;
  summary: boolean;
  /** The group's stdout when it was not echoed as it ran. */
  output: Uint8Array[];
}

/**
 * Runs one group's `deno test`. With `echo`, its output streams to stdout;
 * without, it is kept and returned in `output` (a group running beside
 * others), so that groups never interleave lines.
 */
async function runGroup(paths: string[], echo = true): Promise<GroupResult> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", "--no-check=remote", ...paths],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  let tail = "";
  const kept: Uint8Array[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of child.stdout) {
    if (echo) await Deno.stdout.write(chunk);
    else kept.push(chunk);
    tail = (tail + decoder.decode(chunk, { stream: true })).slice(-4096);
  }
  const status = await child.status;
  // deno test's last line: "ok | 12 passed | 0 failed (3s)" or "FAILED | ...".
  // deno-lint-ignore no-control-regex
  const plain = tail.replace(/\x1b\[[0-9;]*m/g, "");
  const m = /(ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/.exec(plain);
  return {
    code: status.code,
    signal: status.signal,
    passed: m ? Number(m[2]) : 0,
    failed: m ? Number(m[3]) : 0,
    summary: m !== null,
    output: kept,
  };
}

const requested = Deno.args.length > 0 ? [Deno.args] : groups();
const started = performance.now();
let passed = 0;
const failures: string[] = [];
/** Runs beyond the first for a group that died in teardown after all its tests passed. */
const TEARDOWN_RERUNS = 2;

/** Runs a group (again, up to TEARDOWN_RERUNS times, if only its exit crashed) and records it. */
async function runAndRecord(paths: string[], echo: boolean): Promise<void> {
  const name = paths.map((p) => p.replace(ROOT, "tests/")).join(" ");
  let result = await runGroup(paths, echo);
  for (let rerun = 1; rerun <= TEARDOWN_RERUNS; rerun++) {
    const crashedAfterPassing = result.summary && result.failed === 0 && result.signal !== null;
    if (!crashedAfterPassing) break;
    if (!echo) { for (const chunk of result.output) await Deno.stdout.write(chunk); }
    console.error(
      `tests/run.ts: ${name}: all ${result.passed} tests passed, then deno died by ${result.signal} ` +
        `while exiting (GPU driver teardown); running this group again (${rerun} of ${TEARDOWN_RERUNS})`,
    );
    result = await runGroup(paths, echo);
  }
  if (!echo) { for (const chunk of result.output) await Deno.stdout.write(chunk); }
  passed += result.passed;
  if (result.code !== 0 || !result.summary || result.failed > 0) {
    const why = result.signal !== null
      ? `deno died by ${result.signal}`
      : !result.summary
      ? `no test summary (exit ${result.code})`
      : `${result.failed} failed (exit ${result.code})`;
    failures.push(`${name}: ${why}`);
  }
}

// The browser groups (Chromium on SwiftShader, two processes) run beside the
// others, which run one after another: a suite run kept the 2 CPU cores less than a third
// busy (8.5 CPU-minutes in 14.5 minutes), most groups waiting on GPU work or
// processes. Its output is printed when it ends, so lines never interleave.
const isBrowser = (paths: string[]) => paths.some((p) => p.includes("/browser/"));
const beside = requested.filter(isBrowser);
const inTurn = requested.filter((g) => !isBrowser(g));
let besideDone: Promise<void> = Promise.resolve();
if (inTurn.length > 0) {
  besideDone = Promise.all(beside.map((g) => runAndRecord(g, false))).then(() => {});
  for (const paths of inTurn) await runAndRecord(paths, true);
} else {
  for (const paths of beside) await runAndRecord(paths, true);
}
await besideDone;
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (failures.length > 0) {
  console.error(
    `\ntests/run.ts: FAILED after ${seconds} s, ${passed} passed; ${failures.join("; ")}`,
  );
  Deno.exit(1);
}
console.log(`\ntests/run.ts: ok, ${passed} passed in ${requested.length} groups, ${seconds} s`);
