// A Tensor is a GPU buffer (or a byte range of one) with a shape and a dtype.
// Ops enqueue kernels; nothing comes back to the CPU unless `toArray()` asks.

import { activationUsage, type Gpu } from "./gpu.ts";
import { Recorder } from "./recorder.ts";
import { type Coefficients, elementwise } from "../../shaders/elementwise.ts";
import { project } from "../../shaders/project.ts";
import { UsageError } from "../errors.ts";

export type DType = "f32" | "u32" | "i32";

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

export class Tensor<D extends DType = DType> {
  readonly gpu: Gpu;
  readonly buffer: GPUBuffer;
  readonly shape: readonly number[];
  readonly dtype: D;
  /** Byte offset of element 0 in `buffer` (views into a larger buffer). */
  readonly offset: number;
  #owner: boolean;

  constructor(
    gpu: Gpu,
    buffer: GPUBuffer,
    shape: readonly number[],
    dtype: D,
    offset = 0,
    owner = true,
  ) {
    this.gpu = gpu;
    this.buffer = buffer;
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
    return new Tensor(gpu, buffer, shape, dtype);
  }

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
    return new Tensor(gpu, buffer, shape, dtype);
  }

  get size(): number {
    return numel(this.shape);
  }

  get byteLength(): number {
    return this.size * 4;
  }

  /** This tensor as a storage binding (range of the buffer). */
  get binding(): { buffer: GPUBuffer; offset: number; size: number } {
    return { buffer: this.buffer, offset: this.offset, size: this.byteLength };
  }

  /** A view of rows [start, start + count) of the leading dimension; shares the buffer. */
  rows(start: number, count: number): Tensor<D> {
    const rowElems = numel(this.shape.slice(1));
    if (start < 0 || count < 0 || start + count > this.shape[0]) {
      throw new Error(`rows(${start}, ${count}) out of range for shape [${this.shape}]`);
    }
    // Kernels that bind this view at its offset need it aligned: the Recorder
    // checks that at dispatch. Ops that take element offsets do not care.
    const offset = this.offset + start * rowElems * 4;
    return new Tensor(
      this.gpu,
      this.buffer,
      [count, ...this.shape.slice(1)],
      this.dtype,
      offset,
      false,
    );
  }

  /** Same buffer, another shape with the same number of elements. */
  reshape(shape: readonly number[]): Tensor<D> {
    if (numel(shape) !== this.size) throw new Error(`cannot reshape [${this.shape}] to [${shape}]`);
    return new Tensor(this.gpu, this.buffer, shape, this.dtype, this.offset, false);
  }

  // ---- ops ------------------------------------------------------------------
  //
  // Out-of-place, recorded on the GPU. Inside an intervention (while the engine
  // records a pass) they join that pass and their results are transient:
  // released when the pass is submitted, unless `keep()` is called. Outside a
  // pass they run at once and the caller owns (and disposes) the result.

  /** A new f32 tensor for an op result: transient inside a pass, owned outside. */
  static result(gpu: Gpu, label: string, shape: readonly number[]): Tensor<"f32"> {
    const rec = gpu.activeRecorder;
    if (!rec) return Tensor.empty(gpu, label, shape, "f32");
    const buffer = gpu.acquire(label, numel(shape) * 4);
    rec.adopt(buffer);
    return new Tensor(gpu, buffer, shape, "f32", 0, false);
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
    if (this.gpu.activeRecorder?.keep(this.buffer)) this.#owner = true;
    return this;
  }

  /**
   * nnsight's `.save()`: keeps this value after the pass. Inside a pass it
   * keeps a transient result (a copy of a live activation is made first);
   * outside, the tensor is already the caller's. The caller disposes it.
   */
  save(): Tensor<D> {
    const rec = this.gpu.activeRecorder;
    if (!rec || rec.keep(this.buffer)) {
      if (rec) this.#owner = true;
      return this;
    }
    // Not a transient result (e.g. a live activation view): copy it out.
    const out = Tensor.empty(this.gpu, "Tensor.save", this.shape, this.dtype);
    rec.copy(this.buffer, this.offset, out.buffer, 0, this.byteLength);
    return out;
  }

  #combine(other: Tensor<"f32">, k: Coefficients, broadcast: boolean, op: string): Tensor<"f32"> {
    const self = this.#f32(op);
    if (other.gpu !== this.gpu) {
      throw new Error(
        `Tensor.${op}: the operands live on different devices (${this.gpu.name} and ${other.gpu.name}); ` +
          `create tensors with engine.tensorFor(module, ...) on the module's device`,
      );
    }
    const out = Tensor.result(this.gpu, `Tensor.${op}`, this.shape);
    Tensor.record(
      this.gpu,
      `Tensor.${op}`,
      (rec) => elementwise(rec, self, other, out, k, broadcast),
    );
    return out;
  }

  #f32(op: string): Tensor<"f32"> {
    if (this.dtype !== "f32") {
      throw new Error(`Tensor.${op}: needs an f32 tensor, got ${this.dtype}`);
    }
    return this as Tensor<"f32">;
  }

  #sameShape(other: Tensor, op: string): Tensor<"f32"> {
    if (!sameShape(this.shape, other.shape)) {
      throw new UsageError(
        `Tensor.${op}: shapes [${this.shape}] and [${other.shape}] differ; ` +
          `reshape() one of them first`,
      );
    }
    return other.#f32(op);
  }

  /** this + other (same shape). */
  add(other: Tensor): Tensor<"f32"> {
    return this.#combine(
      this.#sameShape(other, "add"),
      { alpha: 1, beta: 1, gamma: 0 },
      false,
      "add",
    );
  }

  /** this - other. */
  sub(other: Tensor): Tensor<"f32"> {
    return this.#combine(
      this.#sameShape(other, "sub"),
      { alpha: 1, beta: -1, gamma: 0 },
      false,
      "sub",
    );
  }

  /** this * other, elementwise. */
  mul(other: Tensor): Tensor<"f32"> {
    return this.#combine(
      this.#sameShape(other, "mul"),
      { alpha: 0, beta: 0, gamma: 1 },
      false,
      "mul",
    );
  }

  /** this * s. */
  scale(s: number): Tensor<"f32"> {
    checkFinite(s, "Tensor.scale: the factor s");
    return this.#combine(this.#f32("scale"), { alpha: s, beta: 0, gamma: 0 }, false, "scale");
  }

  /** this + s * v at every position: this [..., width], v [width]. */
  addVector(v: Tensor, s = 1): Tensor<"f32"> {
    checkFinite(s, "Tensor.addVector: the factor s");
    const width = this.shape[this.shape.length - 1];
    if (v.size !== width) {
      throw new UsageError(
        `Tensor.addVector: vector [${v.shape}] does not match the last dimension of [${this.shape}]`,
      );
    }
    return this.#combine(v.#f32("addVector"), { alpha: 1, beta: s, gamma: 0 }, true, "addVector");
  }

  /** A copy. */
  clone(): Tensor<"f32"> {
    return this.scale(1);
  }

  /** Zeros of this shape. */
  zerosLike(): Tensor<"f32"> {
    const out = Tensor.result(this.gpu, "Tensor.zeros", this.shape);
    Tensor.record(this.gpu, "Tensor.zeros", (rec) => rec.clear(out.buffer, 0, out.byteLength));
    return out;
  }

  /** Rows at the given indices of the leading dimension, as a new [k, ...] tensor. */
  selectRows(indices: readonly number[]): Tensor<"f32"> {
    const rowElems = numel(this.shape.slice(1)), rowBytes = rowElems * 4;
    for (const i of indices) this.#checkRow(i, "selectRows");
    const out = Tensor.result(this.gpu, "Tensor.selectRows", [
      indices.length,
      ...this.shape.slice(1),
    ]);
    Tensor.record(this.gpu, "Tensor.selectRows", (rec) => {
      indices.forEach((r, k) =>
        rec.copy(this.buffer, this.offset + r * rowBytes, out.buffer, k * rowBytes, rowBytes)
      );
    });
    return out;
  }

  /** A copy of this tensor with rows [start, start + src rows) replaced by `src`. */
  withRows(start: number, src: Tensor): Tensor<"f32"> {
    const rowElems = numel(this.shape.slice(1));
    if (
      src.size % rowElems !== 0 || (src.shape.length > 1 && numel(src.shape.slice(1)) !== rowElems)
    ) {
      throw new Error(`Tensor.withRows: rows of [${src.shape}] do not fit rows of [${this.shape}]`);
    }
    const count = src.size / rowElems;
    this.#checkRow(start, "withRows");
    if (count > 0) this.#checkRow(start + count - 1, "withRows");
    const out = this.clone();
    Tensor.record(this.gpu, "Tensor.withRows", (rec) => {
      rec.copy(src.buffer, src.offset, out.buffer, start * rowElems * 4, src.byteLength);
    });
    return out;
  }

  /** Projection of every row onto `direction`: this [rows, width] . direction [width] -> [rows]. */
  project(direction: Tensor): Tensor<"f32"> {
    const width = this.shape[this.shape.length - 1];
    const out = Tensor.result(this.gpu, "Tensor.project", [this.size / width]);
    Tensor.record(
      this.gpu,
      "Tensor.project",
      (rec) => project(rec, this.#f32("project"), direction.#f32("project"), out),
    );
    return out;
  }

  #checkRow(i: number, op: string): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.shape[0]) {
      throw new Error(`Tensor.${op}: row ${i} outside [0, ${this.shape[0]}) of [${this.shape}]`);
    }
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

  dispose(): void {
    if (this.#owner) this.gpu.destroyBuffer(this.buffer);
    this.#owner = false;
  }
}

/** Whether two shapes are the same, dimension by dimension. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
