// The test suite (deno task test): `deno test` once per folder of tests/, one
// after the other, each in its own process, then one summary line.
//
// Why not one `deno test tests/`: on Mesa's software drivers the Deno process
// has, rarely, aborted in the GPU driver's teardown *after* printing
// "ok | N passed | 0 failed" (glibc: "corrupted size vs. prev_size in
// fastbins", exit 134; seen once in CI and once locally, in a process running tests/engine/ and
// tests/sae/ together; not reproduced in 20+ other local runs).
// Smaller processes hold fewer devices at exit, and a group whose process dies
// by a signal after its own summary said every test passed is run once more,
// saying so; a group that crashes twice, or crashes before its summary, or has
// a failing test, fails the suite. Test results are never taken from a run
// whose summary is missing.
//
//   deno run -A tests/run.ts              every group
//   deno run -A tests/run.ts tests/sae/   just these paths, as one group

const ROOT = new URL("./", import.meta.url).pathname;

function groups(): string[][] {
  const folders: string[][] = [];
  const topLevel: string[] = [];
  for (const entry of [...Deno.readDirSync(ROOT)].sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory && !["fixtures", "util", "fuzz"].includes(entry.name)) {
      folders.push([`${ROOT}${entry.name}/`]);
    } else if (entry.isFile && /_test\.ts$/.test(entry.name)) {
      topLevel.push(`${ROOT}${entry.name}`);
    }
  }
  return [...folders, topLevel];
}

interface GroupResult {
  code: number;
  signal: string | null;
  passed: number;
  failed: number;
  summary: boolean;
}

async function runGroup(paths: string[]): Promise<GroupResult> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", "--no-check=remote", ...paths],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  let tail = "";
  const decoder = new TextDecoder();
  for await (const chunk of child.stdout) {
    await Deno.stdout.write(chunk);
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
  };
}

const requested = Deno.args.length > 0 ? [Deno.args] : groups();
const started = performance.now();
let passed = 0;
const failures: string[] = [];
for (const paths of requested) {
  const name = paths.map((p) => p.replace(ROOT, "tests/")).join(" ");
  let result = await runGroup(paths);
  const crashedAfterPassing = result.summary && result.failed === 0 && result.signal !== null;
  if (crashedAfterPassing) {
    console.error(
      `tests/run.ts: ${name}: all ${result.passed} tests passed, then deno died by ${result.signal} ` +
        `while exiting (GPU driver teardown); running this group once more`,
    );
    result = await runGroup(paths);
  }
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
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (failures.length > 0) {
  console.error(
    `\ntests/run.ts: FAILED after ${seconds} s, ${passed} passed; ${failures.join("; ")}`,
  );
  Deno.exit(1);
}
console.log(`\ntests/run.ts: ok, ${passed} passed in ${requested.length} groups, ${seconds} s`);
