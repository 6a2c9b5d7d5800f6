// `deno task bench --browser smoke --json` end to end: the benchmark page is
// bundled and served, Chromium runs the quick `smoke` benchmark (streaming
// ceilings on 512 x 4096) on its own WebGPU device, then Deno runs it, and the
// JSON lines tell the two runners apart. A few seconds. Locally, no Chromium
// (or no WebGPU in it) skips it; in CI (CI=true) that is a failure, as for the
// other browser tests.

import assert from "node:assert/strict";
import { REPO } from "../../demo/build.ts";
import { findChromium } from "./harness.ts";

const CI = /^(true|1)$/i.test(Deno.env.get("CI") ?? "");
const chromium = findChromium();

interface Line {
  name: string;
  format: string;
  adapter: string;
  runner: string;
  figures: Record<string, number>;
}

if (!chromium.path && !CI) {
  console.log(`bench --browser test SKIPPED: no Chromium at ${chromium.tried.join(", ")}`);
  Deno.test({ name: "bench --browser (no Chromium) [chromium]", ignore: true, fn() {} });
} else {
  Deno.test("bench --browser: smoke results come back from Chromium and from Deno [chromium]", async () => {
    assert.ok(chromium.path, `no Chromium at ${chromium.tried.join(", ")} (CI=true: must run)`);
    const t0 = performance.now();
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "bench/main.ts", "--browser", "--json", "smoke"],
      cwd: REPO,
      env: { CHROME_PATH: chromium.path },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    const stderr = new TextDecoder().decode(out.stderr);
    if (out.code !== 0 && !CI && /gives no WebGPU device/.test(stderr)) {
      console.log(
        `bench --browser test SKIPPED: ${stderr.match(/.*gives no WebGPU device.*/)![0]}`,
      );
      return;
    }
    assert.equal(out.code, 0, `bench --browser failed:\n${stderr}`);
    const lines: Line[] = stdout.trim().split("\n").map((l) => JSON.parse(l));
    const page = lines.filter((l) => l.runner.startsWith("Chromium"));
    const deno = lines.filter((l) => l.runner.startsWith("Deno"));
    assert.deepEqual(page.map((l) => l.format), ["f32", "q8", "q4"], stdout);
    assert.deepEqual(deno.map((l) => l.format), ["f32", "q8", "q4"], stdout);
    for (const l of lines) {
      assert.equal(l.name, "smoke");
      assert.ok(l.figures.gbPerSecond > 0 && isFinite(l.figures.gbPerSecond), JSON.stringify(l));
    }
    // Without a GPU, Chromium's WebGPU is SwiftShader (it hides the description:
    // the page names it by vendor and architecture, "google swiftshader").
    assert.match(page[0].adapter, /swiftshader/i, `${page[0].adapter}\n${stderr}`);
    assert.notEqual(page[0].adapter, deno[0].adapter);
    console.log(
      `  ${page[0].runner} (${page[0].adapter}) and ${deno[0].runner} (${deno[0].adapter}) ` +
        `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  });
}
