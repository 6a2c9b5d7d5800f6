// The KV caches of one engine: its own (for calls given none, started empty by
// each) and the ones createCache() made, which calls append to.

import type { LlamaConfig } from "./formats/config.ts";
import { type CacheHolder, KvCache } from "./model/kv_cache.ts";
import type { Pipeline } from "./model/pipeline.ts";
import { UsageError } from "./errors.ts";

/** Options of `engine.createCache`. */
export interface CacheOptions {
  /** Positions the cache holds: at most, and by default, the engine's contextLength. */
  contextLength?: number;
}

export class EngineCaches {
  /** The KV cache of calls given none. */
  readonly own: KvCache;
  readonly #made = new Set<KvCache>();
  readonly #engine: object;
  readonly #pipeline: Pipeline;
  readonly #config: LlamaConfig;

  constructor(engine: object, own: KvCache, pipeline: Pipeline, config: LlamaConfig) {
    this.#engine = engine;
    this.own = own;
    this.#pipeline = pipeline;
    this.#config = config;
  }

  /** Every live cache, the engine's own first. */
  get all(): KvCache[] {
    return [this.own, ...this.#made];
  }

  /** A new empty cache on the devices of the layers. */
  create(options: CacheOptions): KvCache {
    const max = this.own.contextLength, n = options.contextLength ?? max;
    if (!Number.isInteger(n) || n < 1 || n > max) {
      throw new UsageError(
        `createCache: contextLength must be an integer in [1, ${max}] ` +
          `(the engine's, set by LoadOptions.contextLength), got ${n}`,
      );
    }
    const pipeline = this.#pipeline;
    const cache: KvCache = new KvCache(
      (l) => pipeline.stageOfLayer(l).gpu,
      this.#config,
      n,
      this.#engine,
      () => this.#made.delete(cache),
    );
    this.#made.add(cache);
    return cache;
  }

  /** The cache a call uses: `given`, checked, or the engine's own. */
  of(given: KvCache | undefined, what: string): KvCache {
    if (given === undefined) return this.own;
    if (!(given instanceof KvCache) || given.owner !== this.#engine) {
      throw new UsageError(
        `${what}: kvCache belongs to another engine; use this engine's createCache()`,
      );
    }
    given.assertUsable(what);
    return given;
  }

  /** Positions a call on `kv` continues: a caller's cache keeps them, the engine's starts empty. */
  kept(kv: KvCache): number {
    return kv === this.own ? 0 : kv.length;
  }

  /**
   * With the engine's queue held: `kv` now belongs to the running call (`gen`,
   * or null for a single pass). A generation paused on it would continue from
   * keys this call overwrites, so it is retired (its next step throws
   * BusyError) and its buffers freed. Returns the positions kept.
   */
  claim(kv: KvCache, gen: CacheHolder | null): number {
    if (kv === this.own) kv.rewind(0);
    kv.claim(gen);
    return kv.length;
  }

  /** Frees every cache (the engine is disposed). */
  dispose(): void {
    for (const c of this.all) c.dispose();
  }
}
