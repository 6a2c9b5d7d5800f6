// The tensor ops users call in interventions and traces (add, scale, project,
// ...): the GPU core's Tensor (a buffer with a shape and a dtype) plus
// methods that record kernels from shaders/. This is the Tensor the engine
// hands out and mod.ts exports; it sits above shaders/, which take the plain
// data type. Ops are out-of-place; inside a pass they join it and their
// results are transient (see `GpuTensor.result`).

import type { Gpu } from "../gpu/gpu.ts";
import { checkFinite, type DType, numel, sameShape, Tensor as GpuTensor } from "../gpu/tensor.ts";
import { type Coefficients, elementwise } from "../../shaders/elementwise.ts";
import { project } from "../../shaders/project.ts";
import { UsageError } from "../errors.ts";

export { checkFinite, type DType, numel, sameShape, type TypedArrayOf } from "../gpu/tensor.ts";

/**
 * A GPU tensor [rows, columns] with out-of-place ops recorded on the GPU.
 * Inside a pass (an intervention, a trace function's turn) results are
 * transient unless `keep()` or `save()`; outside one the caller owns them.
 */
export class Tensor<D extends DType = DType> extends GpuTensor<D> {
  /** A new zero-filled tensor. */
  static override empty<D extends DType>(
    gpu: Gpu,
    label: string,
    shape: readonly number[],
    dtype: D,
  ): Tensor<D> {
    return super.empty(gpu, label, shape, dtype) as Tensor<D>;
  }

  /** A new tensor holding `data`. */
  static override from<D extends DType>(
    gpu: Gpu,
    label: string,
    data: Float32Array | Uint32Array | Int32Array,
    shape: readonly number[],
    dtype: D,
  ): Tensor<D> {
    return super.from(gpu, label, data, shape, dtype) as Tensor<D>;
  }

  /** A new tensor for an op result (f32 unless `dtype`): transient inside a pass, owned outside. */
  static override result<D extends DType = "f32">(
    gpu: Gpu,
    label: string,
    shape: readonly number[],
    dtype: D = "f32" as D,
  ): Tensor<D> {
    return super.result(gpu, label, shape, dtype) as Tensor<D>;
  }

  #combine(
    other: GpuTensor<"f32">,
    k: Coefficients,
    broadcast: boolean,
    op: string,
  ): Tensor<"f32"> {
    const self = f32(this, op);
    self.assertUsable();
    other.assertUsable();
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

  #sameShape(other: Tensor, op: string): GpuTensor<"f32"> {
    if (!sameShape(this.shape, other.shape)) {
      throw new UsageError(
        `Tensor.${op}: shapes [${this.shape}] and [${other.shape}] differ; ` +
          `reshape() one of them first`,
      );
    }
    return f32(other, op);
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
    return this.#combine(f32(this, "scale"), { alpha: s, beta: 0, gamma: 0 }, false, "scale");
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
    return this.#combine(f32(v, "addVector"), { alpha: 1, beta: s, gamma: 0 }, true, "addVector");
  }

  /** A copy. */
  clone(): Tensor<"f32"> {
    return this.scale(1);
  }

  /** Zeros of this shape. */
  zerosLike(): Tensor<"f32"> {
    this.assertUsable();
    const out = Tensor.result(this.gpu, "Tensor.zeros", this.shape);
    Tensor.record(this.gpu, "Tensor.zeros", (rec) => rec.clear(out.buffer, 0, out.byteLength));
    return out;
  }

  /** Rows at the given indices of the leading dimension, as a new [k, ...] tensor. */
  selectRows(indices: readonly number[]): Tensor<"f32"> {
    const rowElems = numel(this.shape.slice(1)), rowBytes = rowElems * 4;
    for (const i of indices) this.#checkRow(i, "selectRows");
    this.assertUsable();
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
    src.assertUsable();
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
    this.assertUsable();
    direction.assertUsable();
    const out = Tensor.result(this.gpu, "Tensor.project", [this.size / width]);
    Tensor.record(
      this.gpu,
      "Tensor.project",
      (rec) => project(rec, f32(this, "project"), f32(direction, "project"), out),
    );
    return out;
  }

  #checkRow(i: number, op: string): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.shape[0]) {
      throw new Error(`Tensor.${op}: row ${i} outside [0, ${this.shape[0]}) of [${this.shape}]`);
    }
  }
}

function f32(t: GpuTensor, op: string): GpuTensor<"f32"> {
  if (t.dtype !== "f32") throw new Error(`Tensor.${op}: needs an f32 tensor, got ${t.dtype}`);
  return t as GpuTensor<"f32">;
}
