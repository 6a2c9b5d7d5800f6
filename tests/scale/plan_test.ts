// loupe plan from config.json alone: Llama-3.3-70B-Instruct's published config
// with its layer-50 SAE over N devices, and a budget that cannot fit refused
// with the amount; the small checkpoint's .pth is read for its widths only.

import assert from "node:assert/strict";
import { LLAMA_33_70B_INSTRUCT } from "../../bench/synthetic_config.ts";
import { parseBytes, planText } from "../../demo/cli_plan.ts";
import { main } from "../../demo/cli.ts";
import { planPlacement, saeBytes } from "../../engine/model/placement.ts";
import { loadLlamaConfig } from "../../engine/formats/config.ts";
import { memorySource } from "../../engine/platform/bytes.ts";
import { SMALL_SAE, smallCheckpoint } from "./small.ts";
import { modelPath } from "../util/fixtures.ts";

async function config70b(): Promise<string> {
  const path = `${await Deno.makeTempDir({ prefix: "loupe-plan-" })}/config.json`;
  await Deno.writeTextFile(path, JSON.stringify(LLAMA_33_70B_INSTRUCT));
  return path;
}

Deno.test("plan: 70B q4 and its layer-50 SAE over 4 devices, bytes per device", async () => {
  const model = await config70b();
  const lines = await planText({
    model,
    quant: "q4",
    devices: 4,
    layer: "model.layers.50",
    saeWidth: 65536,
  });
  assert.match(lines[0], /80 layers, hidden 8192, intermediate 28672, heads 64\/8/);
  const rows = lines.slice(2, 6);
  assert.deepEqual(rows.map((r) => r.split(/\s+/)[1]), ["0-18", "19-39", "40-60", "61-79"]);
  assert.match(rows[2], /SAE .* 1\.16 GiB/);
  assert.equal(rows.filter((r) => r.includes("SAE")).length, 1);
  // The SAE row equals the planner's figure: 2 q8 matrices + biases + one features chunk.
  const config = await loadLlamaConfig(
    memorySource("c", { "config.json": await Deno.readTextFile(model) }),
  );
  const plan = planPlacement({
    config,
    format: "q4",
    embedFormat: "q4",
    contextLength: 4096,
    maxChunk: 128,
    devices: 4,
    sae: { layer: 50, bytes: saeBytes(8192, 65536, "q8", 128) },
  });
  assert.equal(
    plan[2].bytes.sae,
    2 * 65536 * 8192 * 9 / 8 + 4 * (65536 + 8192) + 4 * 128 * 65536,
  );
  assert.equal(
    plan.reduce((n, p) => n + p.bytes.total, 0),
    plan.reduce((n, p) => n + p.bytes.weights + p.bytes.kvCache + p.bytes.scratch + p.bytes.sae, 0),
  );
});

Deno.test("plan: a budget that cannot fit is refused, saying by how much; exit status 1", async () => {
  const model = await config70b();
  await assert.rejects(
    planText({ model, quant: "q4", devices: 2, budget: "16GiB" }),
    /needs [\d.]+ MiB for layers \d+-79 and the head, [\d.]+ MiB more than its budget of 16384\.0 MiB/,
  );
  assert.equal(
    await main(["plan", "--model", model, "--quant", "q4", "--devices", "2", "--budget", "16GiB"]),
    1,
  );
  assert.equal(
    await main(["plan", "--model", model, "--quant", "q4", "--devices", "3", "--budget", "16GiB"]),
    0,
  );
  assert.equal(await main(["plan", "--model", model, "--budget", "lots"]), 2);
  assert.equal(parseBytes("20GB"), 20e9);
  assert.equal(parseBytes("1.5GiB"), 1.5 * 2 ** 30);
});

Deno.test("plan: an SAE file is read for its widths; a width that does not match is an error", async () => {
  const dir = await smallCheckpoint();
  const lines = await planText({
    model: dir,
    quant: "q8",
    devices: 2,
    sae: `${dir}/sae/${SMALL_SAE.file}`,
    layer: "model.layers.1",
  });
  assert.match(lines.join("\n"), /SAE .*Llama-small-SAE-l1\.pth \(q8\) on model\.layers\.1/);
  await assert.rejects(
    planText({
      model: await config70b(),
      quant: "q4",
      devices: 2,
      sae: `${dir}/sae/${SMALL_SAE.file}`,
      layer: "model.layers.50",
    }),
    /has d_in 128, but model\.layers\.50 outputs 8192/,
  );
});

Deno.test("plan: a .gguf file is planned from its header's metadata", async () => {
  const model = `${modelPath("stories260K")}/gguf/stories260K.gguf`;
  const lines = await planText({ model, quant: "f32", devices: 1 });
  assert.match(
    lines[0],
    /stories260K\.gguf: 5 layers, hidden 64, intermediate 172, heads 8\/4, vocab 512/,
  );
});
