// deno task peers-wide OUT_DIR [--check-template PEERS_DIR] [--seed N]
//
// The wider model of issue 18's peer comparison (2048 wide, 4 layers, 32,000
// tokens) for /work/shared/peers' harness, which ships ONNX exports of the
// two tiny models only. Writes
//   OUT_DIR/models/wide-2048/   HF Llama folder Loupe loads (bf16 safetensors)
//   OUT_DIR/onnx/wide-2048/     the same weights for transformers.js: config,
//                               tokenizer, onnx/model.onnx (f32),
//                               model_quantized.onnx (q8, MatMulInteger),
//                               model_nbits8.onnx and model_q4.onnx (MatMulNBits)
// then runs the harness with
//   LOUPE_SHARED=OUT_DIR PEERS_ONNX=OUT_DIR/onnx bash /work/shared/peers/run.sh \
//     CHECKOUT --models wide-2048 --formats f32,q8,q4 --budget-min 0
// Weights: seeded uniform values of standard deviation 0.02 (bench/synthetic.ts'
// SeededFill, bf16, so both engines read identical values), norms 1, tied
// embeddings as tinystories-656k. Tokenizer: tinystories-656k's (from
// tests/fixtures) with filler tokens up to 32,000, so every id decodes.
//
// --check-template PEERS_DIR first rebuilds tinystories-656k's four ONNX files
// from its fixture weights and compares them, node by node and tensor by
// tensor, with PEERS_DIR/onnx/tinystories-656k/onnx/*.onnx (the harness's own
// exports, checked against transformers when made): the generator must write
// the graph the harness already trusts. Fails if PEERS_DIR is missing.

import { writeSafetensors } from "../engine/formats/safetensors.ts";
import { readSafetensorsHeader } from "../engine/formats/safetensors_header.ts";
import { toFloat32 } from "../engine/formats/dtype.ts";
import {
  type F32Tensor,
  llamaGraph,
  type LlamaShape,
  ONNX_FILE,
  type OnnxFormat,
} from "./onnx_llama.ts";
import { modelProto, writeMessage } from "./onnx_proto.ts";
import { quantizeGraph } from "./onnx_quant.ts";
import { compareOnnx } from "./onnx_compare.ts";
import { fnv1a, SeededFill } from "./synthetic.ts";

const FIXTURE = new URL("../tests/fixtures/models/tinystories-656k/", import.meta.url).pathname;
export const WIDE_NAME = "wide-2048";

/** tinystories-656k's config.json with the wide model's widths (head_dim 64, as Llama's). */
export const WIDE_CONFIG = {
  architectures: ["LlamaForCausalLM"],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 1,
  eos_token_id: 2,
  hidden_act: "silu",
  hidden_size: 2048,
  initializer_range: 0.02,
  intermediate_size: 5632,
  max_position_embeddings: 2048,
  mlp_bias: false,
  model_type: "llama",
  num_attention_heads: 32,
  num_hidden_layers: 4,
  num_key_value_heads: 8,
  pretraining_tp: 1,
  rms_norm_eps: 1e-6,
  rope_scaling: null,
  rope_theta: 10000.0,
  tie_word_embeddings: true,
  torch_dtype: "bfloat16",
  transformers_version: "4.41.2",
  use_cache: true,
  vocab_size: 32000,
};

/** HF tensor names and shapes of a Llama config (no lm_head when tied). */
export function llamaTensors(c: LlamaShape): { name: string; shape: number[] }[] {
  const h = c.hidden_size, i = c.intermediate_size, d = c.head_dim ?? h / c.num_attention_heads;
  const q = c.num_attention_heads * d, kv = c.num_key_value_heads * d;
  const out = [{ name: "model.embed_tokens.weight", shape: [c.vocab_size, h] }];
  for (let l = 0; l < c.num_hidden_layers; l++) {
    const p = `model.layers.${l}.`;
    out.push(
      { name: p + "input_layernorm.weight", shape: [h] },
      { name: p + "mlp.down_proj.weight", shape: [h, i] },
      { name: p + "mlp.gate_proj.weight", shape: [i, h] },
      { name: p + "mlp.up_proj.weight", shape: [i, h] },
      { name: p + "post_attention_layernorm.weight", shape: [h] },
      { name: p + "self_attn.k_proj.weight", shape: [kv, h] },
      { name: p + "self_attn.o_proj.weight", shape: [h, q] },
      { name: p + "self_attn.q_proj.weight", shape: [q, h] },
      { name: p + "self_attn.v_proj.weight", shape: [kv, h] },
    );
  }
  out.push({ name: "model.norm.weight", shape: [h] });
  if (!c.tie_word_embeddings) out.push({ name: "lm_head.weight", shape: [c.vocab_size, h] });
  return out;
}

/** Seeded bf16 weights: matrices of standard deviation `scale`, norms exactly 1. */
export function seededWeights(c: LlamaShape, seed: number, scale = 0.02) {
  return llamaTensors(c).map(({ name, shape }) => {
    const n = shape.reduce((a, b) => a * b, 1), bits = new Uint16Array(n + (n & 1));
    if (shape.length === 1) bits.fill(0x3f80); // bf16 1.0
    else new SeededFill(seed ^ fnv1a(name), scale, "bf16").bf16(new Uint32Array(bits.buffer));
    return { name, shape, bits: bits.subarray(0, n) };
  });
}

const bf16ToF32 = (bits: Uint16Array) => {
  const out = new Float32Array(bits.length), u = new Uint32Array(out.buffer);
  for (let i = 0; i < bits.length; i++) u[i] = bits[i] << 16;
  return out;
};

/**
 * tokenizer.json with filler tokens `▁fillN` (N = id) in the BPE vocabulary up to
 * `vocabSize`: no merge produces them, so encoding is unchanged, and they decode
 * to " fillN".
 */
export function extendTokenizer(json: string, vocabSize: number): string {
  const t = JSON.parse(json);
  const vocab: Record<string, number> = t.model?.vocab;
  if (t.model?.type !== "BPE" || !vocab) {
    throw new Error("extendTokenizer: expects a BPE tokenizer.json");
  }
  const ids = Object.values(vocab),
    next = Math.max(...ids, ...t.added_tokens.map((a: { id: number }) => a.id)) + 1;
  if (next > vocabSize) {
    throw new Error(`extendTokenizer: already ${next} tokens, more than ${vocabSize}`);
  }
  for (let id = next; id < vocabSize; id++) {
    const piece = `\u2581fill${id}`;
    if (piece in vocab) throw new Error(`extendTokenizer: ${piece} is already a token`);
    vocab[piece] = id;
  }
  return JSON.stringify(t);
}

/** Writes the four ONNX files of a config and its f32 weights into `dir`; returns their sizes. */
export async function writeOnnxFiles(
  dir: string,
  c: LlamaShape,
  weight: (name: string) => F32Tensor,
  log = console.error,
): Promise<Record<string, number>> {
  await Deno.mkdir(dir, { recursive: true });
  const graph = llamaGraph(c, weight), sizes: Record<string, number> = {};
  for (const format of ["f32", "q8", "nbits8", "q4"] as OnnxFormat[]) {
    const t0 = performance.now();
    const g = format === "f32" ? graph : quantizeGraph(graph, format);
    const m = modelProto(g);
    await writeMessage(`${dir}/${ONNX_FILE[format]}`, m);
    sizes[ONNX_FILE[format]] = m.length;
    log(
      `  ${ONNX_FILE[format]}: ${(m.length / 2 ** 20).toFixed(1)} MiB, ${g.nodes.length} nodes (${
        ((performance.now() - t0) / 1000).toFixed(1)
      } s)`,
    );
  }
  return sizes;
}

/** The wide model's HF and ONNX folders under `out`. */
export async function writeWide(out: string, seed = 1, log = console.error) {
  const c = WIDE_CONFIG, hf = `${out}/models/${WIDE_NAME}`, onnx = `${out}/onnx/${WIDE_NAME}`;
  await Deno.mkdir(hf, { recursive: true });
  await Deno.mkdir(`${onnx}/onnx`, { recursive: true });
  const t0 = performance.now();
  const tensors = seededWeights(c, seed);
  const tokenizer = extendTokenizer(
    await Deno.readTextFile(`${FIXTURE}tokenizer.json`),
    c.vocab_size,
  );
  const text: Record<string, string> = {
    "config.json": JSON.stringify(c, null, 2) + "\n",
    "generation_config.json": await Deno.readTextFile(`${FIXTURE}generation_config.json`),
    "tokenizer.json": tokenizer,
    "tokenizer_config.json": await Deno.readTextFile(`${FIXTURE}tokenizer_config.json`),
    "special_tokens_map.json": await Deno.readTextFile(`${FIXTURE}special_tokens_map.json`),
  };
  for (const [file, body] of Object.entries(text)) {
    await Deno.writeTextFile(`${hf}/${file}`, body);
    await Deno.writeTextFile(`${onnx}/${file}`, body);
  }
  const st = writeSafetensors(
    tensors.map((t) => ({ name: t.name, dtype: "BF16", shape: t.shape, data: t.bits })),
    { format: "pt" },
  );
  await Deno.writeFile(`${hf}/model.safetensors`, st);
  log(
    `${hf}: model.safetensors ${(st.length / 2 ** 20).toFixed(1)} MiB (${
      ((performance.now() - t0) / 1000).toFixed(1)
    } s)`,
  );
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const weight = (name: string): F32Tensor => {
    const t = byName.get(name);
    if (!t) throw new Error(`writeWide: no tensor ${name}`);
    return { shape: t.shape, data: bf16ToF32(t.bits) };
  };
  log(`${onnx}/onnx:`);
  await writeOnnxFiles(`${onnx}/onnx`, c, weight, log);
}

/** Rebuilds tinystories-656k's ONNX files from the fixture and compares them with the harness's. */
export async function checkTemplate(peers: string, log = console.error): Promise<boolean> {
  const templates = `${peers}/onnx/tinystories-656k/onnx`;
  try {
    await Deno.stat(`${templates}/model.onnx`);
  } catch {
    throw new Error(
      `--check-template: ${templates}/model.onnx is missing (the peers harness's ONNX exports)`,
    );
  }
  const c = JSON.parse(await Deno.readTextFile(`${FIXTURE}config.json`)) as LlamaShape;
  const file = await Deno.readFile(`${FIXTURE}model.safetensors`);
  const header = await readSafetensorsHeader({
    name: "model.safetensors",
    size: file.length,
    read: (offset: number, length: number) => Promise.resolve(file.slice(offset, offset + length)),
    close: () => {},
  });
  const weight = (name: string): F32Tensor => {
    const t = header.tensors.find((x) => x.name === name);
    if (!t) throw new Error(`checkTemplate: the fixture has no tensor ${name}`);
    const bytes = file.subarray(t.offset, t.offset + t.byteLength);
    return { shape: t.shape, data: toFloat32(bytes, t.dtype as "BF16") };
  };
  const tmp = await Deno.makeTempDir({ prefix: "peers-wide-check-" });
  try {
    await writeOnnxFiles(tmp, c, weight, () => {});
    let ok = true;
    for (const f of Object.values(ONNX_FILE)) {
      const r = compareOnnx(
        await Deno.readFile(`${tmp}/${f}`),
        await Deno.readFile(`${templates}/${f}`),
      );
      log(`template ${f}: ${r.ok ? "same graph" : "DIFFERS"}; ${r.summary}`);
      for (const p of r.problems.slice(0, 8)) log(`    ${p}`);
      ok &&= r.ok;
    }
    return ok;
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

if (import.meta.main) {
  const args = [...Deno.args];
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i < 0 ? undefined : args.splice(i, 2)[1];
  };
  const peers = opt("check-template"), seed = Number(opt("seed") ?? 1);
  const out = args[0];
  if (!out && !peers) {
    console.error("usage: deno task peers-wide OUT_DIR [--check-template PEERS_DIR] [--seed N]");
    Deno.exit(2);
  }
  if (peers && !await checkTemplate(peers)) Deno.exit(1);
  if (out) await writeWide(out.replace(/\/+$/, ""), seed);
}
