// A sparse autoencoder on one GPU: load it from Goodfire's or SAELens' files,
// then encode, decode, pick top features, measure the reconstruction error and
// steer, all recorded into a Recorder with no readback. The *ToArray methods
// are the slow convenience path: they submit, wait and read back.
//
// Ownership: methods that return a Tensor allocate it (the caller disposes it)
// unless `out` is given; steer edits x in place. Intermediates live in scratch
// buffers owned by the Sae, reused across calls and freed by dispose().

import type { Gpu } from "../engine/gpu/gpu.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { openSource } from "../engine/formats/source.ts";
import { readWeightMatrix } from "../engine/quant/matrix.ts";
import { saeDecode } from "../shaders/sae_decode.ts";
import { saeEncode, type SaeGpuWeights } from "../shaders/sae_encode.ts";
import { saeSparseDecode } from "../shaders/sae_sparse_decode.ts";
import { topFeatures, topkMask } from "../shaders/sae_topk.ts";
import {
  openSaeSpec,
  type SaeActivation,
  type SaeFormat,
  splitSaeSource as splitFormatSource,
} from "./format.ts";
import type { SaeHostWeights } from "./reference.ts";
import { type FeatureEdit, planEdits, steerCheap, steerFull, type SteerMethod } from "./steer.ts";
import { type SaeQuant, uploadSae } from "./upload.ts";

export type { SaeInfo, SaeLoadOptions, TopFeatures } from "./types.ts";
import type { SaeInfo, SaeLoadOptions, TopFeatures } from "./types.ts";
export { splitSaeSource } from "./format.ts";

/**
 * A sparse autoencoder on one device: f = act(x W_enc^T + b_enc) with
 * x [T, d_in] and f [T, d_sae], x_hat = f W_dec + b_dec. Load it with
 * {@link Sae.load}, attach it to a module with {@link attachSae}, steer with
 * {@link steering}. The `*ToArray` methods take and return host arrays; the
 * others record GPU work on a {@link Recorder} (no readback). Free it with
 * `dispose()`.
 */
export class Sae {
  /** The device holding its weights. */
  readonly gpu: Gpu;
  /** Prefix of its GPU labels. */
  readonly label: string;
  /** The file layout it came from ("synthetic" for Sae.fromWeights). */
  readonly format: SaeFormat | "synthetic";
  /** Where it was loaded from, for messages. */
  readonly describe: string;
  /** Input width (the module's width). */
  readonly dIn: number;
  /** Number of features. */
  readonly dSae: number;
  /** ReLU, JumpReLU (with thresholds) or TopK. */
  readonly activation: SaeActivation;
  /** SAELens' centering: b_dec is subtracted from x before encoding. */
  readonly applyBDecToInput: boolean;
  /** SAELens' cfg.json, or null for Goodfire files. */
  readonly config: Record<string, unknown> | null;
  /**
   * The weights on the GPU, as the kernels read them.
   * @ignore
   */
  readonly weights: SaeGpuWeights;
  readonly #scratch = new Map<string, Tensor<"f32">>();
  readonly #retired: Tensor<"f32">[] = [];
  #disposed = false;

  private constructor(gpu: Gpu, label: string, spec: SaeInfo, weights: SaeGpuWeights) {
    this.gpu = gpu;
    this.label = label;
    this.format = spec.format;
    this.describe = spec.describe;
    this.dIn = spec.dIn;
    this.dSae = spec.dSae;
    this.activation = spec.activation;
    this.applyBDecToInput = spec.applyBDecToInput;
    this.config = spec.config;
    this.weights = weights;
  }

  /**
   * Loads a Goodfire .pth, a Goodfire or SAELens .safetensors (SAELens needs
   * its cfg.json beside it), or a SAELens folder; local, http(s) or hf:.
   * Nothing stays allocated on the GPU if loading fails.
   */
  static async load(
    source: string,
    device: Gpu | { gpu: Gpu },
    opts: SaeLoadOptions = {},
  ): Promise<Sae> {
    // An Engine (or anything holding a Gpu) may be passed: its first device.
    const gpu = "device" in device ? device : device.gpu;
    const { folder, prefix, file } = splitFormatSource(source);
    const spec = await openSaeSpec(await openSource(folder, opts.source), prefix, file);
    try {
      const label = opts.label ?? "sae";
      return new Sae(gpu, label, spec, await uploadSae(gpu, spec, label, opts.quant));
    } finally {
      spec.file.close();
    }
  }

  /**
   * An SAE over weights already on the GPU (e.g. random ones for benchmarks);
   * it owns them from now on. W_enc and W_dec must be [d_sae, d_in].
   */
  static fromWeights(
    gpu: Gpu,
    weights: SaeGpuWeights,
    opts: { activation?: SaeActivation; label?: string } = {},
  ): Sae {
    const { rows: dSae, cols: dIn } = weights.wEnc;
    const act = opts.activation ?? { kind: "relu" };
    if (
      weights.wDec.rows !== dSae || weights.wDec.cols !== dIn || weights.bEnc.size !== dSae ||
      weights.bDec.size !== dIn || (act.kind === "jumprelu") !== !!weights.threshold
    ) {
      throw new Error(`Sae.fromWeights: weights do not fit W_enc [${dSae}, ${dIn}]`);
    }
    const label = opts.label ?? "sae";
    return new Sae(gpu, label, {
      format: "synthetic",
      describe: `${label} (d_in ${dIn}, d_sae ${dSae}, ${weights.wEnc.format})`,
      dIn,
      dSae,
      activation: act,
      applyBDecToInput: weights.center,
      config: null,
    }, weights);
  }

  /** Device format of W_enc and W_dec. */
  get quant(): SaeQuant {
    return this.weights.wEnc.format === "f32" ? "f32" : "q8";
  }

  #alive(op: string) {
    if (this.#disposed) throw new Error(`${this.label}.${op}: the SAE was disposed`);
  }

  #checkX(op: string, x: Tensor<"f32">): number {
    this.#alive(op);
    if (x.shape.length !== 2 || x.shape[1] !== this.dIn || x.dtype !== "f32") {
      throw new Error(`${this.label}.${op}: x [${x.shape}] must be f32 [T, ${this.dIn}]`);
    }
    return x.shape[0];
  }

  /**
   * A scratch tensor of this shape, reused across calls. A buffer too small is
   * replaced but kept until dispose: dispatches recorded but not yet submitted
   * may still use it.
   */
  scratch(name: string, shape: readonly number[]): Tensor<"f32"> {
    const bytes = shape.reduce((a, b) => a * b, 1) * 4;
    let t = this.#scratch.get(name);
    if (!t || t.byteLength < bytes) {
      if (t) this.#retired.push(t);
      const elems = Math.max(bytes / 4, (t?.size ?? 0) * 2);
      t = Tensor.empty(this.gpu, `${this.label}.scratch.${name}`, [elems], "f32");
      this.#scratch.set(name, t);
    }
    return new Tensor(this.gpu, t.buffer, shape, "f32", 0, false);
  }

  /** Features [T, d_sae] of x [T, d_in], activation included. */
  encode(rec: Recorder, x: Tensor<"f32">, out?: Tensor<"f32">): Tensor<"f32"> {
    const T = this.#checkX("encode", x);
    const f = out ?? Tensor.empty(this.gpu, `${this.label}.features`, [T, this.dSae], "f32");
    const a = this.activation;
    const centered = this.weights.center
      ? this.scratch("encode.centered", [T, this.dIn])
      : undefined;
    saeEncode(rec, x, this.weights, a.kind === "topk" ? "none" : a.kind, f, { centered });
    if (a.kind === "topk") topkMask(rec, f, a.k);
    return f;
  }

  /** Reconstruction [T, d_in] of features f [T, d_sae]. */
  decode(rec: Recorder, f: Tensor<"f32">, out?: Tensor<"f32">): Tensor<"f32"> {
    this.#alive("decode");
    const o = out ??
      Tensor.empty(this.gpu, `${this.label}.reconstruction`, [f.shape[0], this.dIn], "f32");
    saeDecode(rec, f, this.weights.wDec, this.weights.bDec, o);
    return o;
  }

  /** Reconstruction [T, d_in] from per-token (indices, values) [T, k], e.g. topFeatures. */
  decodeSparse(rec: Recorder, top: TopFeatures, out?: Tensor<"f32">): Tensor<"f32"> {
    this.#alive("decodeSparse");
    const T = top.indices.shape[0];
    const o = out ?? Tensor.empty(this.gpu, `${this.label}.reconstruction`, [T, this.dIn], "f32");
    saeSparseDecode(rec, top.indices, top.values, this.weights.wDec, this.weights.bDec, o);
    return o;
  }

  /**
   * Runs fn over blocks of tokens small enough that [n, d_sae] fits one binding.
   * Blocks start on rows whose byte offsets (rows of `rowBytes` bytes: x's and
   * any per-token output's) meet the storage-offset alignment, since each block
   * binds row views of x and the outputs.
   */
  #tokenBlocks(
    op: string,
    x: Tensor<"f32">,
    fn: (x: Tensor<"f32">, start: number) => void,
    rowBytes: readonly number[] = [],
  ) {
    const T = x.shape[0];
    const align = this.gpu.device.limits.minStorageBufferOffsetAlignment;
    const gcd = (a: number, b: number): number => b === 0 ? a : gcd(b, a % b);
    const unit = [this.dIn * 4, ...rowBytes].reduce((u, r) => {
      const need = align / gcd(align, r);
      return u * need / gcd(u, need);
    }, 1);
    const per = Math.floor(this.gpu.maxBindingBytes / (this.dSae * 4) / unit) * unit;
    if (per < 1) {
      if (T <= Math.floor(this.gpu.maxBindingBytes / (this.dSae * 4)) && T > 0) return fn(x, 0);
      throw new Error(
        `${this.label}.${op}: ${unit} tokens' features (the aligned block) exceed a binding`,
      );
    }
    if (T <= per) return fn(x, 0);
    for (let s = 0; s < T; s += per) fn(x.rows(s, Math.min(per, T - s)), s);
  }

  /** The k largest features of each token of x: indices and values [T, k], no readback. */
  topFeatures(rec: Recorder, x: Tensor<"f32">, k: number): TopFeatures {
    const T = this.#checkX("topFeatures", x);
    const indices = Tensor.empty(this.gpu, `${this.label}.top.indices`, [T, k], "u32");
    const values = Tensor.empty(this.gpu, `${this.label}.top.values`, [T, k], "f32");
    try {
      this.#tokenBlocks("topFeatures", x, (xb, s) => {
        const n = xb.shape[0];
        const f = this.encode(rec, xb, this.scratch("top.features", [n, this.dSae]));
        topFeatures(rec, f, k, indices.rows(s, n), values.rows(s, n));
      }, [k * 4]);
    } catch (e) {
      indices.dispose();
      values.dispose();
      throw e;
    }
    return { indices, values };
  }

  /** x - decode(encode(x)) [T, d_in]: what the SAE misses. */
  error(rec: Recorder, x: Tensor<"f32">, out?: Tensor<"f32">): Tensor<"f32"> {
    const T = this.#checkX("error", x);
    const o = out ?? Tensor.empty(this.gpu, `${this.label}.error`, [T, this.dIn], "f32");
    this.#tokenBlocks("error", x, (xb, s) => {
      const f = this.encode(rec, xb, this.scratch("error.features", [xb.shape[0], this.dSae]));
      const ob = o.rows(s, xb.shape[0]);
      saeDecode(rec, f, this.weights.wDec, this.weights.bDec, ob, { alpha: -1, residual: xb });
    });
    return o;
  }

  /**
   * Applies feature edits to the residual stream x [T, d_in] in place. method
   * "cheap" (default) adds W_dec^T (f' - f) over the edited features; "full"
   * computes decode(f') + (x - decode(f)). Both give the same x' (to f32 rounding).
   */
  steer(
    rec: Recorder,
    x: Tensor<"f32">,
    edits: readonly FeatureEdit[],
    opts: { method?: SteerMethod } = {},
  ): Tensor<"f32"> {
    const T = this.#checkX("steer", x);
    const plan = planEdits(edits, this.dSae, T);
    if (plan.length === 0) return x;
    const ctx = {
      weights: this.weights,
      activation: this.activation,
      scratch: (n: string, s: readonly number[]) => this.scratch(n, s),
      encode: (r: Recorder, xb: Tensor<"f32">, out: Tensor<"f32">) => void this.encode(r, xb, out),
    };
    const method = opts.method ?? "cheap";
    if (method !== "cheap" && method !== "full") {
      throw new Error(`${this.label}.steer: method must be "cheap" or "full", got ${method}`);
    }
    const needsDense = method === "full" || this.activation.kind === "topk";
    if (!needsDense) {
      steerCheap(rec, ctx, x, plan);
      return x;
    }
    this.#tokenBlocks("steer", x, (xb, s) => {
      const n = xb.shape[0];
      const local = plan.map((p) => ({
        ...p,
        positions: p.positions &&
          p.positions.filter((t) => t >= s && t < s + n).map((t) => t - s),
      })).filter((p) => !p.positions || p.positions.length > 0);
      if (local.length === 0) return;
      (method === "full" ? steerFull : steerCheap)(rec, ctx, xb, local);
    });
    return x;
  }

  // ---- slow path: submit, wait, read back -----------------------------------

  /**
   * Uploads `data` as rows of `width`, records `fn` on them in a submission of
   * its own, reads back every tensor it returns, and frees them all.
   */
  async #host(
    label: string,
    data: Float32Array,
    width: number,
    fn: (rec: Recorder, x: Tensor<"f32">) => Tensor[],
  ): Promise<(Float32Array | Uint32Array | Int32Array)[]> {
    if (data.length % width !== 0) {
      throw new Error(`${this.label}.${label}: ${data.length} values are not rows of ${width}`);
    }
    const rows = data.length / width;
    const x = Tensor.from(this.gpu, `${this.label}.${label}.x`, data, [rows, width], "f32");
    const made: Tensor[] = [x];
    try {
      const rec = new Recorder(this.gpu, `${this.label}.${label}`);
      const out = fn(rec, x);
      rec.submit();
      made.push(...out.filter((t) => t !== x));
      const read = [];
      for (const t of out) read.push(await t.toArray());
      return read;
    } finally {
      for (const t of made) t.dispose();
    }
  }

  /** Features [T * d_sae] of x [T * d_in]. */
  async encodeToArray(x: Float32Array): Promise<Float32Array> {
    const [f] = await this.#host("encode", x, this.dIn, (rec, t) => [this.encode(rec, t)]);
    return f as Float32Array;
  }

  /** Reconstruction [T * d_in] of features f [T * d_sae]. */
  async decodeToArray(f: Float32Array): Promise<Float32Array> {
    const [x] = await this.#host("decode", f, this.dSae, (rec, t) => [this.decode(rec, t)]);
    return x as Float32Array;
  }

  /** x - decode(encode(x)) [T * d_in]. */
  async errorToArray(x: Float32Array): Promise<Float32Array> {
    const [e] = await this.#host("error", x, this.dIn, (rec, t) => [this.error(rec, t)]);
    return e as Float32Array;
  }

  /** Per token, the k largest features: ids and values, [T * k] each. */
  async topFeaturesToArray(
    x: Float32Array,
    k: number,
  ): Promise<{ indices: Uint32Array; values: Float32Array }> {
    const [indices, values] = await this.#host("topFeatures", x, this.dIn, (rec, t) => {
      const top = this.topFeatures(rec, t, k);
      return [top.indices, top.values];
    });
    return { indices: indices as Uint32Array, values: values as Float32Array };
  }

  /** x' for x [T * d_in] and edits. */
  async steerToArray(
    x: Float32Array,
    edits: readonly FeatureEdit[],
    opts: { method?: SteerMethod } = {},
  ): Promise<Float32Array> {
    const [out] = await this.#host(
      "steer",
      x,
      this.dIn,
      (rec, t) => [this.steer(rec, t, edits, opts)],
    );
    return out as Float32Array;
  }

  /**
   * Every weight back on the CPU, in the GPU layout (W_enc, W_dec: [d_sae,
   * d_in]); quantized matrices as the f32 values they stand for.
   */
  async readWeights(): Promise<SaeHostWeights> {
    this.#alive("readWeights");
    const w = this.weights;
    return {
      wEnc: await readWeightMatrix(w.wEnc),
      wDec: await readWeightMatrix(w.wDec),
      bEnc: await w.bEnc.toArray(),
      bDec: await w.bDec.toArray(),
      threshold: w.threshold ? await w.threshold.toArray() : null,
    };
  }

  /** Frees its GPU buffers; later calls throw. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const w = this.weights;
    w.wEnc.dispose();
    w.wDec.dispose();
    w.bEnc.dispose();
    w.bDec.dispose();
    w.threshold?.dispose();
    for (const t of [...this.#scratch.values(), ...this.#retired]) t.dispose();
    this.#scratch.clear();
  }
}
