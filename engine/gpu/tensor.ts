// A Tensor is a GPU buffer (or a byte range of one) with a shape and a dtype.
// Ops enqueue kernels; nothing comes back to the CPU unless `toArray()` asks.

import type { Gpu } from "./gpu.ts";

export type DType = "f32" | "u32" | "i32";

export type TypedArrayOf<D extends DType> = D extends "f32" ? Float32Array<ArrayBuffer>
  : D extends "u32" ? Uint32Array<ArrayBuffer>
  : Int32Array<ArrayBuffer>;

const usage = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
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
    const buffer = gpu.createBuffer(label, numel(shape) * 4, usage());
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
    const buffer = gpu.createBuffer(label, data.byteLength, usage());
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
    const offset = this.offset + start * rowElems * 4;
    if (offset % this.gpu.device.limits.minStorageBufferOffsetAlignment !== 0) {
      throw new Error(
        `rows(${start}, ${count}): byte offset ${offset} is not a multiple of ` +
          `minStorageBufferOffsetAlignment (${this.gpu.device.limits.minStorageBufferOffsetAlignment})`,
      );
    }
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

  /** Reads the values back to the CPU (waits for the GPU: the slow path). */
  async toArray(): Promise<TypedArrayOf<D>> {
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
