// Llama weights on one device, streamed from a checkpoint tensor by tensor (and
// row slab by row slab), so peak host memory stays near one slab, not the file.
// Every tensor's shape is checked against config.json before it is uploaded; a
// failed load destroys whatever it had allocated.

import type { Gpu } from "../gpu/gpu.ts";
import { Matrix } from "../gpu/matrix.ts";
import { Tensor } from "../gpu/tensor.ts";
import type { LlamaConfig } from "../formats/config.ts";
import type { SafetensorsCheckpoint } from "../formats/safetensors.ts";

/** Host bytes read per upload step; bounds peak memory while loading. */
const SLAB_BYTES = 16 * 1024 * 1024;

export interface LayerWeights {
  inputNorm: Tensor<"f32">; // [hidden]
  q: Matrix; // [heads * headDim, hidden]
  k: Matrix; // [kvHeads * headDim, hidden]
  v: Matrix; // [kvHeads * headDim, hidden]
  o: Matrix; // [hidden, heads * headDim]
  postNorm: Tensor<"f32">; // [hidden]
  gate: Matrix; // [intermediate, hidden]
  up: Matrix; // [intermediate, hidden]
  down: Matrix; // [hidden, intermediate]
}

export interface LlamaWeights {
  embed: Matrix; // [vocab, hidden]
  layers: LayerWeights[];
  norm: Tensor<"f32">; // [hidden]
  /** [vocab, hidden]; the same object as `embed` when embeddings are tied. */
  lmHead: Matrix;
}

export type LoadProgress = (done: number, total: number, tensor: string) => void;

/** The HF tensor names this config needs, with their expected shapes. */
export function expectedTensors(c: LlamaConfig): Map<string, number[]> {
  const h = c.hiddenSize,
    qDim = c.numAttentionHeads * c.headDim,
    kvDim = c.numKeyValueHeads * c.headDim;
  const m = new Map<string, number[]>();
  m.set("model.embed_tokens.weight", [c.vocabSize, h]);
  for (let l = 0; l < c.numHiddenLayers; l++) {
    const p = `model.layers.${l}.`;
    m.set(p + "input_layernorm.weight", [h]);
    m.set(p + "self_attn.q_proj.weight", [qDim, h]);
    m.set(p + "self_attn.k_proj.weight", [kvDim, h]);
    m.set(p + "self_attn.v_proj.weight", [kvDim, h]);
    m.set(p + "self_attn.o_proj.weight", [h, qDim]);
    m.set(p + "post_attention_layernorm.weight", [h]);
    m.set(p + "mlp.gate_proj.weight", [c.intermediateSize, h]);
    m.set(p + "mlp.up_proj.weight", [c.intermediateSize, h]);
    m.set(p + "mlp.down_proj.weight", [h, c.intermediateSize]);
  }
  m.set("model.norm.weight", [h]);
  if (!c.tieWordEmbeddings) m.set("lm_head.weight", [c.vocabSize, h]);
  return m;
}

/** Checks names and shapes before anything touches the GPU. */
export function checkCheckpoint(c: LlamaConfig, ckpt: SafetensorsCheckpoint, where: string): void {
  for (const [name, shape] of expectedTensors(c)) {
    const info = ckpt.tensors.get(name);
    if (!info) {
      const hint = name === "lm_head.weight"
        ? " (config.json says tie_word_embeddings is false)"
        : "";
      throw new Error(`${where}: tensor ${name} is missing${hint}; expected shape [${shape}]`);
    }
    if (info.shape.length !== shape.length || info.shape.some((d, i) => d !== shape[i])) {
      throw new Error(
        `${where}: tensor ${name} in ${info.file} has shape [${info.shape}], ` +
          `but config.json implies [${shape}]`,
      );
    }
  }
}

export interface LoadWeightsOptions {
  /** Device format of the weight matrices. Only "f32" is implemented so far. */
  format: "f32" | "q8" | "q4";
  onProgress?: LoadProgress;
}

export async function loadWeights(
  gpu: Gpu,
  c: LlamaConfig,
  ckpt: SafetensorsCheckpoint,
  where: string,
  options: LoadWeightsOptions,
): Promise<LlamaWeights> {
  if (options.format !== "f32") {
    throw new Error(`quant "${options.format}" is not implemented yet; use "f32"`);
  }
  const onProgress = options.onProgress;
  checkCheckpoint(c, ckpt, where);
  const expected = expectedTensors(c);
  const owned: { dispose(): void }[] = [];
  let done = 0;
  const total = expected.size;
  const step = (name: string) => onProgress?.(++done, total, name);

  const vector = async (name: string): Promise<Tensor<"f32">> => {
    const data = await ckpt.readF32(name);
    const t = Tensor.from(gpu, name, data, [data.length], "f32");
    owned.push(t);
    step(name);
    return t;
  };
  const matrix = async (name: string): Promise<Matrix> => {
    const [rows, cols] = expected.get(name)!;
    const m = Matrix.create(gpu, name, rows, cols);
    owned.push(m);
    const slabRows = Math.max(1, Math.floor(SLAB_BYTES / (cols * 4)));
    for (let r = 0; r < rows; r += slabRows) {
      const n = Math.min(slabRows, rows - r);
      m.writeRows(r, await ckpt.readF32(name, r, n));
    }
    step(name);
    return m;
  };

  try {
    const embed = await matrix("model.embed_tokens.weight");
    const layers: LayerWeights[] = [];
    for (let l = 0; l < c.numHiddenLayers; l++) {
      const p = `model.layers.${l}.`;
      layers.push({
        inputNorm: await vector(p + "input_layernorm.weight"),
        q: await matrix(p + "self_attn.q_proj.weight"),
        k: await matrix(p + "self_attn.k_proj.weight"),
        v: await matrix(p + "self_attn.v_proj.weight"),
        o: await matrix(p + "self_attn.o_proj.weight"),
        postNorm: await vector(p + "post_attention_layernorm.weight"),
        gate: await matrix(p + "mlp.gate_proj.weight"),
        up: await matrix(p + "mlp.up_proj.weight"),
        down: await matrix(p + "mlp.down_proj.weight"),
      });
    }
    const norm = await vector("model.norm.weight");
    const lmHead = c.tieWordEmbeddings ? embed : await matrix("lm_head.weight");
    return { embed, layers, norm, lmHead };
  } catch (e) {
    for (const o of owned) o.dispose();
    throw e;
  }
}

export function disposeWeights(w: LlamaWeights): void {
  w.embed.dispose();
  if (w.lmHead !== w.embed) w.lmHead.dispose();
  w.norm.dispose();
  for (const l of w.layers) {
    for (const t of [l.inputNorm, l.q, l.k, l.v, l.o, l.postNorm, l.gate, l.up, l.down]) {
      t.dispose();
    }
  }
}

/** Bytes of weights held on the device. */
export function weightBytes(w: LlamaWeights): number {
  let n = w.embed.byteLength + w.norm.byteLength + (w.lmHead !== w.embed ? w.lmHead.byteLength : 0);
  for (const l of w.layers) {
    for (const t of [l.inputNorm, l.q, l.k, l.v, l.o, l.postNorm, l.gate, l.up, l.down]) {
      n += t.byteLength;
    }
  }
  return n;
}
