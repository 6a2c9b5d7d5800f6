// What an engine holds, per device and in total (engine.memory).

import type { KvCache } from "./model/kv_cache.ts";
import type { Pipeline } from "./model/pipeline.ts";
import { type StageWeights, weightBytes } from "./model/weights.ts";

/** Bytes an engine holds on one device (`engine.memory`). */
export interface MemoryReport {
  /** The device's name ("gpu0"). */
  device: string;
  /** Weight matrices, norms, embedding and lm_head placed on it. */
  weights: number;
  /** The engine's own KV cache and every live one from createCache(). */
  kvCache: number;
  /** Activations and other working buffers of a pass. */
  scratch: number;
}

/** Bytes held per device (`caches`: every live KV cache). */
export function memoryByDevice(
  pipeline: Pipeline,
  weights: readonly StageWeights[],
  caches: readonly KvCache[],
): MemoryReport[] {
  return pipeline.stages.map((s, i) => ({
    device: s.gpu.name,
    weights: weightBytes(weights[i]),
    kvCache: caches.reduce((n, kv) => n + kv.bytesOn(s.gpu), 0),
    scratch: s.graph.scratch.all.reduce((n, t) => n + t.byteLength, 0) + (s.staging?.size ?? 0),
  }));
}

/** Bytes held on all devices together. */
export function totalMemory(all: readonly MemoryReport[]): MemoryReport {
  return {
    device: all.map((m) => m.device).join("+"),
    weights: all.reduce((n, m) => n + m.weights, 0),
    kvCache: all.reduce((n, m) => n + m.kvCache, 0),
    scratch: all.reduce((n, m) => n + m.scratch, 0),
  };
}
