// The peers harness's plain Llama ONNX graph (one op per step, KV cache as
// past_key_values / present inputs and outputs, transformers.js' input names),
// emitted for any width, depth and vocabulary: the same nodes, names and
// constants as /work/shared/peers/onnx/tinystories-656k/onnx/model.onnx (the
// template check in bench/peers_wide.ts compares them node by node). Weight
// formats are rewrites of the f32 graph's weight MatMuls as the peers' files
// have them: q8 as onnxruntime's dynamic quantization writes it
// (DynamicQuantizeLinear + MatMulInteger, per-tensor asymmetric uint8 weights),
// nbits8 / q4 as MatMulNBits (blocks of 32, symmetric, implicit zero point).

import { DT, type OnnxModel, type OnnxNode, type OnnxTensor } from "./onnx_proto.ts";

/** The config.json fields the graph needs. */
export interface LlamaShape {
  hidden_size: number;
  intermediate_size: number;
  num_hidden_layers: number;
  num_attention_heads: number;
  num_key_value_heads: number;
  vocab_size: number;
  rms_norm_eps: number;
  rope_theta: number;
  max_position_embeddings: number;
  head_dim?: number;
  tie_word_embeddings: boolean;
}

/** An HF tensor ([out, in] for projections) as f32. */
export interface F32Tensor {
  shape: readonly number[];
  data: Float32Array;
}

export type OnnxFormat = "f32" | "q8" | "nbits8" | "q4";

/** The file transformers.js loads for each format (run.mjs: dtype fp32 / q8 / q4, or model_file_name). */
export const ONNX_FILE: Record<OnnxFormat, string> = {
  f32: "model.onnx",
  q8: "model_quantized.onnx",
  nbits8: "model_nbits8.onnx",
  q4: "model_q4.onnx",
};

const bytesOf = (a: Float32Array | BigInt64Array | Uint8Array) =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const i64 = (name: string, v: readonly number[], scalar = false): OnnxTensor => ({
  name,
  dataType: DT.INT64,
  dims: scalar ? [] : [v.length],
  raw: bytesOf(BigInt64Array.from(v.map(BigInt))),
});
const f32 = (name: string, dims: readonly number[], data: Float32Array): OnnxTensor => ({
  name,
  dataType: DT.FLOAT,
  dims,
  raw: bytesOf(data),
});
const f32Scalar = (name: string, v: number) => f32(name, [], Float32Array.of(v));

/** [rows, cols] -> [cols, rows] (HF [out, in] to the graph's [in, out] `_T` weights). */
export function transpose(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
  }
  return out;
}

/** rope/cos and rope/sin: [max_position, head_dim], each frequency twice (rotate_half layout). */
export function ropeTables(positions: number, headDim: number, theta: number) {
  const cos = new Float32Array(positions * headDim), sin = new Float32Array(positions * headDim);
  const half = headDim / 2;
  for (let p = 0; p < positions; p++) {
    for (let j = 0; j < headDim; j++) {
      // f64, rounded once to f32 (the templates' tables match this bit for bit).
      const angle = p / Math.pow(theta, (2 * (j % half)) / headDim);
      cos[p * headDim + j] = Math.cos(angle);
      sin[p * headDim + j] = Math.sin(angle);
    }
  }
  return { cos, sin };
}

/**
 * The f32 graph. `weight(name)` returns HF tensors by their HF names
 * (model.embed_tokens.weight, model.layers.L.self_attn.q_proj.weight, ...);
 * tied embeddings: lm_head_T is the transposed embedding.
 */
export function llamaGraph(c: LlamaShape, weight: (name: string) => F32Tensor): OnnxModel {
  const H = c.hidden_size, nH = c.num_attention_heads, nKv = c.num_key_value_heads;
  const D = c.head_dim ?? H / nH, V = c.vocab_size;
  const nodes: OnnxNode[] = [], inits: OnnxTensor[] = [];
  let counter = 0;
  /** A node; its output is NAME/out0 (NAME defaults to OP_COUNTER, Identity nodes do not count). */
  const node = (op: string, inputs: string[], attrs?: OnnxNode["attrs"], name?: string) => {
    if (op !== "Identity") counter++;
    const n = name ?? `${op}_${counter}`;
    nodes.push({ op, name: n, inputs, outputs: [`${n}/out0`], ...(attrs ? { attrs } : {}) });
    return `${n}/out0`;
  };
  const init = (t: OnnxTensor) => (inits.push(t), t.name);
  const weightT = (hf: string) => {
    const w = weight(hf);
    return init(
      f32(`${hf}_T`, [w.shape[1], w.shape[0]], transpose(w.data, w.shape[0], w.shape[1])),
    );
  };

  const embed = weight("model.embed_tokens.weight");
  init(f32("model.embed_tokens.weight", embed.shape, embed.data));
  const rope = ropeTables(c.max_position_embeddings, D, c.rope_theta);
  init(f32("rope/cos", [c.max_position_embeddings, D], rope.cos));
  init(f32("rope/sin", [c.max_position_embeddings, D], rope.sin));
  for (const [n, v] of [["ax1", 1], ["ax1b", 1]] as const) init(i64(n, [v]));
  for (
    const [n, v] of [["one_s", 1], ["one_s2", 1], ["one_scalar", 1], ["zero_scalar", 0]] as const
  ) {
    init(i64(n, [v], true));
  }
  init(i64("ax0", [0]));
  init(i64("ax1c", [1]));
  init(i64("ax12", [1, 2]));
  init(f32Scalar("mask0", 0));
  init(f32Scalar("maskmin", -3.4028234663852886e38));

  // Embedding, RoPE rows for position_ids, and the causal + padding mask.
  let x = node("Gather", ["model.embed_tokens.weight", "input_ids"], undefined, "embed_tokens");
  const cos = node("Unsqueeze", [node("Gather", ["rope/cos", "position_ids"]), "ax1"]);
  const sin = node("Unsqueeze", [node("Gather", ["rope/sin", "position_ids"]), "ax1b"]);
  const total = node("Gather", [node("Shape", ["attention_mask"]), "one_s"], { axis: 0 });
  const seq = node("Gather", [node("Shape", ["input_ids"]), "one_s2"], { axis: 0 });
  const rows = node("Range", [node("Sub", [total, seq]), total, "one_scalar"]);
  const cols = node("Range", ["zero_scalar", total, "one_scalar"]);
  const causal = node("LessOrEqual", [
    node("Unsqueeze", [cols, "ax0"]),
    node("Unsqueeze", [rows, "ax1c"]),
  ]);
  const pad = node("Unsqueeze", [node("Cast", ["attention_mask"], { to: DT.BOOL }), "ax12"]);
  const mask = node("Where", [node("And", [causal, pad]), "mask0", "maskmin"]);

  const rmsNorm = (input: string, prefix: string, w: string) => {
    init(f32Scalar(`${prefix}/two`, 2));
    init(f32Scalar(`${prefix}/eps`, c.rms_norm_eps));
    init(f32(w, [H], weight(w).data));
    const p = (s: string) => `${prefix}/${s}`;
    const pow = node("Pow", [input, p("two")], undefined, p("Pow"));
    const mean = node("ReduceMean", [pow], { axes: [-1], keepdims: 1 }, p("ReduceMean"));
    const sqrt = node(
      "Sqrt",
      [node("Add", [mean, p("eps")], undefined, p("Add"))],
      undefined,
      p("Sqrt"),
    );
    const rec = node("Reciprocal", [sqrt], undefined, p("Reciprocal"));
    const mul = node("Mul", [input, rec], undefined, p("Mul"));
    return node("Mul", [w, mul], undefined, p("Mul_1"));
  };
  const proj = (input: string, l: number, mod: string, which: string) =>
    node(
      "MatMul",
      [input, weightT(`model.layers.${l}.${mod}.${which}.weight`)],
      undefined,
      `model/layers/${l}/${mod}/${which}/MatMul`,
    );
  const rotate = (t: string, key: string) => {
    const s = (i: number) => node("Slice", [t, `${key}/s${i}`, `${key}/e${i}`, `${key}/a${i}`]);
    const first = s(0), second = s(1);
    const rot = node("Concat", [node("Neg", [second]), first], { axis: 3 });
    return node("Add", [node("Mul", [t, cos]), node("Mul", [rot, sin])]);
  };

  for (let l = 0; l < c.num_hidden_layers; l++) {
    const L = `l${l}`, hf = `model.layers.${l}.`;
    const h = rmsNorm(x, `/layers.${l}/input_layernorm`, `${hf}input_layernorm.weight`);
    const heads = (p: string, key: string, n: number) => {
      const out = proj(h, l, "self_attn", p);
      init(i64(`${L}/${key}`, [0, 0, n, D]));
      return node("Transpose", [node("Reshape", [out, `${L}/${key}`])], { perm: [0, 2, 1, 3] });
    };
    const q = heads("q_proj", "qs", nH),
      k = heads("k_proj", "ks", nKv),
      v = heads("v_proj", "vs", nKv);
    for (const r of ["rq", "rk"]) {
      for (const [i, s, e] of [[0, 0, D / 2], [1, D / 2, D]]) {
        init(i64(`${L}/${r}/s${i}`, [s]));
        init(i64(`${L}/${r}/e${i}`, [e]));
        init(i64(`${L}/${r}/a${i}`, [3]));
      }
    }
    const qr = rotate(q, `${L}/rq`), kr = rotate(k, `${L}/rk`);
    const present = (kind: string, t: string) =>
      node("Concat", [`past_key_values.${l}.${kind}`, t], { axis: 2 }, `present.${l}.${kind}/node`);
    const kAll = present("key", kr), vAll = present("value", v);
    for (const [kind, t] of [["key", kAll], ["value", vAll]]) {
      nodes.push({ op: "Identity", inputs: [t], outputs: [`present.${l}.${kind}`] });
    }
    init(i64(`${L}/rep`, [1, 1, nH / nKv, 1, 1]));
    init(i64(`${L}/reps`, [0, nH, -1, D]));
    init(i64(`${L}/ax2`, [2]));
    init(f32Scalar(`${L}/scale`, 1 / Math.sqrt(D)));
    init(i64(`${L}/os`, [0, 0, nH * D]));
    const repeat = (t: string) =>
      node("Reshape", [
        node("Expand", [node("Unsqueeze", [t, `${L}/ax2`]), `${L}/rep`]),
        `${L}/reps`,
      ]);
    const kRep = repeat(kAll), vRep = repeat(vAll);
    const scores = node("Mul", [
      node("MatMul", [qr, node("Transpose", [kRep], { perm: [0, 1, 3, 2] })]),
      `${L}/scale`,
    ]);
    const probs = node("Softmax", [node("Add", [scores, mask])], { axis: -1 });
    const ctx = node("Transpose", [node("MatMul", [probs, vRep])], { perm: [0, 2, 1, 3] });
    const attn = proj(node("Reshape", [ctx, `${L}/os`]), l, "self_attn", "o_proj");
    x = node("Add", [x, attn]);
    const h2 = rmsNorm(
      x,
      `/layers.${l}/post_attention_layernorm`,
      `${hf}post_attention_layernorm.weight`,
    );
    const gate = proj(h2, l, "mlp", "gate_proj"), up = proj(h2, l, "mlp", "up_proj");
    const act = node("Mul", [node("Mul", [gate, node("Sigmoid", [gate])]), up]);
    x = node("Add", [x, proj(act, l, "mlp", "down_proj")]);
  }
  const hN = rmsNorm(x, "/norm", "model.norm.weight");
  init(i64("ax0k", [0]));
  init({
    name: "end_max",
    dataType: DT.INT64,
    dims: [1],
    raw: bytesOf(BigInt64Array.of(2n ** 63n - 1n)),
  });
  init(i64("ax1k", [1]));
  const last = node("Slice", [
    hN,
    node("Unsqueeze", [node("Neg", ["num_logits_to_keep"]), "ax0k"]),
    "end_max",
    "ax1k",
  ]);
  // Tied or not, the graph keeps its own [hidden, vocab] lm_head.
  const head = c.tie_word_embeddings ? embed : weight("lm_head.weight");
  init(f32("lm_head.weight_T", [H, V], transpose(head.data, V, H)));
  counter++;
  nodes.push({
    op: "MatMul",
    name: "lm_head/MatMul",
    inputs: [last, "lm_head.weight_T"],
    outputs: ["logits"],
  });

  const kv = (p: string, len: string) =>
    Array.from({ length: c.num_hidden_layers }, (_, l) =>
      ["key", "value"].map((s) => ({
        name: `${p}.${l}.${s}`,
        elemType: DT.FLOAT,
        dims: ["batch_size", nKv, len, D],
      }))).flat();
  return {
    producer: "loupe-peers",
    graphName: "llama",
    nodes,
    initializers: inits,
    inputs: [
      { name: "input_ids", elemType: DT.INT64, dims: ["batch_size", "sequence_length"] },
      { name: "attention_mask", elemType: DT.INT64, dims: ["batch_size", "total_sequence_length"] },
      { name: "position_ids", elemType: DT.INT64, dims: ["batch_size", "sequence_length"] },
      ...kv("past_key_values", "past_sequence_length"),
      { name: "num_logits_to_keep", elemType: DT.INT64, dims: [] },
    ],
    outputs: [
      { name: "logits", elemType: DT.FLOAT, dims: ["batch_size", "logits_length", V] },
      ...kv("present", "total_sequence_length"),
    ],
  };
}
