// A Tensor is a GPU buffer (or a byte range of one) with a shape and a dtype:
// the data type kernels take. It dispatches no kernel itself; the ops users
// call (add, project, ...) are a subclass above the kernels
// (engine/ops/tensor.ts), so this layer does not import shaders/. Views and
// op results keep the subclass (they are built with `this`'s constructor).
// Nothing comes back to the CPU unless `toArray()` asks.

import { activationUsage, type Gpu } from "./gpu.ts";
import { Recorder } from "./recorder.ts";
import { UsageError } from "../errors.ts";

/** Element type of a tensor: 4 bytes each. */
export type DType = "f32" | "u32" | "i32";

/** The typed array a tensor of dtype D reads back as. */
export type TypedArrayOf<D extends DType> = D extends "f32" ? Float32Array<ArrayBuffer>
  : D extends "u32" ? Uint32Array<ArrayBuffer>
  : Int32Array<ArrayBuffer>;

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * Refuses a non-finite scalar where it enters: on the GPU, NaN * x gives
 * zeros on some adapters (llvmpipe) and NaN on others, and no readback
 * would notice.
 */
export function checkFinite(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new UsageError(`${what} must be a finite number, got ${String(value)}`);
  }
  return value;
}

/**
 * How long a transient op result (made inside a pass) may be used: until its
 * pass is submitted, unless kept. Views share their tensor's lease.
 */
export interface Lease {
  /** The pass's recorder label, for errors. */
  readonly pass: string;
  /** Set when the pass was submitted and the buffer went back to the pool. */
  released: boolean;
}

/**
 * A tensor as data: a buffer (or a byte range of one) on one device, a shape
 * and a dtype, with views and lifetime but no ops that dispatch kernels; the
 * library's Tensor (engine/ops/tensor.ts) adds those.
 */
export class Tensor<D extends DType = DType> {
  /** The device the buffer lives on. */
  readonly gpu: Gpu;
  readonly #buffer: GPUBuffer;
  /** [rows, columns] (or any rank); elements are 4 bytes. */
  readonly shape: readonly number[];
  /** Element type. */
  readonly dtype: D;
  /** Byte offset of element 0 in `buffer` (views into a larger buffer). */
  readonly offset: number;
  #owner: boolean;
  /** Set for a transient result of a pass and its views (see `result`). */
  #lease: Lease | null;

  /**
   * Wraps a buffer; with `owner` false, dispose() leaves the buffer alone (a
   * view). `lease` marks a transient pass result (and views of one).
   */
  constructor(
    gpu: Gpu,
    buffer: GPUBuffer,
    shape: readonly number[],
    dtype: D,
    offset = 0,
    owner = true,
    lease: Lease | null = null,
  ) {
    this.gpu = gpu;
    this.#buffer = buffer;
    this.#lease = lease;
    this.shape = shape;
    this.dtype = dtype;
    this.offset = offset;
    this.#owner = owner;
  }

  /** A new zero-filled tensor. */
  static empty<D extends DType>(
    gpu: Gpu,
    label: string,
    shape: readonly number[],
    dtype: D,
  ): Tensor<D> {
    const buffer = gpu.createBuffer(label, numel(shape) * 4, activationUsage());
    return new this(gpu, buffer, shape, dtype);
  }

  /** A new tensor holding `data` (length = product of `shape`). */
  static from<D extends DType>(
    gpu: Gpu,
    label: string,
    data: Float32Array | Uint32Array | Int32Array,
    shape: readonly number[],
    dtype: D,
  ): Tensor<D> {
    if (data.length !== numel(shape)) {
      throw new Error(`${label}: ${data.length} values do not fill shape [${shape}]`);
    }
    const buffer = gpu.createBuffer(label, data.byteLength, activationUsage());
    gpu.write(buffer, data);
    return new this(gpu, buffer, shape, dtype);
  }

  /**
   * The buffer holding it (possibly shared with other views). A transient
   * result whose pass was submitted has none: its buffer went back to the
   * pool and may hold another tensor's values, so using it is refused with a
   * UsageError instead of reading or writing them.
   */
  get buffer(): GPUBuffer {
    if (this.#lease?.released) {
      throw new UsageError(
        `tensor "${this.#buffer.label}" [${this.shape}] is a transient result of the pass ` +
          `"${this.#lease.pass}", which was submitted: its buffer went back to the pool. Call ` +
          `keep() or save() on it inside that pass to use it afterwards; code that runs beside ` +
          `a pass (not inside its intervention) must wait for the engine's queue ` +
          `(engine.exclusive), or its ops join that pass`,
      );
    }
    return this.#buffer;
  }

  /** Throws what `buffer` would for a spent transient result; ops call it before allocating. */
  assertUsable(): void {
    void this.buffer;
  }

  /** Number of elements. */
  get size(): number {
    return numel(this.shape);
  }

  /** Bytes of its elements (size * 4). */
  get byteLength(): number {
    return this.size * 4;
  }

  /** This tensor as a storage binding (range of the buffer). */
  get binding(): { buffer: GPUBuffer; offset: number; size: number } {
    return { buffer: this.buffer, offset: this.offset, size: this.byteLength };
  }

  /** A view of rows [start, start + count) of the leading dimension; shares the buffer. */
  rows(start: number, count: number): this {
    const rowElems = numel(this.shape.slice(1));
    if (start < 0 || count < 0 || start + count > this.shape[0]) {
      throw new Error(`rows(${start}, ${count}) out of range for shape [${this.shape}]`);
    }
    // Kernels that bind this view at its offset need it aligned: the Recorder
    // checks that at dispatch. Ops that take element offsets do not care.
    const offset = this.offset + start * rowElems * 4;
    return this.#view([count, ...this.shape.slice(1)], offset);
  }

  /** Same buffer, another shape with the same number of elements. */
  reshape(shape: readonly number[]): this {
    if (numel(shape) !== this.size) throw new Error(`cannot reshape [${this.shape}] to [${shape}]`);
    return this.#view(shape, this.offset);
  }

  /** A view sharing this buffer, of this tensor's own class (so a view keeps the ops). */
  #view(shape: readonly number[], offset: number): this {
    const ctor = this.constructor as new (...args: ConstructorParameters<typeof Tensor>) => this;
    return new ctor(this.gpu, this.buffer, shape, this.dtype, offset, false, this.#lease);
  }

  // ---- results of ops ---------------------------------------------------------
  //
  // Ops are out-of-place and recorded on the GPU. Inside an intervention (while
  // the engine records a pass: `gpu.activeRecorder` is set) they join that pass
  // and their results are transient: released when the pass is submitted,
  // unless `keep()` is called. Outside a pass they run at once and the caller
  // owns (and disposes) the result.

  /** A new tensor for an op result (f32 unless `dtype`): transient inside a pass, owned outside. */
  static result<D extends DType = "f32">(
    gpu: Gpu,
    label: string,
    shape: readonly number[],
    dtype: D = "f32" as D,
  ): Tensor<D> {
    const rec = gpu.activeRecorder;
    if (!rec) return this.empty(gpu, label, shape, dtype);
    const buffer = gpu.acquire(label, numel(shape) * 4);
    const lease: Lease = { pass: rec.label, released: false };
    rec.adopt(buffer, lease);
    return new this(gpu, buffer, shape, dtype, 0, false, lease);
  }

  /** Runs `record` in the active pass, or in a pass of its own submitted at once. */
  static record(gpu: Gpu, label: string, record: (rec: Recorder) => void): void {
    if (gpu.activeRecorder) return record(gpu.activeRecorder);
    const rec = new Recorder(gpu, label);
    record(rec);
    rec.submit();
  }

  /** Makes a transient op result outlive the pass; the caller must dispose it. */
  keep(): this {
    if (this.gpu.activeRecorder?.keep(this.buffer)) this.#kept();
    return this;
  }

  /**
   * nnsight's `.save()`: keeps this value after the pass. Inside a pass it
   * keeps a transient result (a copy of a live activation is made first);
   * outside, the tensor is already the caller's. The caller disposes it.
   */
  save(): this {
    const rec = this.gpu.activeRecorder;
    if (!rec || rec.keep(this.buffer)) {
      if (rec) this.#kept();
      return this;
    }
    // Not a transient result (e.g. a live activation view): copy it out.
    const ctor = this.constructor as typeof Tensor;
    const out = ctor.empty(this.gpu, "Tensor.save", this.shape, this.dtype) as this;
    rec.copy(this.buffer, this.offset, out.buffer, 0, this.byteLength);
    return out;
  }

  /** This transient result now outlives its pass: the caller owns it. */
  #kept(): void {
    this.#owner = true;
    this.#lease = null;
  }

  /** Reads the values back to the CPU (waits for the GPU: the slow path). */
  async toArray(): Promise<TypedArrayOf<D>> {
    // Inside a pass, what was recorded so far must run first.
    this.gpu.activeRecorder?.flush();
    const bytes = await this.gpu.read(this.buffer, this.offset, this.byteLength);
    const ctor = this.dtype === "f32"
      ? Float32Array
      : this.dtype === "u32"
      ? Uint32Array
      : Int32Array;
    return new ctor(bytes) as TypedArrayOf<D>;
  }

  /** Frees the buffer if this tensor owns it; views leave it alone. Idempotent. */
  dispose(): void {
    if (this.#owner) this.gpu.destroyBuffer(this.#buffer);
    this.#owner = false;
  }
}

/** Whether two shapes are the same, dimension by dimension. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
