// `loupe probe train` and `loupe probe run` in process (demo/cli_probe.ts,
// on the test's device): the JSON summary, a probe file that loads, one score
// per fed token while generating, and exit status 2 for bad usage.

import assert from "node:assert/strict";
import { probeMain } from "../../demo/cli_probe.ts";
import { parseProbeExamples, Probe } from "../../sae/mod.ts";
import { FIXTURES, modelPath } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const SAE = `${FIXTURES}saes/stories260K-layer2/goodfire.pth`;
const LAYER = "model.layers.2";

/** Runs the command; returns its exit status and what it printed to stdout. */
async function probe(...args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const log = console.log, error = console.error;
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  console.error = () => {};
  try {
    return { code: await probeMain(args, gpu), out };
  } finally {
    console.log = log;
    console.error = error;
  }
}

Deno.test("loupe probe train | run: JSON summary, a loadable probe file, a score per fed token", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const names = await Deno.readTextFile(`${FIXTURES}probe/names.json`);
    const data = `${dir}/data.json`, file = `${dir}/probe.json`;
    await Deno.writeTextFile(
      data,
      JSON.stringify(parseProbeExamples(names, "names.json").slice(0, 16)),
    );
    const common = ["--model", modelPath("stories260K"), "--sae", SAE, "--layer", LAYER];

    const train = await probe(
      "train",
      ...common,
      "--data",
      data,
      "--steps",
      "20",
      "--name",
      "names",
      "--out",
      file,
      "--json",
    );
    assert.equal(train.code, 0);
    const summary = JSON.parse(train.out[0]);
    assert.equal(summary.examples, 16);
    assert.equal(summary.train + summary.heldOut, 16);
    assert.ok(summary.heldOutAccuracy >= 0 && summary.heldOutAccuracy <= 1);
    const saved = Probe.parse(await Deno.readTextFile(file), file);
    assert.equal(saved.cacheName, `${LAYER}.probe.names`);
    assert.equal(saved.training?.steps, 20);
    assert.equal(summary.nonzero, saved.terms.length);

    const run = await probe(
      "run",
      ...common,
      "--probe",
      file,
      "--prompt",
      "Once upon a time",
      "--max-tokens",
      "3",
      "--json",
    );
    assert.equal(run.code, 0);
    const r = JSON.parse(run.out[0]);
    assert.equal(r.probe, `${LAYER}.probe.names`);
    // The prompt's tokens and every generated token but the last (never fed) are scored.
    assert.equal(r.tokens.length, r.scores.length + 1);
    for (const s of r.scores) assert.ok(s.score >= 0 && s.score <= 1, `score ${s.score}`);

    for (
      const bad of [
        ["train", "--data", data],
        ["train", ...common, "--data", data, "--out", file, "--pool", "sum"],
        ["train", "--layer", LAYER, "--data", data, "--out", file], // features without --sae
        ["run", ...common, "--probe", `${dir}/missing.json`, "--prompt", "x"],
        ["run", ...common, "--probe", data, "--prompt", "x"], // not a probe file
        ["run", "--probe", file, "--prompt", "x", "--steps", "3"], // a train flag
        ["fit"],
      ]
    ) {
      assert.equal((await probe(...bad)).code, 2, bad.join(" "));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
