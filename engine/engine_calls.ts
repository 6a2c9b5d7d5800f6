// The bodies of Engine.forward, trace, generate and forwardThen, over the
// engine's private parts (EngineCore, handed over by Engine): passes over one
// prompt (or several joined in one batch) inside the engine's call queue; a
// trace with the gradient host a single-prompt trace needs for `.grad`
// (engine/trace_grad.ts); a generation whose steps take the queue in turn.
// engine/engine.ts keeps the public signatures and their documentation.

import type { KvCache } from "./model/kv_cache.ts";
import type { LlamaModules } from "./model/modules.ts";
import type { Tap } from "./model/llama.ts";
import type { EngineCaches } from "./caches.ts";
import type { Engine } from "./engine.ts";
import type { EngineLife } from "./lifecycle.ts";
import type { Pipeline } from "./model/pipeline.ts";
import { checkHookOptions } from "./hooks.ts";
import {
  checkGenerateOptions,
  type GenerateAbort,
  type GenerateOptions,
  type GenerateStream,
  generateStream,
  generateTokens,
} from "./generate.ts";
import type { ForwardOptions, ForwardResult } from "./forward.ts";
import { checkTraceLength, runTrace, type TracedModel } from "./trace.ts";
import { traceBackwardHost } from "./trace_backward.ts";
import { type BatchLayout, batchLayout, type BatchTraceResult, runBatchTrace } from "./batch.ts";

/** What traced passes and generations need from the engine (its private parts). */
export interface EngineCore {
  engine: Engine;
  tree: LlamaModules;
  caches: EngineCaches;
  pipeline: Pipeline;
  /** The call queue, dispose() and device loss. */
  life: EngineLife;
  pass(
    tokens: ArrayLike<number>,
    kv: KvCache,
    options: ForwardOptions,
    taps: Map<string, Tap> | undefined,
  ): Promise<ForwardResult>;
  batchPass(
    prompts: readonly number[][],
    options: ForwardOptions,
    taps: Map<string, Tap> | undefined,
  ): Promise<ForwardResult[]>;
}

/** Several tokenized prompts in one traced pass from empty caches. */
export async function traceBatch<R>(
  core: EngineCore,
  prompts: number[][],
  fn: (m: TracedModel, batch: BatchLayout) => Promise<R> | R,
  options: ForwardOptions,
): Promise<BatchTraceResult<R>> {
  const kv = core.caches.of(undefined, "trace");
  checkTraceLength(prompts.flat().length, core.pipeline.maxChunk, kv.contextLength, true);
  return await core.life.queue.run(() =>
    kv.use(() =>
      runBatchTrace(
        core.tree,
        prompts.map((p) => p.length),
        fn,
        (taps) => core.batchPass(prompts, options, taps),
      )
    )
  );
}

/** One tokenized prompt in a traced pass, on `options.kvCache` or the engine's own cache. */
export async function traceOne<R>(
  core: EngineCore,
  tokens: number[],
  fn: (m: TracedModel, batch: BatchLayout) => Promise<R> | R,
  options: ForwardOptions,
): Promise<ForwardResult & { value: R }> {
  const kv = core.caches.of(options.kvCache, "trace");
  checkTraceLength(tokens.length, core.pipeline.maxChunk, kv.contextLength, false);
  let past = 0; // positions the cache held before this pass (the backward wants none)
  const backward = traceBackwardHost(core.engine, tokens.length, options, () => past);
  return await core.life.queue.run(() =>
    kv.use(() => {
      past = core.caches.kept(kv);
      return runTrace(
        core.tree,
        (m) => fn(m, batchLayout([tokens.length])),
        (taps, keep) => {
          const cache = [...new Set([...(options.cache ?? []), ...keep])];
          return core.pass(tokens, kv, keep.length ? { ...options, cache } : options, taps);
        },
        backward,
      );
    })
  );
}

/** Engine.generate of tokenized `ids`: checks now, claims the KV cache at the first step. */
export function generateCall(
  core: EngineCore,
  ids: number[],
  options: GenerateOptions,
): GenerateStream {
  const { engine, caches, life } = core;
  const kv = caches.of(options.kvCache, "generate");
  // Checked now, so that a bad id, name or option fails at the call, not at
  // the first step; the cache is claimed at the first step, in queue order,
  // and the context checked again then.
  const checked = engine.checkTokens(ids, caches.kept(kv), kv.contextLength);
  checkHookOptions(engine.modules, options);
  checkGenerateOptions(options);
  let aborted: GenerateAbort | null = null;
  const steps = generateTokens(engine, core.pipeline, kv, checked, options, {
    exclusive: (fn) => life.queue.run(() => kv.use(fn)),
    claim: (gen) => {
      engine.checkTokens(ids, caches.kept(kv), kv.contextLength);
      const start = caches.claim(kv, gen);
      life.queue.hold(gen);
      return start;
    },
    finished: (gen) => life.queue.drop(gen),
    aborted: (a) => aborted = a,
  });
  return generateStream(life.guardSteps(steps), () => aborted);
}

/** Engine.forwardThen of tokenized `tokens`: the pass and `after` in one queued call. */
export async function forwardThenCall<T>(
  core: EngineCore,
  tokens: number[],
  options: ForwardOptions,
  after: (r: ForwardResult) => Promise<T>,
): Promise<T> {
  const kv = core.caches.of(options.kvCache, "forward");
  return await core.life.queue.run(() =>
    kv.use(async () => {
      const value = await after(await core.pass(tokens, kv, options, undefined));
      core.life.assertOpen(); // disposed meanwhile: its buffers are freed now
      return value;
    })
  );
}

/** Engine.forward of several tokenized prompts: one batched pass from empty caches. */
export async function forwardBatch(
  core: EngineCore,
  prompts: number[][],
  options: ForwardOptions,
): Promise<ForwardResult[]> {
  const kv = core.caches.of(undefined, "forward");
  return await core.life.queue.run(() => kv.use(() => core.batchPass(prompts, options, undefined)));
}

/** Engine.forward of one tokenized prompt, on `options.kvCache` or the engine's own cache. */
export async function forwardOne(
  core: EngineCore,
  tokens: number[],
  options: ForwardOptions,
): Promise<ForwardResult> {
  const kv = core.caches.of(options.kvCache, "forward");
  return await core.life.queue.run(() => kv.use(() => core.pass(tokens, kv, options, undefined)));
}
