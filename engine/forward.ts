// One forward pass of the engine (forward and trace): hooks, the pipeline run
// chunk by chunk into the call's KV cache, logits copied out. Runs with the
// engine's queue held (engine/queue.ts).

import type { Gpu } from "./gpu/gpu.ts";
import { Tensor } from "./ops/tensor.ts";
import type { KvCache } from "./model/kv_cache.ts";
import type { Tap } from "./model/llama.ts";
import type { Pipeline } from "./model/pipeline.ts";
import { buildHooks, composeTaps, type HookOptions, type ModuleTable } from "./hooks.ts";

/** Options of `engine.forward`: interventions and modules to cache, and more. */
export interface ForwardOptions extends HookOptions {
  /** Return logits for every position ([T, vocab]) instead of the last ([1, vocab]). */
  allLogits?: boolean;
  /**
   * Append to this KV cache (engine.createCache()), continuing the positions
   * it holds. Without one the pass starts empty, in the engine's own cache.
   */
  kvCache?: KvCache;
}

/** What `engine.forward` returns; `dispose()` it when done. */
export interface ForwardResult {
  /** [1, vocab] for the last position, or [T, vocab] with `allLogits`. */
  logits: Tensor<"f32">;
  /** Module name -> output [T, width] on the GPU (after interventions). */
  cache: Map<string, Tensor<"f32">>;
  /** Frees the tensors above. */
  dispose(): void;
}

/** What a pass needs from its engine. */
export interface PassHost {
  modules: ModuleTable;
  deviceOf(module: string): Gpu;
  pipeline: Pipeline;
  /** The call's KV cache (options.kvCache or the engine's own). */
  kv: KvCache;
  /** The call's token ids, checked against the cache's context; returns them as u32. */
  ids(): Uint32Array;
  /** Claims the KV cache for this pass (engine.ts #claim); returns the positions kept. */
  claim(): number;
  /** Runs the pass; a device loss becomes an error naming the device. */
  guard<T>(p: Promise<T>): Promise<T>;
  /** Throws if the engine was disposed while the pass ran. */
  assertOpen(): void;
}

export async function forwardPass(
  host: PassHost,
  options: ForwardOptions,
  traceTaps: Map<string, Tap> | undefined,
): Promise<ForwardResult> {
  const kv = host.kv, pipeline = host.pipeline;
  const ids = host.ids();
  const start = host.claim();
  const T = ids.length, vocab = pipeline.last.graph.config.vocabSize;
  const head = pipeline.last.graph.modules.lm_head.name;
  const allLogits = !!options.allLogits || !!options.cache?.includes(head);
  const hooks = buildHooks(
    host.modules,
    options,
    T,
    start,
    (label, shape, module) => Tensor.empty(host.deviceOf(module), label, shape, "f32"),
  );
  const made = hooks.made;
  try {
    const taps = traceTaps ? composeTaps(traceTaps, hooks.taps) : hooks.taps;
    const last = pipeline.last;
    const logits = Tensor.empty(last.gpu, "forward.logits", [allLogits ? T : 1, vocab], "f32");
    made.push(logits);
    await host.guard(pipeline.run(ids, kv, {
      allLogits,
      taps: taps.size ? taps : undefined,
      after: (rec, first, n) => {
        const rows = allLogits ? n : 1;
        const dst = allLogits ? first * vocab * 4 : 0;
        rec.copy(last.graph.scratch.logits.buffer, 0, logits.buffer, dst, rows * vocab * 4);
      },
    }));
    // dispose() waited for this pass; its results are no longer the engine's to give.
    host.assertOpen();
    // Cached lm_head needed every row; the result is still the last one.
    const result = allLogits && !options.allLogits ? logits.selectRows([T - 1]) : logits;
    if (result !== logits) made.push(result);
    return {
      logits: result,
      cache: hooks.cache,
      dispose: () => made.forEach((t) => t.dispose()),
    };
  } catch (e) {
    for (const t of made) t.dispose();
    // A failed pass adds no positions: a later call continues from `start`.
    if (!kv.disposed && kv.length > start) kv.rewind(start);
    throw e;
  }
}
