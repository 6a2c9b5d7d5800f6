// One forward pass of the engine (forward and trace): hooks, the pipeline run
// chunk by chunk, logits copied out, and the KV handle of the result. Runs
// with the engine's queue held (engine/queue.ts).

import type { Gpu } from "./gpu/gpu.ts";
import { Tensor } from "./ops/tensor.ts";
import { type KvCache, KvState } from "./model/kv_cache.ts";
import type { Tap } from "./model/llama.ts";
import type { Pipeline } from "./model/pipeline.ts";
import { buildHooks, composeTaps, type HookOptions, type ModuleTable } from "./hooks.ts";

export interface ForwardOptions extends HookOptions {
  /** Return logits for every position ([T, vocab]) instead of the last ([1, vocab]). */
  allLogits?: boolean;
  /** Continue this KV cache (from an earlier result) instead of starting empty. */
  pastKeyValues?: KvState;
}

export interface ForwardResult {
  /** [1, vocab] for the last position, or [T, vocab] with `allLogits`. */
  logits: Tensor<"f32">;
  /** Module name -> output [T, width] on the GPU (after interventions). */
  cache: Map<string, Tensor<"f32">>;
  /** The KV cache after this pass: pass it as `pastKeyValues` to continue. */
  pastKeyValues: KvState;
  /** Frees the tensors above. */
  dispose(): void;
}

/** What a pass needs from its engine. */
export interface PassHost {
  modules: ModuleTable;
  deviceOf(module: string): Gpu;
  pipeline: Pipeline;
  kv: KvCache;
  /** The call's token ids, checked for a pass continuing `past` positions. */
  ids(past: number): Uint32Array;
  /** Claims the KV cache for this pass (engine.ts #claim); returns the positions kept. */
  claim(state: KvState | undefined): number;
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
  const ids = host.ids(kv.check(options.pastKeyValues));
  const start = host.claim(options.pastKeyValues);
  const T = ids.length, vocab = pipeline.last.graph.config.vocabSize;
  const allLogits = !!options.allLogits || !!options.cache?.includes("lm_head");
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
    try {
      await host.guard(pipeline.run(ids, kv, {
        allLogits,
        taps: taps.size ? taps : undefined,
        after: (rec, first, n) => {
          const rows = allLogits ? n : 1;
          const dst = allLogits ? first * vocab * 4 : 0;
          rec.copy(last.graph.scratch.logits.buffer, 0, logits.buffer, dst, rows * vocab * 4);
        },
      }));
    } finally {
      kv.version++;
    }
    // dispose() waited for this pass; its results are no longer the engine's to give.
    host.assertOpen();
    // Cached lm_head needed every row; the result is still the last one.
    const result = allLogits && !options.allLogits ? logits.selectRows([T - 1]) : logits;
    if (result !== logits) made.push(result);
    return {
      logits: result,
      cache: hooks.cache,
      pastKeyValues: new KvState(kv, kv.length, kv.version),
      dispose: () => made.forEach((t) => t.dispose()),
    };
  } catch (e) {
    for (const t of made) t.dispose();
    throw e;
  }
}
