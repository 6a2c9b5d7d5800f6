// Token-by-token generation with the KV cache. Sampling runs on the GPU in the
// same submission as the forward pass; only the chosen id (4 bytes) comes back
// per step.

import type { Gpu } from "./gpu/gpu.ts";
import { Recorder } from "./gpu/recorder.ts";
import { Tensor } from "./gpu/tensor.ts";
import type { Engine } from "./engine.ts";
import type { KvCache, KvState } from "./model/kv_cache.ts";
import { buildHooks, type HookOptions } from "./hooks.ts";
import type { LlamaGraph } from "./model/llama.ts";
import { Sampler, type SamplingOptions } from "./model/sampler.ts";
import { NO_TOKEN, sampleToken } from "../shaders/sample.ts";

export interface GenerateOptions extends SamplingOptions, HookOptions {
  /** Continue this KV cache (from a forward result) instead of starting empty. */
  pastKeyValues?: KvState;
  /** Tokens to generate at most. Default 128. */
  maxNewTokens?: number;
  /** Stop after any of these token ids, or once the text contains any of these strings. */
  stop?: readonly (string | number)[];
  /** Keep going past the model's end-of-sequence ids. */
  ignoreEos?: boolean;
}

export interface GenerateStep {
  token: number;
  /** The text this token completes (may be "" while a UTF-8 character is split). */
  text: string;
  /**
   * With `cache`: each module's output for the positions this step ran (the
   * whole prompt on the first step, then [1, width]). Valid until the next
   * step; clone() what you keep.
   */
  cache?: Map<string, Tensor<"f32">>;
}

/** A 4-byte mapped buffer reused for every step's token. */
class TokenReadback {
  readonly #gpu: Gpu;
  readonly #staging: GPUBuffer;
  constructor(gpu: Gpu) {
    this.#gpu = gpu;
    this.#staging = gpu.createBuffer(
      "generate.tokenReadback",
      4,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
  }
  record(rec: Recorder, token: Tensor<"u32">): void {
    rec.copy(token.buffer, token.offset, this.#staging, 0, 4);
  }
  async read(): Promise<number> {
    try {
      await this.#staging.mapAsync(GPUMapMode.READ);
    } catch (e) {
      this.#gpu.assertAlive();
      throw e;
    }
    const id = new Uint32Array(this.#staging.getMappedRange())[0];
    this.#staging.unmap();
    return id;
  }
  dispose(): void {
    this.#gpu.destroyBuffer(this.#staging);
  }
}

export async function* generateTokens(
  engine: Engine,
  graph: LlamaGraph,
  kv: KvCache,
  prompt: Uint32Array,
  start: number,
  options: GenerateOptions,
): AsyncGenerator<GenerateStep> {
  const maxNew = options.maxNewTokens ?? 128;
  if (!Number.isInteger(maxNew) || maxNew < 0) {
    throw new Error(`maxNewTokens must be a non-negative integer, got ${maxNew}`);
  }
  // Greedy unless asked otherwise, as transformers' generate() is.
  const sampler = new Sampler({ ...options, temperature: options.temperature ?? 0 });
  const stopIds = new Set<number>(options.stop?.filter((s): s is number => typeof s === "number"));
  const stopStrings = options.stop?.filter((s): s is string => typeof s === "string") ?? [];
  if (!options.ignoreEos) {
    // config.json and the tokenizer may disagree (Llama 3 chat models end turns
    // with <|eot_id|>); either one ends the text.
    for (const id of [...engine.config.eosTokenIds, ...engine.tokenizer.eosIds]) stopIds.add(id);
  }
  const gpu = engine.gpu;
  const token = Tensor.empty(gpu, "generate.token", [1], "u32");
  const readback = new TokenReadback(gpu);
  // Decode in the prompt's context, so a SentencePiece leading space after the
  // prompt is kept, and special tokens (EOS) print nothing.
  const decoder = engine.tokenizer.decodeStream({
    prompt: Array.from(prompt),
    skipSpecialTokens: true,
  });
  let text = "";
  const wantHooks = !!(options.cache?.length || options.interventions);
  // This step's hook buffers come from the pool and go back at the next step.
  let held: Tensor[] = [];
  const hooksFor = (tokens: number, first: number) => {
    for (const t of held) gpu.release(t.buffer);
    held = [];
    if (!wantHooks) return undefined;
    const hooks = buildHooks(
      engine.config,
      engine.moduleNames,
      options,
      tokens,
      first,
      (label, shape) => {
        const t = new Tensor(
          gpu,
          gpu.acquire(label, shape[0] * shape[1] * 4),
          shape,
          "f32",
          0,
          false,
        );
        held.push(t);
        return t;
      },
    );
    return hooks;
  };
  try {
    if (maxNew === 0) return;
    // Another call may have used the cache since generate() was called.
    const version = kv.version;
    kv.length = start;
    const sample = (rec: Recorder) => {
      sampleToken(
        rec,
        graph.scratch.logits.rows(0, 1).reshape([engine.config.vocabSize]),
        token,
        sampler.next(),
      );
      readback.record(rec, token);
    };
    let hooks = hooksFor(prompt.length, start);
    try {
      await graph.runPrompt(prompt, kv, false, hooks?.taps, (rec, first, n) => {
        if (first + n === prompt.length) sample(rec);
      });
    } finally {
      kv.version++;
    }
    for (let step = 0;; step++) {
      const id = await readback.read();
      if (id === NO_TOKEN) {
        throw new Error(
          `step ${step}: every logit is NaN or -inf; the model produced no usable distribution`,
        );
      }
      const last = step + 1 >= maxNew || stopIds.has(id);
      const piece = decoder.push(id) + (last ? decoder.flush() : "");
      text += piece;
      yield hooks?.cache.size
        ? { token: id, text: piece, cache: hooks.cache }
        : { token: id, text: piece };
      if (last || stopStrings.some((s) => text.includes(s))) return;
      if (kv.length >= kv.contextLength) {
        throw new Error(`generation reached the context length ${kv.contextLength}`);
      }
      if (kv.version !== version + step + 1) {
        throw new Error(
          "generate: the engine's KV cache was used by another call during generation",
        );
      }
      hooks = hooksFor(1, kv.length);
      const rec = new Recorder(gpu, "generate.step");
      try {
        await graph.record(rec, {
          tokens: Uint32Array.of(id),
          cache: kv,
          allLogits: false,
          taps: hooks?.taps,
        });
        sample(rec);
        rec.submit();
        kv.length += 1;
      } catch (e) {
        rec.abandon();
        throw e;
      } finally {
        kv.version++;
      }
    }
  } finally {
    for (const t of held) gpu.release(t.buffer);
    token.dispose();
    readback.dispose();
  }
}
