// A sparse autoencoder on one GPU: load it from Goodfire's or SAELens' files,
// then encode, decode, pick top features, measure the reconstruction error and
// steer, with no readback. The *ToArray methods are the slow convenience path:
// they submit, wait and read back.
//
// GPU work is recorded as Tensor ops record it (engine/ops/tensor.ts): into
// the pass running on x's device (an intervention, a trace function's turn),
// or in a submission of its own outside one. So SAE calls compose with Tensor
// ops inside engine.trace, and the device is always x's.
//
// Ownership: methods that return a Tensor make it like a Tensor op does
// (transient inside a pass unless kept, the caller's outside) unless `out` is
// given; steer edits x in place. Intermediates live in scratch buffers owned
// by the Sae, reused across calls and freed by dispose().

import type { Gpu } from "../engine/gpu/gpu.ts";
import type { Recorder } from "../engine/gpu/recorder.ts";
import type { Engine } from "../engine/engine.ts";
import type { FileSource } from "../engine/platform/bytes.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { saeDecode } from "../shaders/sae_decode.ts";
import { saeEncode, type SaeGpuWeights } from "../shaders/sae_encode.ts";
import { saeSparseDecode } from "../shaders/sae_sparse_decode.ts";
import { topFeatures, topkMask } from "../shaders/sae_topk.ts";
import type { SaeActivation, SaeFormat } from "./format.ts";
import type { SaeHostWeights } from "./reference.ts";
import {
  type FeatureEdit,
  planSteer,
  recordSteer,
  steeredFeatures,
  type SteerMethod,
  type SteerOptions,
} from "./steer.ts";
import type { SaeQuant } from "./upload.ts";
import { hostRun, sameDevice, Scratch, tokenBlocks } from "./blocks.ts";
import {
  disposeSaeWeights,
  loadSaeParts,
  readSaeWeights,
  type SaeParts,
  syntheticParts,
} from "./load.ts";
import { editFeature } from "../shaders/sae_edit.ts";
import type { FeatureLabels } from "./labels.ts";
import { FeatureNotes } from "./moderation.ts";

export type { SaeInfo, SaeLoadOptions, TopFeatures } from "./types.ts";
import type { SaeLoadOptions, TopFeatures } from "./types.ts";
export { splitSaeSource } from "./format.ts";

/**
 * A sparse autoencoder on one device: f = act(x W_enc^T + b_enc) with
 * x [T, d_in] and f [T, d_sae], x_hat = f W_dec + b_dec. Load it with
 * {@link Sae.load}, attach it to a module with {@link attachSae}, steer with
 * {@link steering}. The `*ToArray` methods take and return host arrays; the
 * others take and return tensors on the SAE's device and record like Tensor
 * ops: into the running pass (an intervention, a trace), else at once. Free
 * it with `dispose()`.
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
  readonly #scratch: Scratch;
  #disposed = false;
  readonly #notes: FeatureNotes;

  private constructor({ gpu, label, info: spec, weights }: SaeParts) {
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
    this.#scratch = new Scratch(gpu, label);
    this.#notes = new FeatureNotes(spec.dSae, spec.describe);
  }

  /**
   * Loads a Goodfire .pth, a Goodfire or SAELens .safetensors (SAELens needs
   * its cfg.json beside it), or a SAELens folder; local, http(s) or hf:.
   * `device` is a Gpu, or an Engine: then the SAE goes to the device that runs
   * `opts.module` (required when the engine has several devices).
   * A FileSource (say fileListSource over files picked in a browser) holds
   * one SAE: a SAELens folder (cfg.json + sae_weights.safetensors), or the one
   * .pth / .safetensors it lists.
   * Nothing stays allocated on the GPU if loading fails.
   */
  static async load(
    source: string | FileSource,
    device: Gpu | Engine,
    opts: SaeLoadOptions = {},
  ): Promise<Sae> {
    return new Sae(await loadSaeParts(source, device, opts));
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
    return new Sae(syntheticParts(gpu, weights, opts));
  }

  /** Its features' labels (see useLabels), or null. */
  get labels(): FeatureLabels | null {
    return this.#notes.labels;
  }

  /** A feature's label (from useLabels), if it has one. */
  featureLabel(feature: number): string | undefined {
    return this.#notes.labels?.get(feature);
  }

  /**
   * Features hidden from inspection (topFeatures), search, contrast and
   * steering unless a call opts in with `includeModerated: true`.
   */
  get moderated(): ReadonlySet<number> {
    return this.#notes.moderated;
  }

  /** Attaches labels; the features the labels file moderates join the deny list. */
  useLabels(labels: FeatureLabels): void {
    this.#notes.useLabels(labels);
  }

  /** Adds features to the deny list (see `moderated`). */
  moderate(features: Iterable<number>): void {
    this.#notes.moderate(features);
  }

  /** Throws a UsageError naming the moderated features among `features`, unless opted in. */
  checkModerated(what: string, features: Iterable<number>, includeModerated = false): void {
    this.#notes.check(what, features, includeModerated);
  }

  /** Device format of W_enc and W_dec. */
  get quant(): SaeQuant {
    return this.weights.wEnc.format === "f32" ? "f32" : "q8";
  }

  #alive(op: string) {
    if (this.#disposed) throw new Error(`${this.label}.${op}: the SAE was disposed`);
  }

  #checkX(op: string, x: Tensor<"f32">, width = this.dIn): number {
    this.#alive(op);
    if (x.shape.length !== 2 || x.shape[1] !== width || x.dtype !== "f32") {
      throw new Error(`${this.label}.${op}: x [${x.shape}] must be f32 [T, ${width}]`);
    }
    this.#onDevice(op, x);
    return x.shape[0];
  }

  #onDevice(op: string, ...tensors: (Tensor | undefined)[]): void {
    for (const t of tensors) t?.assertUsable();
    sameDevice(`${this.label}.${op}`, this.gpu, this.describe, tensors);
  }

  /** `out`, checked, or a new result tensor (transient inside a pass). */
  #out(op: string, out: Tensor<"f32"> | undefined, shape: number[]): Tensor<"f32"> {
    if (!out) return Tensor.result(this.gpu, `${this.label}.${op}`, shape);
    this.#onDevice(op, out);
    if (out.size !== shape[0] * shape[1]) {
      throw new Error(`${this.label}.${op}: out [${out.shape}] must hold [${shape}]`);
    }
    return out;
  }

  /** Records `fn` into the pass running on the SAE's device, or submits it at once. */
  #record(op: string, fn: (rec: Recorder) => void): void {
    Tensor.record(this.gpu, `${this.label}.${op}`, fn);
  }

  /** A scratch tensor of this shape on the SAE's device, reused across calls (see Scratch). */
  scratch(name: string, shape: readonly number[]): Tensor<"f32"> {
    return this.#scratch.get(name, shape);
  }

  /** Features [T, d_sae] of x [T, d_in], activation included. */
  encode(x: Tensor<"f32">, out?: Tensor<"f32">): Tensor<"f32"> {
    const T = this.#checkX("encode", x);
    const f = this.#out("features", out, [T, this.dSae]);
    this.#record("encode", (rec) => this.#encode(rec, x, f));
    return f;
  }

  #encode(rec: Recorder, x: Tensor<"f32">, f: Tensor<"f32">): void {
    const T = x.shape[0], a = this.activation;
    const centered = this.weights.center
      ? this.scratch("encode.centered", [T, this.dIn])
      : undefined;
    saeEncode(rec, x, this.weights, a.kind === "topk" ? "none" : a.kind, f, { centered });
    if (a.kind === "topk") topkMask(rec, f, a.k);
  }

  /** Reconstruction [T, d_in] of features f [T, d_sae]. */
  decode(f: Tensor<"f32">, out?: Tensor<"f32">): Tensor<"f32"> {
    const T = this.#checkX("decode", f, this.dSae);
    const o = this.#out("reconstruction", out, [T, this.dIn]);
    this.#record("decode", (rec) => saeDecode(rec, f, this.weights.wDec, this.weights.bDec, o));
    return o;
  }

  /** Reconstruction [T, d_in] from per-token (indices, values) [T, k], e.g. topFeatures. */
  decodeSparse(top: TopFeatures, out?: Tensor<"f32">): Tensor<"f32"> {
    this.#alive("decodeSparse");
    this.#onDevice("decodeSparse", top.indices, top.values);
    const o = this.#out("reconstruction", out, [top.indices.shape[0], this.dIn]);
    const { wDec, bDec } = this.weights;
    this.#record("decodeSparse", (rec) => {
      saeSparseDecode(rec, top.indices, top.values, wDec, bDec, o);
    });
    return o;
  }

  /**
   * The k largest features of each token of x: indices and values [T, k], no
   * readback. Moderated features are left out (zeroed before the selection)
   * unless `includeModerated`.
   */
  topFeatures(
    x: Tensor<"f32">,
    k: number,
    opts: { includeModerated?: boolean } = {},
  ): TopFeatures {
    const T = this.#checkX("topFeatures", x);
    const indices = Tensor.result(this.gpu, `${this.label}.top.indices`, [T, k], "u32");
    const values = Tensor.result(this.gpu, `${this.label}.top.values`, [T, k]);
    try {
      this.#record(
        "topFeatures",
        (rec) =>
          tokenBlocks(`${this.label}.topFeatures`, this.dSae, x, (xb, s) => {
            const n = xb.shape[0];
            const f = this.scratch("top.features", [n, this.dSae]);
            this.#encode(rec, xb, f);
            // One dispatch per hidden feature: deny lists are short.
            if (!opts.includeModerated) {
              for (const m of this.#notes.moderated) editFeature(rec, f, m, { op: "ablate" }, null);
            }
            topFeatures(rec, f, k, indices.rows(s, n), values.rows(s, n));
          }, [k * 4]),
      );
    } catch (e) {
      indices.dispose();
      values.dispose();
      throw e;
    }
    return { indices, values };
  }

  /** x - decode(encode(x)) [T, d_in]: what the SAE misses. */
  error(x: Tensor<"f32">, out?: Tensor<"f32">): Tensor<"f32"> {
    const T = this.#checkX("error", x);
    const o = this.#out("error", out, [T, this.dIn]);
    this.#record("error", (rec) =>
      tokenBlocks(`${this.label}.error`, this.dSae, x, (xb, s) => {
        const f = this.scratch("error.features", [xb.shape[0], this.dSae]);
        this.#encode(rec, xb, f);
        const ob = o.rows(s, xb.shape[0]);
        saeDecode(rec, f, this.weights.wDec, this.weights.bDec, ob, { alpha: -1, residual: xb });
      }));
    return o;
  }

  /**
   * Applies feature edits to the residual stream x [T, d_in] in place. method
   * "cheap" (default) adds W_dec^T (f' - f) over the edited features; "full"
   * computes decode(f') + (x - decode(f)). Both give the same x' (to f32 rounding).
   * opts.stop raises stop conditions on a flag in the same pass (steering() does).
   */
  steer(
    x: Tensor<"f32">,
    edits: readonly FeatureEdit[],
    opts: SteerOptions = {},
  ): Tensor<"f32"> {
    const T = this.#checkX("steer", x);
    const stop = opts.stop;
    const plan = planSteer(edits, stop?.conditions ?? [], this.dSae, T);
    const read = steeredFeatures(edits, stop?.conditions);
    this.checkModerated("steer", read, opts.includeModerated);
    if (plan.edits.length === 0 && plan.stops.length === 0) return x;
    if (stop) this.#onDevice("steer", stop.flag);
    const ctx = {
      weights: this.weights,
      activation: this.activation,
      scratch: (n: string, s: readonly number[]) => this.scratch(n, s),
      encode: (r: Recorder, xb: Tensor<"f32">, out: Tensor<"f32">) => this.#encode(r, xb, out),
    };
    const record = (fn: (rec: Recorder) => void) => this.#record("steer", fn);
    recordSteer(
      record,
      ctx,
      `${this.label}.steer`,
      this.dSae,
      x,
      plan,
      opts.method ?? "cheap",
      stop && { flag: stop.flag, positionStart: stop.positionStart },
    );
    return x;
  }

  // ---- slow path: submit, wait, read back -----------------------------------

  /** Features [T * d_sae] of x [T * d_in]. */
  async encodeToArray(x: Float32Array): Promise<Float32Array> {
    const [f] = await hostRun(
      this.gpu,
      `${this.label}.encode`,
      x,
      this.dIn,
      (t) => [this.encode(t)],
    );
    return f as Float32Array;
  }

  /** Reconstruction [T * d_in] of features f [T * d_sae]. */
  async decodeToArray(f: Float32Array): Promise<Float32Array> {
    const [x] = await hostRun(
      this.gpu,
      `${this.label}.decode`,
      f,
      this.dSae,
      (t) => [this.decode(t)],
    );
    return x as Float32Array;
  }

  /** x - decode(encode(x)) [T * d_in]. */
  async errorToArray(x: Float32Array): Promise<Float32Array> {
    const [e] = await hostRun(this.gpu, `${this.label}.error`, x, this.dIn, (t) => [this.error(t)]);
    return e as Float32Array;
  }

  /** Per token, the k largest features: ids and values, [T * k] each. */
  async topFeaturesToArray(
    x: Float32Array,
    k: number,
    opts: { includeModerated?: boolean } = {},
  ): Promise<{ indices: Uint32Array; values: Float32Array }> {
    const [indices, values] = await hostRun(
      this.gpu,
      `${this.label}.topFeatures`,
      x,
      this.dIn,
      (t) => {
        const top = this.topFeatures(t, k, opts);
        return [top.indices, top.values];
      },
    );
    return { indices: indices as Uint32Array, values: values as Float32Array };
  }

  /** x' for x [T * d_in] and edits. */
  async steerToArray(
    x: Float32Array,
    edits: readonly FeatureEdit[],
    opts: { method?: SteerMethod; includeModerated?: boolean } = {},
  ): Promise<Float32Array> {
    const [out] = await hostRun(
      this.gpu,
      `${this.label}.steer`,
      x,
      this.dIn,
      (t) => [this.steer(t, edits, opts)],
    );
    return out as Float32Array;
  }

  /**
   * Every weight back on the CPU, in the GPU layout (W_enc, W_dec: [d_sae,
   * d_in]); quantized matrices as the f32 values they stand for.
   */
  async readWeights(): Promise<SaeHostWeights> {
    this.#alive("readWeights");
    return await readSaeWeights(this.weights);
  }

  /** Frees its GPU buffers; later calls throw. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    disposeSaeWeights(this.weights);
    this.#scratch.dispose();
  }
}
