// An engine's life: the queue its calls run in, and how it ends (dispose(), or
// a device lost). A lost device ends the engine: every device's buffers are
// freed, and the running call (which races every wait against the loss) fails
// with an error naming the device and its layers.

import type { Gpu } from "./gpu/gpu.ts";
import { type DevicePlacement, lostDeviceMessage } from "./model/placement.ts";
import { BusyError, DeviceLostError, UsageError } from "./errors.ts";
import { CallQueue } from "./queue.ts";

/** The call queue, disposal and device-loss handling the Engine delegates to. */
export class EngineLife {
  /** Calls that use the scratch buffers run one at a time, in call order. */
  readonly queue: CallQueue;
  readonly #devices: readonly Gpu[];
  readonly #placement: readonly DevicePlacement[];
  /** Whether a pass is tapping (so a call now would come from inside it). */
  readonly #tapping: () => boolean;
  /** Frees the engine's buffers and devices (once, after its last call). */
  readonly #freeResources: () => void;
  /** Why the engine is unusable (disposed or a device lost), once it is. */
  #disposed: string | null = null;
  /** Whether every buffer has been freed (dispose() waits for a running call). */
  #freed = false;

  constructor(
    devices: readonly Gpu[],
    placement: readonly DevicePlacement[],
    tapping: () => boolean,
    freeResources: () => void,
  ) {
    this.#devices = devices;
    this.#placement = placement;
    this.#tapping = tapping;
    this.#freeResources = freeResources;
    this.queue = new CallQueue(
      () => this.assertUsable(),
      () => {
        if (this.#disposed && !this.#freed) this.#free();
      },
    );
    for (const g of devices) {
      g.lost.then(() => {
        if (!this.#disposed) this.release(this.#lost(g).message);
      });
    }
  }

  /** Throws if the engine was disposed or lost a device (checked between a pass's steps). */
  assertOpen(): void {
    if (this.#disposed) throw this.unusable();
  }

  assertUsable(): void {
    if (this.#disposed) throw this.unusable();
    for (const g of this.#devices) if (g.isLost) throw this.#lost(g);
    for (const g of this.#devices) g.assertAlive();
  }

  /**
   * Refuses a call made while one of this engine's passes awaits an
   * intervention: from inside it the call would wait forever, and JavaScript
   * gives no way to tell a caller inside the intervention from one beside it.
   */
  assertCallable(what: string): void {
    this.assertUsable();
    if (this.queue.busy && this.#tapping()) {
      throw new BusyError(
        `${what}: called while an intervention or trace function of a running pass on this ` +
          `engine awaits. Called from inside it, the call would wait for that pass forever, and ` +
          `the engine cannot tell inside from beside: await the pass (or the generation's step) ` +
          `first, or use a second engine`,
      );
    }
  }

  /** Runs `p`; a device loss during it becomes an error naming the device and its layers. */
  async guard<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      throw this.#explain(e);
    }
  }

  /** `steps`, with a device loss during any step explained as guard() does. */
  async *guardSteps<T, R>(steps: AsyncGenerator<T, R>): AsyncGenerator<T, R> {
    try {
      return yield* steps;
    } catch (e) {
      throw this.#explain(e);
    }
  }

  /** The error a call on an ended engine fails with. */
  unusable(): Error {
    const lost = this.#devices.find((g) => g.isLost);
    return lost ? this.#lost(lost) : new UsageError(this.#disposed!);
  }

  /** Ends the engine for `reason`; its buffers are freed now or when the running call ends. */
  release(reason: string): void {
    if (this.#disposed) return;
    this.#disposed = reason;
    // A running pass still records into these buffers: free them when it ends.
    if (!this.queue.busy || this.#devices.some((g) => g.isLost)) this.#free();
  }

  #explain(e: unknown): unknown {
    const lost = this.#devices.find((g) => g.isLost);
    if (!lost) return e;
    this.release(this.#lost(lost).message);
    return this.#lost(lost, e);
  }

  #lost(g: Gpu, cause?: unknown): DeviceLostError {
    const p = this.#placement[this.#devices.indexOf(g)];
    return new DeviceLostError(g.lostKind ?? "unknown", lostDeviceMessage(g.name, p), { cause });
  }

  #free(): void {
    this.#freed = true;
    this.queue.retireHolders(() => this.unusable());
    this.#freeResources();
  }
}
