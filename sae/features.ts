// Feature inspection: what a feature's decoder direction does to the logits
// if it reached the output directly (the "logit lens" of an SAE feature).

import type { WeightMatrix } from "../engine/quant/matrix.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { dequantizeRows } from "../engine/quant/format.ts";
import { linear } from "../shaders/linear.ts";
import { topFeatures } from "../shaders/sae_topk.ts";
import type { Sae } from "./sae.ts";

/** A token and how much a feature's direction moves its logit. */
export interface TokenEffect {
  /** Token id. */
  token: number;
  /** Logit change per unit of feature activation. */
  value: number;
}

/** The decoder row of one feature, [d_in], read back (d_in floats, or its q8 codes and scales). */
export async function decoderRow(sae: Sae, feature: number): Promise<Float32Array> {
  if (!Number.isInteger(feature) || feature < 0 || feature >= sae.dSae) {
    throw new Error(`decoderRow: feature ${feature} outside [0, ${sae.dSae})`);
  }
  const m = sae.weights.wDec;
  if (m.format !== "f32") {
    const c = m.chunks.findLast((c) => c.rowStart <= feature)!;
    const l = m.layout, r = feature - c.rowStart;
    const words = new Uint32Array(
      await sae.gpu.read(c.words.buffer, c.words.offset + r * l.wordsPerRow * 4, l.wordsPerRow * 4),
    );
    const scales = new Uint16Array(
      await sae.gpu.read(
        c.scales.buffer,
        c.scales.offset + r * l.scalesPerRow * 2,
        l.scalesPerRow * 2,
      ),
    );
    return dequantizeRows({ words, scales }, l);
  }
  const chunk = m.chunks.findLast((c) => c.rowStart <= feature)!;
  const t = chunk.tensor;
  const bytes = await sae.gpu.read(
    t.buffer,
    t.offset + (feature - chunk.rowStart) * m.cols * 4,
    m.cols * 4,
  );
  return new Float32Array(bytes);
}

/**
 * logits = lmHead [vocab, d_in] @ (W_dec[feature] * normWeight): the feature's
 * direction through the final RMSNorm's weight (its per-token scale left out,
 * since it depends on the rest of the residual stream) and the LM head. Returns
 * the k tokens it raises most and the k it lowers most, largest effect first.
 */
export async function featureLogitEffects(
  sae: Sae,
  feature: number,
  normWeight: Tensor<"f32">,
  lmHead: WeightMatrix,
  k: number,
): Promise<{ up: TokenEffect[]; down: TokenEffect[] }> {
  if (lmHead.gpu !== sae.gpu || normWeight.gpu !== sae.gpu) {
    throw new Error(
      `featureLogitEffects: lm_head is on ${lmHead.gpu.name} but ${sae.describe} on ${sae.gpu.name}; ` +
        `load the SAE on the device of the head (engine.head.gpu)`,
    );
  }
  if (normWeight.size !== sae.dIn || lmHead.cols !== sae.dIn) {
    throw new Error(
      `featureLogitEffects: normWeight [${normWeight.shape}] and lm_head [${lmHead.rows}, ` +
        `${lmHead.cols}] must have d_in ${sae.dIn}`,
    );
  }
  const row = await decoderRow(sae, feature);
  const weight = await normWeight.toArray();
  const gpu = sae.gpu;
  const direction = Tensor.from(
    gpu,
    "featureLogitEffects.direction",
    row.map((v, i) => v * weight[i]),
    [1, sae.dIn],
    "f32",
  );
  const owned = [direction];
  try {
    const vocab = lmHead.rows;
    const logits = Tensor.empty(gpu, "featureLogitEffects.logits", [1, vocab], "f32");
    owned.push(logits);
    const make = (name: string) => {
      const idx = Tensor.empty(gpu, `featureLogitEffects.${name}.idx`, [1, k], "u32");
      const val = Tensor.empty(gpu, `featureLogitEffects.${name}.val`, [1, k], "f32");
      owned.push(idx as unknown as Tensor<"f32">, val);
      return { idx, val };
    };
    const up = make("up"), down = make("down");
    Tensor.record(gpu, "featureLogitEffects", (rec) => {
      linear(rec, direction, lmHead, logits);
      topFeatures(rec, logits, k, up.idx, up.val, 1);
      topFeatures(rec, logits, k, down.idx, down.val, -1);
    });
    const list = async (r: typeof up) => {
      const [idx, val] = [await r.idx.toArray(), await r.val.toArray()];
      return [...idx].map((token, i) => ({ token, value: val[i] }));
    };
    return { up: await list(up), down: await list(down) };
  } finally {
    for (const t of owned) t.dispose();
  }
}

/**
 * Every decoder row projected onto `directions` [dims, d_in] (row-major):
 * out [d_sae, dims] = W_dec @ directions^T, on the GPU in one linear() over
 * W_dec in any of its formats, so only d_sae x dims floats come back (16 MB
 * for 65,536 features and 64 directions, against 1 GiB for W_dec itself).
 * The feature map projects this way before its layout.
 */
export async function decoderProjection(
  sae: Sae,
  directions: Float32Array,
  dims: number,
): Promise<Float32Array> {
  if (!Number.isInteger(dims) || dims < 1 || directions.length !== dims * sae.dIn) {
    throw new Error(
      `decoderProjection: directions hold ${directions.length} values, expected ${dims} x ` +
        `d_in ${sae.dIn}`,
    );
  }
  const gpu = sae.gpu, n = sae.dSae;
  const x = Tensor.from(gpu, "decoderProjection.directions", directions, [dims, sae.dIn], "f32");
  const out = Tensor.empty(gpu, "decoderProjection.out", [dims, n], "f32");
  try {
    Tensor.record(gpu, "decoderProjection", (rec) => linear(rec, x, sae.weights.wDec, out));
    const t = await out.toArray(); // [dims, d_sae]
    const rows = new Float32Array(n * dims);
    for (let j = 0; j < dims; j++) {
      for (let i = 0; i < n; i++) rows[i * dims + j] = t[j * n + i];
    }
    return rows;
  } finally {
    x.dispose();
    out.dispose();
  }
}
