// GGUF read as published: the stories260K file ggml-org ships for llama.cpp
// against the safetensors fixture (config, every tensor after the Q/K
// un-permutation, the tokenizer), the writer round trip, and malformed headers
// refused with a FormatError naming the file and tensor or key.

import assert from "node:assert/strict";
import { FormatError } from "../../engine/errors.ts";
import { loadLlamaConfig } from "../../engine/formats/config.ts";
import { openGgufModel, unpermutedRows } from "../../engine/formats/gguf.ts";
import { type GgufValue, readGgufHeader } from "../../engine/formats/gguf_header.ts";
import { ggufTokenizerFiles } from "../../engine/formats/gguf_tokenizer.ts";
import { f32Bytes, gguf, writeGguf } from "../../engine/formats/gguf_write.ts";
import { openSafetensors } from "../../engine/formats/safetensors.ts";
import { openSource, splitFileSource } from "../../engine/formats/source.ts";
import { Tokenizer } from "../../engine/formats/tokenizer.ts";
import { memoryReader, memorySource } from "../../engine/platform/bytes.ts";
import { modelPath } from "../util/fixtures.ts";
import {
  rewriteGguf,
  STORIES_GGUF_DIR,
  storiesGgufBytes,
  tensorInfoAt,
} from "../util/gguf_fixture.ts";

const STORIES = modelPath("stories260K");

async function openStoriesGguf() {
  return await openGgufModel(await openSource(STORIES_GGUF_DIR), "stories260K.gguf");
}

Deno.test("gguf: stories260K's metadata gives the safetensors model's config", async () => {
  const { ckpt, config } = await openStoriesGguf();
  ckpt.close();
  const want = await loadLlamaConfig(await openSource(STORIES));
  assert.equal(ckpt.header.version, 3);
  assert.equal(ckpt.header.tensors.length, 48);
  for (
    const key of [
      "hiddenSize",
      "intermediateSize",
      "numHiddenLayers",
      "numAttentionHeads",
      "numKeyValueHeads",
      "headDim",
      "ropeTheta",
      "vocabSize",
    ] as const
  ) {
    assert.equal(config[key], want[key], key);
  }
  // GGUF stores the epsilon as float32.
  assert.equal(config.rmsNormEps, Math.fround(want.rmsNormEps));
  assert.deepEqual(config.bosTokenIds, [1]);
  assert.deepEqual(config.eosTokenIds, [2]);
  assert.equal(config.ropeScaling, null);
  // ggml-org's file keeps a separate output.weight although the model is tied.
  assert.equal(config.tieWordEmbeddings, false);
});

Deno.test("gguf: every stories260K tensor, Q/K un-permuted, equals the safetensors one exactly", async () => {
  const { ckpt } = await openStoriesGguf();
  const st = await openSafetensors(await openSource(STORIES));
  try {
    assert.equal(ckpt.tensors.size, st.tensors.size + 1); // + lm_head.weight
    for (const [name, t] of ckpt.tensors) {
      const source = name === "lm_head.weight" ? "model.embed_tokens.weight" : name;
      assert.deepEqual(t.shape, st.get(source).shape, name);
      const got = await ckpt.readF32(name), want = await st.readF32(source);
      assert.deepEqual(got, want, name);
      if (t.shape.length === 2) {
        // A block of rows cutting through heads equals those rows of the whole.
        const cols = t.shape[1], start = 3, count = 6;
        assert.deepEqual(
          await ckpt.readF32(name, start, count),
          want.slice(start * cols, (start + count) * cols),
          `${name} rows`,
        );
      }
    }
    // Without the un-permutation q_proj would differ: the test can fail.
    const raw = ckpt.header.tensors.find((t) => t.name === "blk.0.attn_q.weight")!;
    assert.equal(raw.type, "F32");
    const q = await st.readF32("model.layers.0.self_attn.q_proj.weight");
    const bytes = await storiesGgufBytes();
    const ggufRow = (r: number) =>
      new Float32Array(bytes.slice(raw.offset + r * 256, raw.offset + (r + 1) * 256).buffer);
    assert.deepEqual(ggufRow(0), q.slice(0, 64));
    assert.deepEqual(ggufRow(1), q.slice(4 * 64, 5 * 64)); // HF row headDim/2
    assert.notDeepEqual(ggufRow(1), q.slice(64, 128));
  } finally {
    ckpt.close();
    st.close();
  }
});

Deno.test("gguf: the Q/K row map inverts llama.cpp's permute", () => {
  // convert_hf_to_gguf.py: reshape(heads, 2, D/2, cols).swapaxes(1, 2): HF row
  // h*D + i*D/2 + j goes to GGUF row h*D + 2j + i.
  const D = 8, heads = 3;
  const gguf = new Int32Array(heads * D);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < D / 2; j++) gguf[h * D + 2 * j + i] = h * D + i * D / 2 + j;
    }
  }
  for (const [start, count] of [[0, 24], [5, 7], [8, 8], [23, 1]]) {
    const map = unpermutedRows(D, start, count);
    assert.equal(map.first % D, 0);
    for (let k = 0; k < count; k++) {
      assert.equal(gguf[map.first + map.source[k]], start + k, `row ${start + k}`);
    }
  }
});

const TEXTS = [
  "Once upon a time, there was a little girl named Lily.",
  "  leading spaces and\nnew lines\n\n",
  "Numbers 12345 and symbols #@!~",
  "Unicode: café, naïve, 日本語, emoji 🎉",
  "",
];

Deno.test("gguf: stories260K's tokenizer from metadata encodes and decodes as tokenizer.json", async () => {
  const { ckpt, tokenizer } = await openStoriesGguf();
  ckpt.close();
  const files = await openSource(STORIES);
  const want = Tokenizer.fromText(
    await files.text("tokenizer.json"),
    await files.text("tokenizer_config.json"),
    "tokenizer.json",
  );
  const json = JSON.parse(await files.text("tokenizer.json"));
  const built = ggufTokenizerFiles(ckpt.metadata).tokenizer as { model: { merges: unknown } };
  assert.deepEqual(built.model.merges, json.model.merges);
  for (const text of TEXTS) {
    for (const addSpecialTokens of [true, false]) {
      const ids = tokenizer.encode(text, { addSpecialTokens });
      assert.deepEqual(ids, want.encode(text, { addSpecialTokens }), JSON.stringify(text));
      assert.equal(tokenizer.decode(ids), want.decode(ids), JSON.stringify(text));
    }
    assert.equal(tokenizer.decode(tokenizer.encode(text, { addSpecialTokens: false })), text);
  }
  assert.equal(tokenizer.bosId, 1);
  assert.deepEqual(tokenizer.eosIds, [2]);
  assert.equal(tokenizer.chatTemplate, null);
});

Deno.test("gguf: the writer's files read back with the same metadata and tensors", async () => {
  const data = Float32Array.from({ length: 6 }, (_, i) => i - 2.5);
  const bytes = writeGguf({
    metadata: {
      "general.architecture": gguf.string("llama"),
      "a.u32": gguf.u32(7),
      "a.u64": gguf.u64(2n ** 40n),
      "a.f32": gguf.f32(0.5),
      "a.bool": gguf.bool(true),
      "a.strings": gguf.strings(["x", "", "日本"]),
      "a.floats": gguf.f32s([1, 2.5]),
    },
    tensors: [
      { name: "t.weight", type: "F32", ne: [3, 2], data: f32Bytes(data) },
      { name: "v", type: "F32", ne: [5], data: f32Bytes([1, 2, 3, 4, 5]) },
    ],
    alignment: 64,
  });
  const h = await readGgufHeader(memoryReader("w.gguf", bytes));
  assert.equal(h.alignment, 64);
  assert.equal(h.dataStart % 64, 0);
  assert.deepEqual(h.metadata.get("a.u32"), { type: "uint32", value: 7 });
  assert.deepEqual(h.metadata.get("a.u64"), { type: "uint64", value: 2n ** 40n });
  assert.deepEqual(h.metadata.get("a.bool"), { type: "bool", value: true });
  assert.deepEqual(h.metadata.get("a.strings")?.value, ["x", "", "日本"]);
  assert.deepEqual(h.metadata.get("a.floats")?.value, new Float32Array([1, 2.5]));
  assert.deepEqual(h.tensors.map((t) => [t.name, t.ne, t.rows, t.rowBytes]), [
    ["t.weight", [3, 2], 2, 12],
    ["v", [5], 1, 20],
  ]);
  assert.equal(h.tensors[1].offset % 64, 0);
  assert.deepEqual(
    new Float32Array(bytes.slice(h.tensors[0].offset, h.tensors[0].offset + 24).buffer),
    data,
  );
});

/** readGgufHeader (or openGgufModel) must refuse `bytes` with a FormatError matching `pattern`. */
async function assertRefused(bytes: Uint8Array, pattern: RegExp, whole = false) {
  const attempt = whole
    ? openGgufModel(memorySource("mem", { "bad.gguf": bytes }), "bad.gguf").then((m) =>
      m.ckpt.close()
    )
    : readGgufHeader(memoryReader("bad.gguf", bytes));
  await assert.rejects(attempt, (e: Error) => {
    assert.ok(e instanceof FormatError, `expected a FormatError, got ${e}`);
    assert.match(e.message, /bad\.gguf/);
    assert.match(e.message, pattern);
    return true;
  });
}

function patchU32(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(at, value, true);
  return out;
}

function patchU64(bytes: Uint8Array, at: number, value: bigint): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setBigUint64(at, value, true);
  return out;
}

Deno.test("gguf: malformed headers are refused naming the file and what is wrong", async () => {
  const good = await storiesGgufBytes();
  await assertRefused(patchU32(good, 0, 0x46554748), /not a GGUF file: it starts with "HGUF"/);
  await assertRefused(patchU32(good, 4, 1), /GGUF version 1 is not supported; supported: 2, 3/);
  await assertRefused(patchU32(good, 4, 3 << 24), /GGUF version 50331648 is not supported/);
  await assertRefused(good.slice(0, 10), /truncated/);
  await assertRefused(good.slice(0, 5000), /truncated: .* at byte \d+ needs \d+ bytes/);
  await assertRefused(patchU64(good, 8, 1n << 40n), /tensor_count is 1099511627776, more than/);
  await assertRefused(patchU64(good, 16, 1n << 20n), /kv_count is 1048576, more than/);

  const unk = good.findIndex((_, i) => String.fromCharCode(...good.subarray(i, i + 5)) === "<unk>");
  const badUtf8 = good.slice();
  badUtf8[unk + 1] = 0xff;
  await assertRefused(badUtf8, /metadata tokenizer\.ggml\.tokens\[0\] is not valid UTF-8/);
  const q = tensorInfoAt(good, "blk.2.attn_q.weight");
  await assertRefused(
    patchU32(good, q.typeAt, 200),
    /tensor blk\.2\.attn_q\.weight: unknown ggml type id 200/,
  );
  await assertRefused(
    patchU32(good, q.typeAt, 16),
    /tensor blk\.2\.attn_q\.weight: ggml type IQ2_XXS \(id 16\) is not supported; supported: .*Q4_K/,
  );
  await assertRefused(
    patchU32(good, q.typeAt - 16, 0),
    /tensor blk\.2\.attn_q\.weight: ne\[0\] is 0/,
  );
  await assertRefused(
    patchU32(good, q.typeAt - 20, 7),
    /tensor blk\.2\.attn_q\.weight: n_dims is 7; expected 1\.\.4/,
  );
  const last = tensorInfoAt(good, "blk.4.ffn_norm.weight");
  await assertRefused(
    patchU64(good, last.offsetAt, 1n << 32n),
    /tensor blk\.4\.ffn_norm\.weight: data offset 4294967296 \(byte \d+\) is beyond the end of the file \(1185376 bytes\)/,
  );
  await assertRefused(
    patchU64(good, last.offsetAt, 1n << 60n),
    /tensor blk\.4\.ffn_norm\.weight's offset is 1152921504606846976, more than the limit/,
  );
  await assertRefused(
    patchU64(good, last.offsetAt, 1056n),
    /tensor blk\.4\.ffn_norm\.weight: data at byte \d+ overlaps tensor /,
  );
  await assertRefused(
    patchU64(good, last.offsetAt, 1170945n),
    /blk\.4\.ffn_norm\.weight: data offset 1170945 is not a multiple of the alignment 32/,
  );
  await assertRefused(
    good.slice(0, good.length - 100),
    /tensor blk\.4\.ffn_norm\.weight: data \[\d+, 1185376\) .* runs past the end of the file \(1185276 bytes\): the file is truncated/,
  );
});

Deno.test("gguf: metadata of the wrong type or range names the key", async () => {
  const good = await storiesGgufBytes();
  const cases: [(m: Map<string, GgufValue>) => void, RegExp][] = [
    [
      (m) => m.set("llama.block_count", gguf.string("5")),
      /metadata llama\.block_count must be an integer in \[1, 1024\], got string "5"/,
    ],
    [
      (m) => m.set("llama.block_count", gguf.u32(1 << 30)),
      /llama\.block_count must be an integer in \[1, 1024\], got uint32 1073741824/,
    ],
    [
      (m) => m.delete("llama.embedding_length"),
      /llama\.embedding_length must be .*got nothing \(missing\)/,
    ],
    [
      (m) => m.set("llama.attention.layer_norm_rms_epsilon", gguf.f32(1e30)),
      /layer_norm_rms_epsilon must be a float in/,
    ],
    [
      (m) => m.set("general.architecture", gguf.string("qwen2")),
      /general\.architecture is "qwen2"; Loupe runs only "llama" models/,
    ],
    [
      (m) => m.set("tokenizer.ggml.tokens", gguf.f32s([1, 2])),
      /tokenizer\.ggml\.tokens must be an array of strings, got an array of 2 float32/,
    ],
    [
      (m) => m.set("tokenizer.ggml.scores", gguf.f32s([1, 2])),
      /tokenizer\.ggml\.scores must be an array of 512 float32/,
    ],
    [
      (m) => m.set("tokenizer.ggml.model", gguf.string("bert")),
      /tokenizer\.ggml\.model must be "llama" \(SentencePiece\) or "gpt2"/,
    ],
    [
      (m) => m.set("tokenizer.ggml.bos_token_id", gguf.u32(9999)),
      /bos_token_id must be a token id below/,
    ],
    [
      (m) => m.set("llama.rope.dimension_count", gguf.u32(4)),
      /dimension_count must be the head dimension 8/,
    ],
    [
      (m) => m.set("general.alignment", gguf.u32(24)),
      /general\.alignment must be a uint32 power of two/,
    ],
  ];
  for (const [edit, pattern] of cases) {
    await assertRefused(await rewriteGguf(good, (m) => edit(m)), pattern, true);
  }
});

Deno.test("gguf: .gguf sources split into a folder source and a file; version 2 reads", async () => {
  const cases: [string, { folder: string; file: string } | null][] = [
    ["models/x", null],
    ["x.gguf", { folder: ".", file: "x.gguf" }],
    ["/abs/dir/x.GGUF", { folder: "/abs/dir", file: "x.GGUF" }],
    ["file:///abs/x.gguf", { folder: "file:///abs", file: "x.gguf" }],
    ["https://host/a/b/x.gguf", { folder: "https://host/a/b", file: "x.gguf" }],
    ["hf:o/n/x.gguf", { folder: "hf:o/n", file: "x.gguf" }],
    ["hf:o/n/sub/x.gguf", { folder: "hf:o/n", file: "sub/x.gguf" }],
    ["hf:o/n@refs/pr/3/x.gguf", { folder: "hf:o/n@refs/pr/3", file: "x.gguf" }],
  ];
  for (const [src, want] of cases) assert.deepEqual(splitFileSource(src), want, src);
  assert.throws(() => splitFileSource("hf:o/x.gguf"), /expected hf:owner\/name\/file\.gguf/);
  const v2 = writeGguf({
    metadata: { "k": gguf.string("v") },
    tensors: [{ name: "t", type: "F32", ne: [2], data: f32Bytes([1, 2]) }],
    version: 2,
  });
  const h = await readGgufHeader(memoryReader("v2.gguf", v2));
  assert.equal(h.version, 2);
  assert.deepEqual(h.metadata.get("k"), { type: "string", value: "v" });
});
