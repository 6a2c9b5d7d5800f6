// Device-layout containers (engine.saveWeights -> Engine.load): for fixture
// models in every quant and a GGUF file, the reloaded engine's logits are
// bit-identical to the original's, its weights as large, and the load opens
// only the container; damaged containers are refused naming the tensor.

import assert from "node:assert/strict";
import { Engine, type LoadOptions } from "../../engine/engine.ts";
import { FormatError } from "../../engine/errors.ts";
import { type FileSource, memorySource } from "../../engine/platform/bytes.ts";
import { modelPath, TIED_F16_MODEL } from "../util/fixtures.ts";
import { STORIES_GGUF } from "../util/gguf_fixture.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const STORIES = modelPath("stories260K");
const TOKENS = [1, 403, 407, 261, 378, 285, 271, 100, 42, 7];
const NAME = "model.loupe.safetensors";

async function logits(e: Engine): Promise<Float32Array> {
  const r = await e.forward(TOKENS, { allLogits: true });
  try {
    return await r.logits.toArray();
  } finally {
    r.dispose();
  }
}

async function save(e: Engine): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const n = await e.saveWeights(new WritableStream({ write: (c) => void chunks.push(c.slice()) }));
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  assert.equal(at, n, "bytes written = bytes returned");
  return out;
}

/** A source holding only the container, recording which files are opened. */
function spySource(bytes: Uint8Array, opened: string[]): FileSource {
  const src = memorySource("memory", { [NAME]: bytes });
  return { ...src, open: (name) => (opened.push(name), src.open(name)) };
}

const CASES: [string, string, LoadOptions][] = [
  ["stories260K f32", STORIES, {}],
  ["stories260K q8", STORIES, { quant: "q8" }],
  ["stories260K q4", STORIES, { quant: "q4" }],
  ["stories260K q4k", STORIES, { quant: "q4k" }],
  ["stories260K q4km", STORIES, { quant: "q4km" }],
  ["stories260K q4 + embed q8", STORIES, { quant: "q4", embedQuant: "q8" }],
  ["llama3-tied-f16 q8 (tied head)", modelPath(TIED_F16_MODEL), { quant: "q8" }],
  ["stories260K.gguf (stored types)", STORIES_GGUF, {}],
  ["stories260K-Q4_K_M.gguf (Q4_K, Q6_K)", "tests/fixtures/llamacpp/stories260K-Q4_K_M.gguf", {}],
  ["stories260K-Q5_0.gguf (padded blocks)", "tests/fixtures/llamacpp/stories260K-Q5_0.gguf", {}],
];

for (const [label, source, options] of CASES) {
  Deno.test(`container: ${label}: save -> load gives bit-identical logits, reading only the container`, async () => {
    const original = await Engine.load(source, { gpu, ...options });
    let bytes: Uint8Array, want: Float32Array, weights: number;
    try {
      want = await logits(original);
      weights = original.memory.weights;
      bytes = await save(original);
    } finally {
      original.dispose();
    }
    const opened: string[] = [];
    const reloaded = await Engine.load(spySource(bytes, opened), { gpu });
    try {
      assert.deepEqual(opened, [NAME]);
      assert.equal(reloaded.memory.weights, weights);
      const got = await logits(reloaded);
      assert.deepEqual(
        new Uint32Array(got.buffer),
        new Uint32Array(want.buffer),
        "logits bit-identical",
      );
      assert.equal(reloaded.tokenizer.decode(TOKENS), original.tokenizer.decode(TOKENS));
    } finally {
      reloaded.dispose();
    }
  });
}

/** The container's header JSON and its data section. */
function splitContainer(bytes: Uint8Array) {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  return { header, dataStart: 8 + n };
}

function withHeader(header: unknown, data: Uint8Array): Uint8Array {
  const text = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out;
}

async function refused(bytes: Uint8Array, pattern: RegExp, tensor?: string) {
  const e = await Engine.load(memorySource("memory", { [NAME]: bytes }), { gpu }).then(
    (engine) => (engine.dispose(), null),
    (e) => e,
  );
  assert.ok(e instanceof FormatError, `expected a FormatError, got ${e}`);
  assert.match(e.message, pattern);
  assert.ok(e.message.startsWith(NAME), e.message);
  if (tensor) assert.equal(e.tensor, tensor);
}

Deno.test("container: truncated, mislabelled or corrupted containers are refused naming the tensor", async () => {
  const original = await Engine.load(STORIES, { gpu, quant: "q8" });
  const bytes = await save(original).finally(() => original.dispose());
  const { header, dataStart } = splitContainer(bytes);
  const data = bytes.subarray(dataStart);
  const q = "model.layers.1.self_attn.q_proj.weight";

  // Cut in the middle of layer 1's q_proj codes.
  const at = dataStart + header[`${q}.codes`].data_offsets[0] + 10;
  await refused(
    bytes.slice(0, at),
    /tensor "model\.layers\.1\.self_attn\.q_proj\.weight\.codes".*run past/,
  );

  // A layout whose block size disagrees with the stored parts.
  const relabelled = structuredClone(header);
  const layout = JSON.parse(relabelled.__metadata__[`loupe.layout.${q}`]);
  relabelled.__metadata__[`loupe.layout.${q}`] = JSON.stringify({ ...layout, block: 64 });
  await refused(
    withHeader(relabelled, data),
    /q_proj\.weight\.scales is U8 .* needs U8/,
    `${q}.scales`,
  );

  // A layout with an unknown format, and a missing one.
  const unknown = structuredClone(header);
  unknown.__metadata__[`loupe.layout.${q}`] = JSON.stringify({ ...layout, format: "q3" });
  await refused(withHeader(unknown, data), /unknown format "q3"/, q);
  const missing = structuredClone(header);
  delete missing.__metadata__[`loupe.layout.${q}`];
  await refused(withHeader(missing, data), /matrix .*q_proj\.weight is missing/, q);

  // A scale whose exponent bits are all set (NaN/Inf).
  const nanScale = bytes.slice();
  nanScale.set([0xff, 0x7f], dataStart + header[`${q}.scales`].data_offsets[0] + 6);
  await refused(nanScale, /scale 3 is not finite/, `${q}.scales`);

  // A norm value set to NaN.
  const norm = "model.layers.0.input_layernorm.weight";
  const nanNorm = bytes.slice();
  new DataView(nanNorm.buffer).setFloat32(dataStart + header[norm].data_offsets[0], NaN, true);
  await refused(nanNorm, /element 0 is NaN/, norm);

  // Another layout version.
  const version = structuredClone(header);
  version.__metadata__["loupe.container"] = "99";
  await refused(withHeader(version, data), /layout version 99; this Loupe reads 1/);
});

Deno.test("container: quant options are refused for a container, its weights being converted already", async () => {
  const original = await Engine.load(STORIES, { gpu, quant: "q4" });
  const bytes = await save(original).finally(() => original.dispose());
  await assert.rejects(
    Engine.load(memorySource("memory", { [NAME]: bytes }), { gpu, quant: "q8" }),
    /quant: model\.loupe\.safetensors holds weights already in their device layout/,
  );
});

Deno.test("container: loupe convert writes a container that --model loads", async () => {
  const { main } = await import("../../demo/cli.ts");
  const dir = await Deno.makeTempDir({ prefix: "loupe-convert-" });
  const out = `${dir}/stories.loupe.safetensors`;
  try {
    assert.equal(await main(["convert", "--model", STORIES, "--quant", "q8", "--out", out]), 0);
    assert.equal(await main(["convert", "--model", STORIES, "--out", `${dir}/x.safetensors`]), 2);
    const original = await Engine.load(STORIES, { gpu, quant: "q8" });
    const want = await logits(original).finally(() => original.dispose());
    const reloaded = await Engine.load(out, { gpu });
    const got = await logits(reloaded).finally(() => reloaded.dispose());
    assert.deepEqual(new Uint32Array(got.buffer), new Uint32Array(want.buffer));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("container: a model over two devices saves once and reloads over two or one", async () => {
  const tied = modelPath(TIED_F16_MODEL);
  // Devices of the test's own (created once, never destroyed, as testGpu's are).
  const split = { devices: [gpu, await testGpu({ name: "second" })], placement: [1, 1] };
  const two = await Engine.load(tied, { ...split, quant: "q4" });
  let bytes: Uint8Array, wantTwo: Float32Array, wantOne: Float32Array;
  try {
    wantTwo = await logits(two);
    bytes = await save(two);
  } finally {
    two.dispose();
  }
  const one = await Engine.load(tied, { gpu, quant: "q4" });
  try {
    wantOne = await logits(one);
    assert.deepEqual(bytes, await save(one), "the same container from one device and from two");
  } finally {
    one.dispose();
  }
  for (const [options, want] of [[split, wantTwo], [{ gpu }, wantOne]] as const) {
    const e = await Engine.load(memorySource("memory", { [NAME]: bytes }), options);
    try {
      const got = await logits(e);
      assert.deepEqual(new Uint32Array(got.buffer), new Uint32Array(want.buffer));
    } finally {
      e.dispose();
    }
  }
});
