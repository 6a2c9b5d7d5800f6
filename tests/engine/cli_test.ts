// The CLI as scripts use it: a subprocess, JSON on stdout.

import assert from "node:assert/strict";
import { openSafetensors } from "../../engine/formats/safetensors.ts";
import { openSource } from "../../engine/formats/source.ts";
import { Tokenizer } from "../../engine/formats/tokenizer.ts";
import { assertClose } from "../util/compare.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";
import { parseVariant } from "../../sae/variant.ts";

const CLI = new URL("../../demo/cli.ts", import.meta.url).pathname;

async function loupe(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    stdin: "null",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** A safetensors file written by `loupe run --out`. */
async function openOutput(path: string) {
  const dir = path.slice(0, path.lastIndexOf("/"));
  return await openSafetensors(await openSource(dir), path.slice(dir.length + 1));
}

Deno.test("loupe generate from BOS reproduces llama2.c's 200 greedy ids and text", async () => {
  const ref = JSON.parse(
    await Deno.readTextFile(`${FIXTURES}models/stories260K/llama2c/greedy_reference.json`),
  );
  const run = ref.runs.find((r: { prompt: string }) => r.prompt === "");
  const r = await loupe(
    "generate",
    "--tokens",
    "1",
    "--max-tokens",
    "200",
    "--temperature",
    "0",
    "--json",
  );
  assert.equal(r.code, 0, r.stderr);
  const got = JSON.parse(r.stdout);
  assert.deepEqual(got.tokens, run.token_ids.slice(1, 201));
  // llama2.c prints every piece after BOS; our text is the same prefix.
  assert.ok(run.stdout.startsWith(got.text), `text differs:\n${got.text}\n---\n${run.stdout}`);
  // ... and exactly the text of those ids, as a tokenizer decodes them after BOS.
  const dir = modelPath("stories260K");
  const tok = Tokenizer.fromText(
    await Deno.readTextFile(`${dir}/tokenizer.json`),
    await Deno.readTextFile(`${dir}/tokenizer_config.json`),
    `${dir}/tokenizer.json`,
  );
  assert.equal(got.text, tok.decode(run.token_ids.slice(0, 201), { skipSpecialTokens: true }));
  assert.match(r.stderr, /adapter: /);
});

Deno.test("loupe generate on tinystories-656k (a real HF upload) encodes the prompt and follows the reference", async () => {
  const ref = JSON.parse(
    await Deno.readTextFile(`${modelPath("tinystories-656k")}/reference.json`),
  );
  const r = await loupe(
    "generate",
    "--model",
    modelPath("tinystories-656k"),
    "--prompt",
    "Once upon a time",
    "--max-tokens",
    "32",
    "--temperature",
    "0",
    "--json",
  );
  assert.equal(r.code, 0, r.stderr);
  const want = await readReference(modelPath("tinystories-656k"), "reference.safetensors");
  assert.deepEqual(Array.from(want.get("tokens")!), [1, 80, 147, 201, 282, 57]);
  assert.deepEqual(JSON.parse(r.stdout).tokens, Array.from(want.get("greedy")!));
  assert.ok(ref);
});

Deno.test("loupe run writes logits and cached modules to safetensors", async () => {
  const ref = await readReference(modelPath("stories260K"), "reference.safetensors");
  const out = await Deno.makeTempFile({ suffix: ".safetensors" });
  try {
    const tokens = Array.from(ref.get("tokens")!).join(",");
    const r = await loupe(
      "run",
      "--tokens",
      tokens,
      "--out",
      out,
      "--cache",
      "model.layers.2,model.norm",
    );
    assert.equal(r.code, 0, r.stderr);
    const ckpt = await openOutput(out);
    try {
      assert.deepEqual([...ckpt.tensors.keys()].sort(), [
        "cache.model.layers.2",
        "cache.model.norm",
        "logits",
      ]);
      assert.deepEqual(ckpt.tensors.get("logits")!.shape, [24, 512]);
      assert.deepEqual(ckpt.tensors.get("cache.model.norm")!.shape, [24, 64]);
      assertClose("run logits", await ckpt.readF32("logits"), ref.get("logits")!, { rel: 1e-4 });
      assertClose("run resid.2", await ckpt.readF32("cache.model.layers.2"), ref.get("resid.2")!, {
        rel: 1e-4,
      });
    } finally {
      ckpt.close();
    }
  } finally {
    await Deno.remove(out);
  }
});

Deno.test("loupe reports usage errors with exit code 2 and load errors with 1", async () => {
  let r = await loupe("generate", "--max-tokens", "ten");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--max-tokens expects an integer, got "ten"/);
  r = await loupe("frobnicate");
  assert.equal(r.code, 2);
  r = await loupe("generate", "--quant", "q4", "--embed-quant", "q5", "--max-tokens", "1");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--embed-quant expects one of f32, q8, q4, q4k, q6k, got "q5"/);
  r = await loupe("generate", "--model", "/nonexistent/model", "--max-tokens", "1");
  assert.equal(r.code, 1);
  assert.match(r.stderr, /nonexistent/);
  r = await loupe("generate", "--tokens", "1,9999", "--max-tokens", "1");
  assert.equal(r.code, 1);
  assert.match(r.stderr, /tokens\[1\] = 9999/);
});

Deno.test("loupe run and generate --intervene reproduce the fixture's add, zero and greedy-with-add", async () => {
  const dir = modelPath("stories260K");
  const ref = await readReference(dir, "interventions.safetensors");
  const plan = JSON.parse(await Deno.readTextFile(`${dir}/interventions.json`));
  const tokens = Array.from(ref.get("tokens")!).join(",");
  const out = await Deno.makeTempFile({ suffix: ".safetensors" });
  const readLogits = async () => {
    const ckpt = await openOutput(out);
    try {
      return await ckpt.readF32("logits");
    } finally {
      ckpt.close();
    }
  };
  try {
    let r = await loupe(
      "run",
      "--tokens",
      tokens,
      "--out",
      out,
      "--intervene",
      `${plan.add_vector.module}:add=${dir}/vector.safetensors`,
    );
    assert.equal(r.code, 0, r.stderr);
    assertClose("cli add", await readLogits(), ref.get("logits_add")!, { rel: 1e-4 });
    r = await loupe(
      "run",
      "--tokens",
      tokens,
      "--out",
      out,
      "--intervene",
      `${plan.zero_mlp.module}:zero`,
    );
    assert.equal(r.code, 0, r.stderr);
    assertClose("cli zero", await readLogits(), ref.get("logits_zero_mlp")!, { rel: 1e-4 });
    r = await loupe(
      "generate",
      "--tokens",
      tokens,
      "--max-tokens",
      "32",
      "--json",
      "--intervene",
      `${plan.add_vector.module}:add=${dir}/vector.safetensors`,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).tokens, Array.from(ref.get("greedy_add")!));
    r = await loupe(
      "run",
      "--tokens",
      tokens,
      "--out",
      out,
      "--intervene",
      "model.layers.1:add=/nonexistent.safetensors",
    );
    assert.equal(r.code, 1);
    assert.match(r.stderr, /nonexistent/);
    r = await loupe(
      "run",
      "--tokens",
      tokens,
      "--out",
      out,
      "--intervene",
      "model.layers.1:double",
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--intervene expects NAME:add=FILE.safetensors/);
  } finally {
    await Deno.remove(out);
  }
});

Deno.test("loupe features, and generate/run with --sae --steer, follow the SAE reference", async () => {
  const saeDir = `${FIXTURES}saes/stories260K-layer2`;
  const ref = await readReference(saeDir, "reference.safetensors");
  const tokens = Array.from(ref.get("tokens")!);
  const sae = ["--sae", `${saeDir}/goodfire.pth`, "--layer", "model.layers.2"];
  let r = await loupe("features", ...sae, "--tokens", tokens.join(","), "--top", "3", "--json");
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout).features;
  assert.equal(rows.length, tokens.length);
  const feats = ref.get("features") as Float32Array, D = 1024;
  for (const [t, row] of rows.entries()) {
    const want = Array.from(feats.subarray(t * D, (t + 1) * D)).map((v, i) => [i, v]).sort((a, b) =>
      b[1] - a[1]
    );
    assert.equal(row.top[0].feature, want[0][0], `position ${t}: top feature`);
    assert.ok(Math.abs(row.top[0].value - want[0][1]) <= 1e-4 * Math.abs(want[0][1]) + 1e-6);
  }
  r = await loupe(
    "generate",
    ...sae,
    "--steer",
    "989:add=4",
    "--tokens",
    tokens.join(","),
    "--max-tokens",
    "32",
    "--json",
  );
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).tokens, Array.from(ref.get("steer.greedy")!));
  r = await loupe(
    "generate",
    ...sae,
    "--steer",
    "989:ablate",
    "--tokens",
    tokens.join(","),
    "--max-tokens",
    "32",
    "--json",
  );
  assert.deepEqual(JSON.parse(r.stdout).tokens, Array.from(ref.get("ablate.greedy")!));
  const out = await Deno.makeTempFile({ suffix: ".safetensors" });
  try {
    r = await loupe(
      "run",
      ...sae,
      "--steer",
      "989:set=8",
      "--tokens",
      tokens.join(","),
      "--out",
      out,
      "--cache",
      "model.layers.2.sae.features",
    );
    assert.equal(r.code, 0, r.stderr);
    const ckpt = await openOutput(out);
    try {
      assertClose("run clamp logits", await ckpt.readF32("logits"), ref.get("clamp.logits")!, {
        rel: 1e-3,
      });
      // Cached after the edit (what flowed on): re-encoding the clamped stream
      // gives feature 989 far above its unedited mean (0.515), though not
      // exactly 8: the encoder does not invert the decoder.
      const info = ckpt.tensors.get("cache.model.layers.2.sae.features")!;
      assert.deepEqual(info.shape, [tokens.length, D]);
      const f = await ckpt.readF32("cache.model.layers.2.sae.features");
      let mean = 0;
      for (let t = 0; t < tokens.length; t++) mean += f[t * D + 989] / tokens.length;
      assert.ok(mean > 2, `mean of feature 989 after clamping: ${mean}`);
    } finally {
      ckpt.close();
    }
  } finally {
    await Deno.remove(out);
  }
  r = await loupe("generate", "--steer", "989:add=4", "--max-tokens", "1");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--layer and --steer need --sae SRC/);
  r = await loupe("generate", ...sae, "--steer", "989:twice", "--max-tokens", "1");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--steer expects FEATURE:add=V/);
  r = await loupe("generate", ...sae, "--steer", "5000:add=1", "--max-tokens", "1");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /feature 5000 is outside \[0, 1024\)/);
});

Deno.test("loupe generate: Ember modes, --save-variant, --variant and --abort-when", async () => {
  const saeDir = `${FIXTURES}saes/stories260K-layer2`;
  const tokens = Array.from((await readReference(saeDir, "reference.safetensors")).get("tokens")!);
  const args = [
    "generate",
    "--sae",
    `${saeDir}/goodfire.pth`,
    "--layer",
    "model.layers.2",
    "--tokens",
    tokens.slice(0, 8).join(","),
    "--max-tokens",
    "8",
  ];
  const file = await Deno.makeTempFile({ suffix: ".json" });
  try {
    let r = await loupe(
      ...args,
      "--steer",
      "989:nudge=4,generated",
      "--steer",
      "5:pin=0,when=989>0.5",
      "--save-variant",
      file,
      "--json",
    );
    assert.equal(r.code, 0, r.stderr);
    const steered = JSON.parse(r.stdout);
    assert.equal(steered.tokens.length, 8);
    assert.equal(steered.aborted, undefined);
    const variant = parseVariant(await Deno.readTextFile(file), file);
    assert.deepEqual(variant.sae, {
      id: `${saeDir}/goodfire.pth`,
      layer: "model.layers.2",
      d_sae: 1024,
    });
    assert.deepEqual(variant.edits, [
      { index_in_sae: 989, value: 4, mode: "nudge", scope: "generated" },
      { index_in_sae: 5, value: 0, mode: "pin", when: { index_in_sae: 989, above: 0.5 } },
    ]);
    r = await loupe(...args, "--variant", file, "--json");
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).tokens, steered.tokens);
    // Features are never negative: the condition holds at position 0, before any token.
    r = await loupe(...args, "--variant", file, "--abort-when", "989>-1:always");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /aborted at position 0: always/);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("loupe --devices 2 prints the placement and generates the same ids", async () => {
  const one = await loupe("generate", "--tokens", "1", "--max-tokens", "24", "--json");
  const two = await loupe(
    "generate",
    "--devices",
    "2",
    "--tokens",
    "1",
    "--max-tokens",
    "24",
    "--json",
  );
  assert.equal(two.code, 0, two.stderr);
  assert.deepEqual(JSON.parse(two.stdout).tokens, JSON.parse(one.stdout).tokens);
  assert.match(two.stderr, /gpu0: embedding, layers 0-2; weights .* MiB/);
  assert.match(two.stderr, /gpu1: layers 3-4, norm \+ lm_head/);
});

Deno.test("loupe generate --quant q4 --embed-quant q8 reports both formats and holds more bytes", async () => {
  const args = ["generate", "--tokens", "1", "--max-tokens", "4", "--json", "--quant", "q4"];
  const q4 = await loupe(...args);
  const mixed = await loupe(...args, "--embed-quant", "q8");
  assert.equal(mixed.code, 0, mixed.stderr);
  assert.match(mixed.stderr, /q4 weights \(embedding and lm_head q8\)/);
  const weights = (stderr: string) => Number(stderr.match(/weights ([\d.]+) MiB/)![1]);
  assert.ok(
    weights(mixed.stderr) > weights(q4.stderr),
    `q8 embedding holds more bytes: ${weights(mixed.stderr)} vs ${weights(q4.stderr)} MiB`,
  );
});
