// Keys and values of every layer, kept on the device with the layer.
// Row p holds position p: k, v: [contextLength, kvHeads * headDim] per layer.
// A cache is a value: an engine makes as many as asked (engine.createCache),
// each call appends to the one it is given, and several may be alive at once.

import type { Gpu } from "../gpu/gpu.ts";
import { Tensor } from "../ops/tensor.ts";
import type { LlamaConfig } from "../formats/config.ts";
import { BusyError, UsageError } from "../errors.ts";

/** What continues a cache between its own steps (a paused generation). */
export interface CacheHolder {
  /** Stops the holder: its next step throws `reason`. */
  retire(reason: Error): void;
}

/**
 * The keys and values of the positions a model has seen, on the devices of
 * their layers. Make one with `engine.createCache()`, pass it as `kvCache` to
 * `forward`, `trace` or `generate` (each call appends to it), and free it with
 * `dispose()`.
 */
export class KvCache {
  /** Positions the cache can hold. */
  readonly contextLength: number;
  /** Per layer [contextLength, kvHeads * headDim]. */
  readonly keys: Tensor<"f32">[] = [];
  /** Per layer [contextLength, kvHeads * headDim]. */
  readonly values: Tensor<"f32">[] = [];
  /** The engine that made the cache (only it may use the cache), if any. */
  readonly owner: object | undefined;
  #length = 0;
  #holder: CacheHolder | null = null;
  #disposed = false;
  #freed = false;
  /** Passes running on the cache: dispose() frees it when the last one ends. */
  #running = 0;
  readonly #onDispose: (() => void) | undefined;

  /**
   * `device` gives each layer's device (a Gpu for all, or a function of the
   * layer): the cache of a layer lives with the layer. `owner` is the engine
   * that made it; `onDispose` runs once the cache is disposed (the engine
   * forgets it).
   */
  constructor(
    device: Gpu | ((layer: number) => Gpu),
    c: LlamaConfig,
    contextLength: number,
    owner?: object,
    onDispose?: () => void,
  ) {
    this.owner = owner;
    this.contextLength = contextLength;
    this.#onDispose = onDispose;
    const width = c.numKeyValueHeads * c.headDim;
    const gpuOf = typeof device === "function" ? device : () => device;
    try {
      for (let l = 0; l < c.numHiddenLayers; l++) {
        const gpu = gpuOf(l);
        this.keys.push(Tensor.empty(gpu, `KvCache.k.${l}`, [contextLength, width], "f32"));
        this.values.push(Tensor.empty(gpu, `KvCache.v.${l}`, [contextLength, width], "f32"));
      }
    } catch (e) {
      this.#free();
      throw e;
    }
  }

  /** Positions filled so far: the next token goes to position `length`. */
  get length(): number {
    return this.#length;
  }

  /** Whether dispose() was called. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /** Throws a UsageError if the cache was disposed. */
  assertUsable(what: string): void {
    if (this.#disposed) {
      throw new UsageError(`${what}: this KV cache was disposed; create one with createCache()`);
    }
  }

  /**
   * Marks `n` more positions as filled (a pass wrote them).
   *
   * @ignore engine-internal
   */
  advance(n: number): void {
    this.#length += n;
  }

  /**
   * Forgets every position from `length` on (they are overwritten by later passes).
   *
   * @ignore engine-internal
   */
  rewind(length: number): void {
    if (!Number.isInteger(length) || length < 0 || length > this.#length) {
      throw new UsageError(`rewind: length must be an integer in [0, ${this.#length}]`);
    }
    this.#length = length;
  }

  /**
   * The generation that continues the cache between its steps, if any.
   *
   * @ignore engine-internal
   */
  get holder(): CacheHolder | null {
    return this.#holder;
  }

  /**
   * Claims the cache for a call (with the engine's queue held): a paused
   * generation that continued it would now continue from keys this call
   * overwrites, so it is retired (its next step throws BusyError). `holder`
   * is the claiming generation, or null for a single pass.
   *
   * @ignore engine-internal
   */
  claim(holder: CacheHolder | null): void {
    this.assertUsable("kvCache");
    if (this.#holder && this.#holder !== holder) {
      this.#holder.retire(
        new BusyError(
          "generate: another forward, trace or generate call used this generation's KV cache " +
            "while it was paused; give each live continuation its own cache (createCache)",
        ),
      );
    }
    this.#holder = holder;
  }

  /**
   * Lets go of the cache if `holder` holds it.
   *
   * @ignore engine-internal
   */
  release(holder: CacheHolder): void {
    if (this.#holder === holder) this.#holder = null;
  }

  /**
   * Runs `fn` as a pass on the cache: dispose() meanwhile waits for it to end.
   *
   * @ignore engine-internal
   */
  async use<T>(fn: () => Promise<T>): Promise<T> {
    this.assertUsable("kvCache");
    this.#running++;
    try {
      return await fn();
    } finally {
      this.#running--;
      if (this.#disposed && this.#running === 0) this.#free();
    }
  }

  /** Bytes held on all devices. */
  get byteLength(): number {
    return [...this.keys, ...this.values].reduce((n, t) => n + t.byteLength, 0);
  }

  /** Bytes held on one device. */
  bytesOn(gpu: Gpu): number {
    return [...this.keys, ...this.values].filter((t) => t.gpu === gpu).reduce(
      (n, t) => n + t.byteLength,
      0,
    );
  }

  /**
   * Frees the cache's buffers (after a pass running on it ends). A paused
   * generation continuing it fails at its next step, and any later use is a
   * UsageError. Disposing twice is harmless.
   */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#onDispose?.();
    if (this.#running === 0) this.#free();
  }

  #free(): void {
    if (this.#freed) return;
    this.#freed = true;
    this.#holder?.retire(new UsageError("generate: its KV cache was disposed"));
    this.#holder = null;
    for (const t of [...this.keys, ...this.values]) t.dispose();
  }
}
