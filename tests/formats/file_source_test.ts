// Models and SAEs opened from File objects, as the demo page gets them from a
// directory input or a drop: names relative to the picked folder, reads by
// slice, the same logits and SAE weights as from the folder, and errors that
// name the missing file and what was expected.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { FormatError } from "../../engine/errors.ts";
import { openSource } from "../../engine/formats/source.ts";
import { fileListSource, pickedName } from "../../engine/platform/files.ts";
import { Sae } from "../../sae/sae.ts";
import { FIXTURES, modelPath } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const STORIES = modelPath("stories260K");
const SAE_DIR = `${FIXTURES}saes/stories260K-layer2`;
const TOKENS = [1, 403, 407, 431, 260, 68, 289];

/** Files as a directory input gives them: webkitRelativePath "top/name". */
async function pick(folder: string, names: string[], top: string | null): Promise<File[]> {
  const src = await openSource(folder);
  const out: File[] = [];
  for (const name of names) {
    const r = await src.open(name);
    const bytes = await r.read(0, r.size);
    r.close();
    const file = new File([bytes], name.slice(name.lastIndexOf("/") + 1));
    if (top !== null) {
      Object.defineProperty(file, "webkitRelativePath", { value: `${top}/${name}` });
    }
    out.push(file);
  }
  return out;
}

async function logits(engine: Engine): Promise<Float32Array> {
  const r = await engine.forward(TOKENS, { allLogits: true });
  try {
    return await r.logits.toArray();
  } finally {
    r.dispose();
  }
}

Deno.test("file source: names relative to the picked folder, reads by slice, bad names refused", async () => {
  const files = await pick(STORIES, ["config.json", "model.safetensors"], "stories260K");
  assert.equal(pickedName(files[0]), "config.json");
  const src = fileListSource(files);
  assert.equal(src.describe, "local folder stories260K");
  assert.deepEqual(src.names, ["config.json", "model.safetensors"]);
  assert.equal(await src.has("config.json"), true);
  assert.equal(await src.has("tokenizer.json"), false);
  assert.match(await src.text("config.json"), /LlamaForCausalLM/);
  const whole = new Uint8Array(await files[1].arrayBuffer());
  const r = await src.open("model.safetensors");
  assert.equal(r.size, whole.length);
  assert.deepEqual(await r.read(1000, 77), whole.slice(1000, 1077));
  await assert.rejects(r.read(whole.length - 4, 8), /model\.safetensors: read of 8 bytes/);
  await assert.rejects(src.open("tokenizer.json"), /no file "tokenizer.json" among the 2 picked/);
  await assert.rejects(src.open("../x/config.json"), /invalid file name/);
  // Dropped files have no relative path: their plain names.
  const dropped = fileListSource([new File(["{}"], "cfg.json")]);
  assert.deepEqual(dropped.names, ["cfg.json"]);
  assert.equal(dropped.describe, "local files");
  assert.throws(
    () => fileListSource([{ file: files[0], path: "../up.json" }]),
    /invalid file name/,
  );
  assert.throws(
    () => fileListSource([new File(["a"], "x.json"), new File(["b"], "x.json")]),
    /two files are named "x.json"/,
  );
});

Deno.test("file source: stories260K from picked files gives the folder's logits; its .gguf alone too", async () => {
  const names = ["config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors"];
  const picked = await Engine.load(fileListSource(await pick(STORIES, names, "stories260K")), {
    gpu,
  });
  const folder = await Engine.load(STORIES, { gpu });
  const gguf = await Engine.load(
    fileListSource(await pick(`${STORIES}/gguf`, ["stories260K.gguf"], null)),
    { gpu },
  );
  const fromGgufPath = await Engine.load(`${STORIES}/gguf/stories260K.gguf`, { gpu });
  try {
    assert.equal(picked.source, "local folder stories260K");
    assert.deepEqual(await logits(picked), await logits(folder));
    assert.deepEqual(await logits(gguf), await logits(fromGgufPath));
  } finally {
    for (const e of [picked, folder, gguf, fromGgufPath]) e.dispose();
  }
});

Deno.test("file source: a folder without config.json names the file and what a model needs", async () => {
  const files = fileListSource(await pick(STORIES, ["tokenizer.json"], "stories260K"));
  const err = await Engine.load(files, { gpu }).then(() => null, (e) => e);
  assert.ok(err instanceof FormatError, String(err));
  assert.equal(err.file, "local folder stories260K/config.json");
  assert.match(err.message, /missing: a model is a folder with config\.json, tokenizer\.json/);
  assert.match(err.message, /it holds 1 files: tokenizer\.json/);
  const twoGguf = fileListSource([new File(["x"], "a.gguf"), new File(["y"], "b.gguf")]);
  await assert.rejects(
    Engine.load(twoGguf, { gpu }),
    /2 \.gguf files \(a\.gguf, b\.gguf\): give one/,
  );
});

Deno.test("file source: SAEs from picked files (.pth, SAELens folder) equal the ones from paths", async () => {
  const cases: [string, File[]][] = [
    [`${SAE_DIR}/goodfire.pth`, await pick(SAE_DIR, ["goodfire.pth"], null)],
    [
      `${SAE_DIR}/saelens`,
      await pick(`${SAE_DIR}/saelens`, ["cfg.json", "sae_weights.safetensors"], "saelens"),
    ],
  ];
  for (const [path, files] of cases) {
    const a = await Sae.load(fileListSource(files), gpu);
    const b = await Sae.load(path, gpu);
    try {
      assert.equal(a.format, b.format);
      assert.deepEqual(await a.readWeights(), await b.readWeights());
    } finally {
      a.dispose();
      b.dispose();
    }
  }
  const none = fileListSource([new File(["{}"], "notes.json")]);
  await assert.rejects(
    Sae.load(none, gpu),
    (e) =>
      e instanceof FormatError &&
      /no SAE: expected a SAELens folder .* it holds notes\.json/.test(e.message),
  );
});

Deno.test("file source: the demo's watched source counts bytes and a cancel stops the load, freeing all", async () => {
  // The demo's wrapper (demo/web/open_load.ts): no DOM needed at import.
  const { LoadMeter, watchSource } = await import("../../demo/web/open_load.ts");
  const names = ["config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors"];
  const files = fileListSource(await pick(STORIES, names, "stories260K"));
  const total = (await files.open("model.safetensors")).size;
  const meter = new LoadMeter(total);
  const whole = await Engine.load(watchSource(files, meter, new AbortController().signal), { gpu });
  whole.dispose();
  // Every weight byte is read once, plus the header.
  assert.ok(meter.bytes > 0.99 * total && meter.bytes <= total, `${meter.bytes} of ${total}`);
  assert.match(meter.describe(0), /^1\.0 MB of 1\.0 MB read · [\d.]+ [kMG]?B\/s$/);

  const before = gpu.liveBuffers;
  const ctl = new AbortController();
  const cancelled = new LoadMeter(total);
  const err = await Engine.load(watchSource(files, cancelled, ctl.signal), {
    gpu,
    onProgress: (done) => done === 5 && ctl.abort(new Error("load cancelled")),
  }).then(() => null, (e) => e);
  // The reader's error, prefixed with the file and tensor being read.
  assert.match(String(err), /model\.safetensors: tensor model\.layers\.\S+: load cancelled$/);
  assert.ok(cancelled.bytes < total / 2, `stopped early: ${cancelled.bytes} of ${total} bytes`);
  assert.deepEqual(gpu.liveBuffers, before, "nothing stays on the GPU");
});

Deno.test("file source: Engine.load and Sae.load stop at an aborted signal, freeing all", async () => {
  const before = gpu.liveBuffers;
  const ctl = new AbortController();
  const err = await Engine.load(STORIES, {
    gpu,
    signal: ctl.signal,
    onProgress: (done) => done === 3 && ctl.abort(new Error("stop here")),
  }).then(() => null, (e) => e);
  assert.match(String(err), /model\.safetensors: tensor \S+: stop here$/);
  assert.deepEqual(gpu.liveBuffers, before, "nothing stays on the GPU");
  const aborted = AbortSignal.abort(new Error("cancelled before"));
  await assert.rejects(Engine.load(STORIES, { gpu, signal: aborted }), /cancelled before/);
  const files = fileListSource(await pick(SAE_DIR, ["goodfire.pth"], null));
  await assert.rejects(Sae.load(files, gpu, { source: { signal: aborted } }), /cancelled before/);
  await assert.rejects(
    Sae.load(`${SAE_DIR}/goodfire.pth`, gpu, { source: { signal: aborted } }),
    /cancelled before/,
  );
  assert.deepEqual(gpu.liveBuffers, before);
});
