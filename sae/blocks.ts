// An Sae's plumbing: which device it runs on, scratch tensors reused across
// calls, blocks of tokens small enough that [n, d_sae] fits one binding, and
// the host round trip of the *ToArray methods.

import type { Gpu } from "../engine/gpu/gpu.ts";
import type { Engine } from "../engine/engine.ts";
import { UsageError } from "../engine/errors.ts";
import { Tensor } from "../engine/ops/tensor.ts";

/** The device of `module` in `engine`, which must be named when the engine has several. */
export function saeDevice(engine: Engine, module: string | undefined): Gpu {
  if (module !== undefined) return engine.deviceOf(module);
  if (engine.devices.length === 1) return engine.devices[0];
  throw new UsageError(
    `Sae.load: the engine runs on ${engine.devices.length} devices; name the module the SAE ` +
      `is for, e.g. Sae.load(src, engine, { module: "model.layers.3" }), so that it is loaded ` +
      `on the device that runs it`,
  );
}

/** Refuses tensors on another device than the SAE's, before WebGPU would. */
export function sameDevice(
  where: string,
  gpu: Gpu,
  describe: string,
  tensors: readonly (Tensor | undefined)[],
): void {
  for (const t of tensors) {
    if (t && t.gpu !== gpu) {
      throw new UsageError(
        `${where}: a tensor lives on ${t.gpu.name}, but ${describe} on ${gpu.name}; load the ` +
          `SAE on the device of its module (Sae.load(src, engine, { module }))`,
      );
    }
  }
}

/** Named f32 scratch buffers on one device, grown on demand and freed by dispose(). */
export class Scratch {
  readonly #live = new Map<string, Tensor<"f32">>();
  readonly #retired: Tensor<"f32">[] = [];

  constructor(readonly gpu: Gpu, readonly label: string) {}

  /**
   * A scratch tensor of this shape, reused across calls. A buffer too small is
   * replaced but kept until dispose: dispatches recorded but not yet submitted
   * may still use it.
   */
  get(name: string, shape: readonly number[]): Tensor<"f32"> {
    const bytes = shape.reduce((a, b) => a * b, 1) * 4;
    let t = this.#live.get(name);
    if (!t || t.byteLength < bytes) {
      if (t) this.#retired.push(t);
      const elems = Math.max(bytes / 4, (t?.size ?? 0) * 2);
      t = Tensor.empty(this.gpu, `${this.label}.scratch.${name}`, [elems], "f32");
      this.#live.set(name, t);
    }
    return new Tensor(this.gpu, t.buffer, shape, "f32", 0, false);
  }

  dispose(): void {
    for (const t of [...this.#live.values(), ...this.#retired]) t.dispose();
    this.#live.clear();
    this.#retired.length = 0;
  }
}

/**
 * Runs fn over blocks of tokens of x [T, d_in] small enough that [n, d_sae]
 * fits one binding. Blocks start on rows whose byte offsets (rows of
 * `rowBytes` bytes: x's and any per-token output's) meet the storage-offset
 * alignment, since each block binds row views of x and the outputs.
 */
export function tokenBlocks(
  where: string,
  dSae: number,
  x: Tensor<"f32">,
  fn: (x: Tensor<"f32">, start: number) => void,
  rowBytes: readonly number[] = [],
): void {
  const [T, dIn] = x.shape, gpu = x.gpu;
  const align = gpu.device.limits.minStorageBufferOffsetAlignment;
  const gcd = (a: number, b: number): number => b === 0 ? a : gcd(b, a % b);
  const unit = [dIn * 4, ...rowBytes].reduce((u, r) => {
    const need = align / gcd(align, r);
    return u * need / gcd(u, need);
  }, 1);
  const per = Math.floor(gpu.maxBindingBytes / (dSae * 4) / unit) * unit;
  if (per < 1) {
    if (T <= Math.floor(gpu.maxBindingBytes / (dSae * 4)) && T > 0) return fn(x, 0);
    throw new Error(`${where}: ${unit} tokens' features (the aligned block) exceed a binding`);
  }
  if (T <= per) return fn(x, 0);
  for (let s = 0; s < T; s += per) fn(x.rows(s, Math.min(per, T - s)), s);
}

/**
 * Uploads `data` as rows of `width`, runs `fn` on them, reads back every
 * tensor it returns, and frees them all: the *ToArray methods' round trip.
 */
export async function hostRun(
  gpu: Gpu,
  where: string,
  data: Float32Array,
  width: number,
  fn: (x: Tensor<"f32">) => Tensor[],
): Promise<(Float32Array | Uint32Array | Int32Array)[]> {
  if (data.length % width !== 0) {
    throw new Error(`${where}: ${data.length} values are not rows of ${width}`);
  }
  const x = Tensor.from(gpu, `${where}.x`, data, [data.length / width, width], "f32");
  const made: Tensor[] = [x];
  try {
    const out = fn(x);
    made.push(...out.filter((t) => t !== x));
    const read = [];
    for (const t of out) read.push(await t.toArray());
    return read;
  } finally {
    for (const t of made) t.dispose();
  }
}
