// What one generation step sends back and what interventions may raise: the
// 8-byte readback (sampled token, stop flag) reused for every step, and the
// stop flags of engine/hooks.ts's StopSignal, one per device asked on.

import type { Gpu } from "./gpu/gpu.ts";
import type { Recorder } from "./gpu/recorder.ts";
import { Tensor } from "./ops/tensor.ts";
import { STOP_CODES, STOP_NONE, type StopSignal } from "./hooks.ts";
import { UsageError } from "./errors.ts";

/**
 * The stop flags of one generation (StopSignal), one per device an
 * intervention asked on, and the reasons their codes stand for.
 */
export class StopFlags implements StopSignal {
  readonly #flags = new Map<Gpu, Tensor<"u32">>();
  readonly reasons: string[] = [];
  flag(gpu: Gpu): Tensor<"u32"> {
    let t = this.#flags.get(gpu);
    if (!t) {
      t = Tensor.from(gpu, "generate.stop", Uint32Array.of(STOP_NONE), [1], "u32");
      this.#flags.set(gpu, t);
    }
    return t;
  }
  code(reason: string): number {
    let i = this.reasons.indexOf(reason);
    if (i < 0) {
      if (this.reasons.length >= STOP_CODES - 1) {
        throw new UsageError(`generate: more than ${STOP_CODES - 1} distinct stop reasons`);
      }
      i = this.reasons.push(reason) - 1;
    }
    return i + 1;
  }
  /** The flag on `gpu`, if an intervention made one. */
  on(gpu: Gpu): Tensor<"u32"> | undefined {
    return this.#flags.get(gpu);
  }
  /** Flags on devices other than `gpu` (several devices: read back on their own). */
  others(gpu: Gpu): Tensor<"u32">[] {
    return [...this.#flags].filter(([g]) => g !== gpu).map(([, t]) => t);
  }
  dispose(): void {
    for (const t of this.#flags.values()) t.dispose();
    this.#flags.clear();
  }
}

/** An 8-byte mapped buffer reused for every step's token and stop flag. */
export class TokenReadback {
  readonly #gpu: Gpu;
  readonly #staging: GPUBuffer;
  /** The step recorded a copy of the stop flag (else the second word is stale). */
  #withStop = false;
  constructor(gpu: Gpu) {
    this.#gpu = gpu;
    this.#staging = gpu.createBuffer(
      "generate.tokenReadback",
      8,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
  }
  #mapped: Promise<void> | null = null;
  record(rec: Recorder, token: Tensor<"u32">, stop: Tensor<"u32"> | undefined): void {
    rec.copy(token.buffer, token.offset, this.#staging, 0, 4);
    if (stop) rec.copy(stop.buffer, stop.offset, this.#staging, 4, 4);
    this.#withStop = !!stop;
  }
  /**
   * Asks for the mapping right after the step is submitted: maps resolve on
   * the implementation's poll, and one poll then serves every step in flight.
   */
  request(): void {
    this.#mapped = this.#staging.mapAsync(GPUMapMode.READ);
    // Errors surface in read(); an abandoned request must not be unhandled.
    this.#mapped.catch(() => {});
  }
  /** The step's token, and its stop flag (STOP_NONE when the step had none). */
  async read(): Promise<{ token: number; stop: number }> {
    try {
      await this.#gpu.guard(this.#mapped ?? this.#staging.mapAsync(GPUMapMode.READ));
      this.#mapped = null;
    } catch (e) {
      this.#gpu.assertAlive();
      throw e;
    }
    const [token, flag] = new Uint32Array(this.#staging.getMappedRange());
    this.#staging.unmap();
    return { token, stop: this.#withStop ? flag : STOP_NONE };
  }
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#mapped) this.#staging.unmap();
    this.#gpu.destroyBuffer(this.#staging);
  }
  #disposed = false;
}
