// Several prompts in one pass (nnsight's several invokes in one trace). The
// prompts' tokens are concatenated along T and run as one sequence: every
// per-token op (embedding, norms, projections, MLP) runs once over all of
// them, and only RoPE and attention see the prompts apart, through per-row
// positions and first keys (ChunkSegments in engine/model/llama.ts): prompt i
// occupies KV cache rows [start_i, start_i + length_i), restarts at position
// 0, and its queries see only its own keys. No padding: a batch costs the sum
// of its lengths. Hooks are per prompt: each prompt gets what a forward of it
// alone would (its cache tensors, its interventions called on its rows, with
// its own positions), so `forward([a, b])` equals `[forward(a), forward(b)]`.

import { Tensor } from "./ops/tensor.ts";
import type { Tap, TapContext } from "./model/llama.ts";
import { buildHooks, composeTaps, type Hooks } from "./hooks.ts";
import type { ForwardOptions, ForwardResult, PassHost } from "./forward.ts";
import { UsageError } from "./errors.ts";
import { runTrace, type TracedModel } from "./trace.ts";
import type { LlamaModules } from "./model/modules.ts";

/** A prompt: token ids, or text (tokenized as generate does). */
export type PromptInput = string | ArrayLike<number>;

/** What `engine.trace` over several prompts returns; `dispose()` frees every result. */
export interface BatchTraceResult<R> {
  /** One result per prompt, each what `forward` of that prompt alone returns. */
  results: ForwardResult[];
  /** What the trace function returned. */
  value: R;
  /** Frees every prompt's tensors. */
  dispose(): void;
}

/** engine.trace over several prompts: `fn` gets the model and where each prompt's rows are. */
export async function runBatchTrace<R>(
  tree: LlamaModules,
  lengths: readonly number[],
  fn: (m: TracedModel, batch: BatchLayout) => Promise<R> | R,
  pass: (taps: Map<string, Tap>) => Promise<ForwardResult[]>,
): Promise<BatchTraceResult<R>> {
  const layout = batchLayout(lengths);
  const r = await runTrace(tree, (m) => fn(m, layout), async (taps) => {
    const results = await pass(taps);
    return { results, dispose: () => results.forEach((x) => x.dispose()) };
  });
  return { results: r.results, value: r.value, dispose: r.dispose };
}

/**
 * Where each prompt of a batched trace sits in the traced outputs: a module's
 * output is the prompts' rows concatenated in order, [sum of lengths, width].
 */
export interface BatchLayout {
  /** Row of each prompt's first token. */
  readonly starts: readonly number[];
  /** Tokens of each prompt. */
  readonly lengths: readonly number[];
  /**
   * Rows of prompt `prompt` at `positions` (all of them by default; a negative
   * position counts from its end, -1 the last), for selectRows / withRows.
   */
  rows(prompt: number, positions?: readonly number[]): number[];
}

/** The layout of prompts of these lengths, concatenated in order. */
export function batchLayout(lengths: readonly number[]): BatchLayout {
  const starts: number[] = [];
  let at = 0;
  for (const n of lengths) {
    starts.push(at);
    at += n;
  }
  return {
    starts,
    lengths,
    rows(prompt, positions) {
      if (!Number.isInteger(prompt) || prompt < 0 || prompt >= lengths.length) {
        throw new UsageError(`BatchLayout.rows: prompt ${prompt} outside [0, ${lengths.length})`);
      }
      const n = lengths[prompt];
      const list = positions ?? Array.from({ length: n }, (_, i) => i);
      return list.map((p) => {
        const local = p < 0 ? n + p : p;
        if (!Number.isInteger(p) || local < 0 || local >= n) {
          throw new UsageError(
            `BatchLayout.rows: position ${p} outside prompt ${prompt} (${n} tokens)`,
          );
        }
        return starts[prompt] + local;
      });
    },
  };
}

/** Whether forward/trace was given several prompts rather than one. */
export function isBatch<T>(input: unknown): input is readonly T[] {
  return Array.isArray(input) && input.length > 0 &&
    input.every((e) => typeof e !== "number");
}

/**
 * Consecutive prompts packed greedily into groups whose tokens fit
 * `capacity` cache rows together (each group is one run over the cache).
 */
export function groupPrompts(lengths: readonly number[], capacity: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [], used = 0;
  lengths.forEach((n, i) => {
    if (current.length && used + n > capacity) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(i);
    used += n;
  });
  if (current.length) groups.push(current);
  return groups;
}

/** What a batched pass needs: the single pass's host, with every prompt's ids checked. */
export interface BatchHost extends Omit<PassHost, "ids"> {
  /** Each prompt's ids, checked against the vocabulary and the cache's context. */
  prompts: readonly Uint32Array[];
}

/**
 * One pass over several prompts from an empty cache (the engine's own), one
 * run per group of prompts that fits the cache. Returns one result per
 * prompt, as `forwardPass` would for that prompt alone. `traceTaps` (a
 * batched trace) see the whole concatenation.
 */
export async function batchedForwardPass(
  host: BatchHost,
  options: ForwardOptions,
  traceTaps: Map<string, Tap> | undefined,
): Promise<ForwardResult[]> {
  if (options.kvCache !== undefined) {
    throw new UsageError(
      "forward: a batch of prompts runs from empty caches; kvCache continues one sequence, " +
        "so pass one prompt with it",
    );
  }
  const { pipeline, kv, prompts } = host;
  const lengths = prompts.map((p) => p.length);
  const vocab = pipeline.last.graph.config.vocabSize;
  const head = pipeline.last.graph.modules.lm_head.name;
  const allLogits = !!options.allLogits || !!options.cache?.includes(head);
  host.claim();
  const perPrompt: Hooks[] = [];
  const logits: Tensor<"f32">[] = [];
  const made = () => [...perPrompt.flatMap((h) => h.made), ...logits];
  try {
    for (const n of lengths) {
      perPrompt.push(
        buildHooks(
          host.modules,
          options,
          n,
          0,
          (label, shape, module) => Tensor.empty(host.deviceOf(module), label, shape, "f32"),
        ),
      );
      logits.push(
        Tensor.empty(pipeline.last.gpu, "forward.logits", [allLogits ? n : 1, vocab], "f32"),
      );
    }
    for (const group of groupPrompts(lengths, kv.contextLength)) {
      kv.rewind(0);
      await runGroup(host, group, perPrompt, logits, allLogits, traceTaps);
    }
    host.assertOpen();
  } catch (e) {
    for (const t of made()) t.dispose();
    if (!kv.disposed) kv.rewind(0);
    throw e;
  }
  return prompts.map((_, i) => {
    const own = [...perPrompt[i].made, logits[i]];
    let result = logits[i];
    // Cached lm_head needed every row; the result is still the last one.
    if (allLogits && !options.allLogits) {
      result = logits[i].selectRows([lengths[i] - 1]);
      own.push(result);
    }
    return {
      logits: result,
      cache: perPrompt[i].cache,
      dispose: () => own.forEach((t) => t.dispose()),
    };
  });
}

/** Runs one group of prompts, concatenated, through the pipeline. */
async function runGroup(
  host: BatchHost,
  group: readonly number[],
  perPrompt: readonly Hooks[],
  logits: readonly Tensor<"f32">[],
  allLogits: boolean,
  traceTaps: Map<string, Tap> | undefined,
): Promise<void> {
  const { pipeline, kv, prompts } = host;
  const starts: number[] = [];
  let total = 0;
  for (const i of group) {
    starts.push(total);
    total += prompts[i].length;
  }
  const ids = new Uint32Array(total);
  const positions = new Uint32Array(total), firstKey = new Uint32Array(total);
  group.forEach((i, g) => {
    const p = prompts[i], s = starts[g];
    ids.set(p, s);
    for (let t = 0; t < p.length; t++) {
      positions[s + t] = t;
      firstKey[s + t] = s;
    }
  });
  // The prompts of this group overlapping cache rows [first, first + n).
  const overlapping = (first: number, n: number) =>
    group.flatMap((i, g) => {
      const a = Math.max(starts[g], first), b = Math.min(starts[g] + prompts[i].length, first + n);
      return a < b ? [{ prompt: i, row: a - first, count: b - a, position: a - starts[g] }] : [];
    });
  const names = new Set(perPrompt.flatMap((h) => [...h.taps.keys()]));
  const split = new Map<string, Tap>();
  for (const name of names) {
    split.set(name, async (x, ctx) => {
      for (const o of overlapping(ctx.positionStart, x.shape[0])) {
        const tap = perPrompt[o.prompt].taps.get(name);
        if (tap) await runPromptTap(tap, x, ctx, o);
      }
    });
  }
  const taps = traceTaps ? composeTaps(traceTaps, split) : split;
  const vocabBytes = pipeline.last.graph.config.vocabSize * 4;
  await host.guard(pipeline.run(ids, kv, {
    allLogits: true,
    taps: taps.size ? taps : undefined,
    segments: { positions, firstKey },
    after: (rec, first, n) => {
      const src = pipeline.last.graph.scratch.logits.buffer;
      for (const o of overlapping(first, n)) {
        const dst = logits[o.prompt];
        if (allLogits) {
          rec.copy(
            src,
            o.row * vocabBytes,
            dst.buffer,
            o.position * vocabBytes,
            o.count * vocabBytes,
          );
        } else if (o.position + o.count === prompts[o.prompt].length) {
          rec.copy(src, (o.row + o.count - 1) * vocabBytes, dst.buffer, 0, vocabBytes);
        }
      }
    },
  }));
}

/**
 * Calls one prompt's tap on its rows of x, as a pass over that prompt alone
 * would: positions are the prompt's own. Rows whose offset a kernel cannot
 * bind (storage offsets must be aligned) are copied out and the result copied
 * back; the tap's result (or its in-place edit of the copy) lands in x.
 */
export async function runPromptTap(
  tap: Tap,
  x: Tensor<"f32">,
  ctx: TapContext,
  o: { prompt: number; row: number; count: number; position: number },
): Promise<void> {
  const width = x.size / x.shape[0], rowBytes = width * 4;
  const offset = x.offset + o.row * rowBytes, bytes = o.count * rowBytes;
  const aligned = offset % x.gpu.device.limits.minStorageBufferOffsetAlignment === 0;
  let rows: Tensor<"f32">;
  if (aligned) rows = o.row === 0 && o.count === x.shape[0] ? x : x.rows(o.row, o.count);
  else {
    rows = Tensor.result(x.gpu, "batch.rows", [o.count, ...x.shape.slice(1)]);
    ctx.rec.copy(x.buffer, offset, rows.buffer, rows.offset, bytes);
  }
  const r = await tap(rows, { ...ctx, positionStart: o.position, prompt: o.prompt });
  const out = r ?? rows;
  if (out === x || (aligned && out === rows)) return;
  if (out.size !== o.count * width) {
    throw new Error(
      `${ctx.name}: the intervention for prompt ${o.prompt} returned [${out.shape}], ` +
        `expected [${rows.shape}]`,
    );
  }
  ctx.rec.copy(out.buffer, out.offset, x.buffer, offset, bytes);
}
