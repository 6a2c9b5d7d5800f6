// Rewrites the f32 Llama graph's weight MatMuls (B an f32 [K, N] initializer
// named *_T) into the peers' quantized forms:
//   q8:     DynamicQuantizeLinear on the activation (once per activation) +
//           MatMulInteger against per-tensor asymmetric uint8 weights, as
//           onnxruntime.quantization.quantize_dynamic writes it (its node and
//           tensor names, weight_type QUInt8);
//   nbits:  com.microsoft MatMulNBits, blocks of 32 along K, one f32 scale per
//           block, no zero-point input (implicit 2^(bits-1)), as onnxruntime's
//           MatMulNBitsQuantizer writes symmetric blocks.
// The plain-TS quantizers are the formats' definitions; tests/onnx_quant_test.ts
// checks them against dequantization.

import type { OnnxModel, OnnxNode, OnnxTensor } from "./onnx_proto.ts";
import { DT } from "./onnx_proto.ts";

export const NBITS_BLOCK = 32;

/**
 * Per-tensor asymmetric uint8 (onnxruntime's QUInt8): the range includes 0,
 * scale = (max - min) / 255, zero point = round(-min / scale), q = clamp(round(w / scale) + zp).
 */
export function quantizeU8(w: Float32Array): { q: Uint8Array; scale: number; zeroPoint: number } {
  let lo = 0, hi = 0;
  for (const x of w) lo = Math.min(lo, x), hi = Math.max(hi, x);
  // numpy float32 arithmetic, as onnxruntime.quantization's quantize_data.
  const f = Math.fround;
  const scale = hi > lo ? f(f(hi - lo) / 255) : 1;
  const zeroPoint = Math.min(255, Math.max(0, roundEven(f(-lo / scale))));
  const q = new Uint8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    q[i] = Math.min(255, Math.max(0, roundEven(f(w[i] / scale)) + zeroPoint));
  }
  return { q, scale, zeroPoint };
}

/** numpy's rounding (half to even), as onnxruntime's quantizers use. */
function roundEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * MatMulNBits weights for a [K, N] matrix: q [N, K/32, 32 * bits / 8] (4-bit:
 * the even element in the low nibble), scales [N, K/32]. Each block's scale is
 * its largest-magnitude value (with sign) / -2^(bits-1), so that value maps to
 * 0 and the rest to round(w / scale) + 2^(bits-1), clamped to [0, 2^bits - 1].
 */
export function quantizeNBits(w: Float32Array, K: number, N: number, bits: 4 | 8) {
  if (K % NBITS_BLOCK !== 0) {
    throw new Error(`quantizeNBits: K=${K} is not a multiple of the block size ${NBITS_BLOCK}`);
  }
  const blocks = K / NBITS_BLOCK, perBlock = (NBITS_BLOCK * bits) / 8;
  const zp = 1 << (bits - 1), max = (1 << bits) - 1;
  const q = new Uint8Array(N * blocks * perBlock), scales = new Float32Array(N * blocks);
  const vals = new Int32Array(NBITS_BLOCK);
  for (let n = 0; n < N; n++) {
    for (let b = 0; b < blocks; b++) {
      // The block's extreme: the min if |min| >= |max|, else the max (the templates' choice on ties).
      let lo = 0, hi = 0;
      for (let k = b * NBITS_BLOCK; k < (b + 1) * NBITS_BLOCK; k++) {
        lo = Math.min(lo, w[k * N + n]), hi = Math.max(hi, w[k * N + n]);
      }
      const f = Math.fround, big = Math.abs(lo) >= Math.abs(hi) ? lo : hi;
      const scale = f(big / -zp), inv = scale ? f(1 / scale) : 0;
      scales[n * blocks + b] = scale;
      for (let i = 0; i < NBITS_BLOCK; i++) {
        const v = f(f(w[(b * NBITS_BLOCK + i) * N + n] * inv) + zp);
        // roundf: half away from zero (v >= 0 here up to clamping).
        vals[i] = Math.min(max, Math.max(0, Math.sign(v) * Math.round(Math.abs(v))));
      }
      const at = (n * blocks + b) * perBlock;
      if (bits === 8) q.set(vals, at);
      else for (let i = 0; i < perBlock; i++) q[at + i] = vals[2 * i] | (vals[2 * i + 1] << 4);
    }
  }
  return { q, scales };
}

const u8 = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The f32 graph with its weight MatMuls quantized (`format` as in ONNX_FILE). */
export function quantizeGraph(g: OnnxModel, format: "q8" | "nbits8" | "q4"): OnnxModel {
  const weights = new Map(g.initializers.map((t) => [t.name, t]));
  const isWeight = (n: OnnxNode) =>
    n.op === "MatMul" && weights.get(n.inputs[1])?.dims.length === 2 &&
    n.inputs[1].endsWith("_T");
  const replaced = new Set(g.nodes.filter(isWeight).map((n) => n.inputs[1]));
  const inits: OnnxTensor[] = g.initializers.filter((t) => !replaced.has(t.name));
  const nodes: OnnxNode[] = [];
  const quantizedInputs = new Set<string>();
  for (const n of g.nodes) {
    if (!isWeight(n)) {
      nodes.push(n);
      continue;
    }
    const [a, wName] = n.inputs, out = n.outputs[0], name = n.name!;
    const w = weights.get(wName)!, [K, N] = w.dims;
    const data = new Float32Array(w.raw!.buffer, w.raw!.byteOffset, K * N);
    if (format === "q8") {
      const { q, scale, zeroPoint } = quantizeU8(data);
      inits.push(
        { name: `${wName}_scale`, dataType: DT.FLOAT, dims: [], floatData: [scale] },
        { name: `${wName}_zero_point`, dataType: DT.UINT8, dims: [], int32Data: [zeroPoint] },
        { name: `${wName}_quantized`, dataType: DT.UINT8, dims: [K, N], raw: q },
      );
      if (!quantizedInputs.has(a)) {
        quantizedInputs.add(a);
        nodes.push({
          op: "DynamicQuantizeLinear",
          name: `${a}_QuantizeLinear`,
          inputs: [a],
          outputs: [`${a}_quantized`, `${a}_scale`, `${a}_zero_point`],
        });
      }
      const scales = `${name}_quant_scales_mul:0`, acc = `${out}_output_quantized`;
      nodes.push(
        {
          op: "Mul",
          name: `${name}_quant_scales_mul`,
          inputs: [`${a}_scale`, `${wName}_scale`],
          outputs: [scales],
        },
        {
          op: "MatMulInteger",
          name: `${name}_quant`,
          inputs: [
            `${a}_quantized`,
            `${wName}_quantized`,
            `${a}_zero_point`,
            `${wName}_zero_point`,
          ],
          outputs: [acc],
        },
        {
          op: "Cast",
          name: `${acc}_cast`,
          inputs: [acc],
          outputs: [`${acc}_cast_output`],
          attrs: { to: DT.FLOAT },
        },
        {
          op: "Mul",
          name: `${name}_quant_output_scale_mul`,
          inputs: [`${acc}_cast_output`, scales],
          outputs: [out],
        },
      );
    } else {
      const bits = format === "q4" ? 4 : 8, tag = `Q${bits}`;
      const { q, scales } = quantizeNBits(data, K, N, bits);
      const blocks = K / NBITS_BLOCK;
      inits.push(
        {
          name: `${wName}_${tag}`,
          dataType: DT.UINT8,
          dims: [N, blocks, (NBITS_BLOCK * bits) / 8],
          raw: q,
        },
        { name: `${wName}_scales`, dataType: DT.FLOAT, dims: [N, blocks], raw: u8(scales) },
      );
      nodes.push({
        op: "MatMulNBits",
        name: `${name}_${tag}`,
        domain: "com.microsoft",
        inputs: [a, `${wName}_${tag}`, `${wName}_scales`],
        outputs: [out],
        attrs: { K, N, bits, block_size: NBITS_BLOCK },
      });
    }
  }
  return {
    ...g,
    nodes,
    initializers: inits,
    ...(format === "q8"
      ? {
        producer: "onnx.quantize",
        producerVersion: "0.1.0",
        metadata: { "onnx.infer": "onnxruntime.quant" },
      }
      : {}),
  };
}
