// Keys and values of every layer, kept on the device with the layer.
// Row p holds position p: k, v: [contextLength, kvHeads * headDim] per layer.

import type { Gpu } from "../gpu/gpu.ts";
import { Tensor } from "../ops/tensor.ts";
import type { LlamaConfig } from "../formats/config.ts";
import { BusyError, UsageError } from "../errors.ts";

let nextCacheId = 1;

export class KvCache {
  /** Identifies the cache so that a handle from another engine is refused. */
  readonly id = nextCacheId++;
  readonly contextLength: number;
  readonly keys: Tensor<"f32">[] = []; // per layer [contextLength, kvHeads * headDim]
  readonly values: Tensor<"f32">[] = []; // per layer [contextLength, kvHeads * headDim]
  /** Positions filled so far. */
  length = 0;
  /** Bumped by every pass, so that handles to an older state are refused. */
  version = 0;

  /**
   * `device` gives each layer's device (a Gpu for all, or a function of the
   * layer): the cache of a layer lives with the layer.
   */
  constructor(device: Gpu | ((layer: number) => Gpu), c: LlamaConfig, contextLength: number) {
    this.contextLength = contextLength;
    const width = c.numKeyValueHeads * c.headDim;
    const gpuOf = typeof device === "function" ? device : () => device;
    try {
      for (let l = 0; l < c.numHiddenLayers; l++) {
        const gpu = gpuOf(l);
        this.keys.push(Tensor.empty(gpu, `KvCache.k.${l}`, [contextLength, width], "f32"));
        this.values.push(Tensor.empty(gpu, `KvCache.v.${l}`, [contextLength, width], "f32"));
      }
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  /**
   * Claims the cache for a new call, continuing `state` (a handle from an
   * earlier pass) or, without one, starting empty; returns the number of
   * positions kept. The version moves on, so every older handle, and any
   * paused generation, is stale from here on. Call it only with the engine's
   * queue held (engine.ts), never while another pass records.
   */
  continueFrom(state: KvState | undefined): number {
    const length = this.check(state);
    this.length = length;
    this.version++;
    return length;
  }

  /** Checks that `state` may be continued now; returns its length (0 without one). */
  check(state: KvState | undefined): number {
    if (!state) return 0;
    if (!(state instanceof KvState) || state.cache !== this) {
      throw new UsageError("pastKeyValues: this KV cache belongs to another engine");
    }
    if (state.version !== this.version) {
      throw new BusyError(
        "pastKeyValues: stale: the engine's KV cache was used by a later forward, trace or generate " +
          "call; continue from the newest result's pastKeyValues",
      );
    }
    return state.length;
  }

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

  dispose(): void {
    for (const t of [...this.keys, ...this.values]) t.dispose();
  }
}

/**
 * A handle to the KV cache as one pass left it (the seed's past_key_values).
 * Valid until the engine's cache is used by another call.
 */
export class KvState {
  readonly cache: KvCache;
  /** Positions it holds. */
  readonly length: number;
  readonly version: number;
  constructor(cache: KvCache, length: number, version: number) {
    this.cache = cache;
    this.length = length;
    this.version = version;
  }
}
