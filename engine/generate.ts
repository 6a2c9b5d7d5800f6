// Token-by-token generation with the KV cache. Sampling runs on the GPU in the
// same submission as the forward pass; only the chosen id (4 bytes) comes back
// per step, and with it the stop flag interventions may raise (8 bytes in all).

import { Recorder } from "./gpu/recorder.ts";
import { Tensor } from "./ops/tensor.ts";
import type { Engine } from "./engine.ts";
import type { KvCache } from "./model/kv_cache.ts";
import { buildHooks, type HookOptions, STOP_CODES, STOP_NONE } from "./hooks.ts";
import { StopFlags, TokenReadback } from "./step_readback.ts";
import type { Pipeline } from "./model/pipeline.ts";
import { resolveSampling, Sampler, type SamplingOptions } from "./model/sampler.ts";
import { NO_TOKEN, sampleToken } from "../shaders/sample.ts";
import { ContextLengthError, UsageError } from "./errors.ts";

/** Options of `engine.generate`: sampling, interventions and caching at every step. */
export interface GenerateOptions extends SamplingOptions, HookOptions {
  /**
   * Append to this KV cache (engine.createCache()), continuing the positions
   * it holds; without one, generation starts empty in the engine's own cache.
   * When the generation ends (or is dropped), the cache holds every position
   * the model was fed: the prompt and each yielded token but the last, which
   * a next call feeds (e.g. `forward([last], { kvCache })` for its features).
   */
  kvCache?: KvCache;
  /** Tokens to generate at most. Default 128. */
  maxNewTokens?: number;
  /** Stop after any of these token ids, or once the text contains any of these strings. */
  stop?: readonly (string | number)[];
  /** Keep going past the model's end-of-sequence ids. */
  ignoreEos?: boolean;
}

/** One generated token, as `engine.generate` yields it. */
export interface GenerateStep {
  /** The token id. */
  token: number;
  /** The text this token completes (may be "" while a UTF-8 character is split). */
  text: string;
  /**
   * With `cache`: each module's output for the positions this step ran (the
   * whole prompt on the first step, then [1, width]). Valid until the next
   * step or until another call uses this generation's KV cache; clone() what
   * you keep.
   */
  cache?: Map<string, Tensor<"f32">>;
}

/** Why an intervention stopped a generation (through the StopSignal of its context). */
export interface GenerateAbort {
  /** The reason the intervention registered. */
  reason: string;
  /** The absolute position whose activation raised the stop (prompt or generated). */
  position: number;
  /** Tokens yielded before the stop: the step whose token was withheld. */
  step: number;
}

/**
 * What engine.generate returns: the token stream, and once it has ended,
 * whether an intervention stopped it.
 */
export interface GenerateStream extends AsyncGenerator<GenerateStep, KvCache | undefined> {
  /**
   * Null unless an intervention stopped the generation (e.g. steering's
   * abortWhen): then why and where. The token of the step that raised the
   * stop, and every later one, is not yielded.
   */
  readonly aborted: GenerateAbort | null;
}

/** `steps` with the `aborted` getter of GenerateStream. */
export function generateStream(
  steps: AsyncGenerator<GenerateStep, KvCache | undefined>,
  aborted: () => GenerateAbort | null,
): GenerateStream {
  return Object.defineProperty(steps, "aborted", {
    get: aborted,
    enumerable: true,
  }) as GenerateStream;
}

/** Steps recorded ahead of the one whose token is being read. */
const AHEAD = 3;
const SLOTS = AHEAD + 1;

/** What a generation needs from its engine (engine.ts). */
export interface GenerationHost {
  /** Runs `fn` with the engine's queue held: no other call records meanwhile. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * With the queue held: claims the KV cache for `gen`, which retires the
   * generation paused on it, if any; returns the positions kept.
   */
  claim(gen: Generation): number;
  /** Forgets a generation that ended. */
  finished(gen: Generation): void;
  /** Told when an intervention stopped the generation, before it ends. */
  aborted?(abort: GenerateAbort): void;
}

/**
 * What a generation holds between steps (token readbacks, its sampled token,
 * the hook buffers of the steps in flight) and whether it may go on. A paused
 * generation is retired when another call claims its KV cache (BusyError), or
 * the cache or engine is disposed (UsageError): the buffers are freed at once,
 * and the next step throws that error instead of continuing from overwritten
 * keys.
 */
export class Generation {
  readonly readbacks: TokenReadback[] = [];
  /**
   * [1] the last sampled token, which the next step embeds. Its own buffer,
   * not the engine's scratch: other calls may run between steps.
   */
  token: Tensor<"u32"> | null = null;
  /** Step k's hook buffers (pool buffers) in slot k % SLOTS. */
  readonly held: Tensor[][] = Array.from({ length: SLOTS }, () => []);
  /** The stop flags interventions raise (made on first use). */
  readonly stops = new StopFlags();
  #retired: Error | null = null;

  /** Stops the generation with `reason` (thrown at its next step) and frees its buffers. */
  retire(reason: Error): void {
    this.#retired ??= reason;
    this.free();
  }

  /** Throws the reason the generation was retired, if it was. */
  check(): void {
    if (this.#retired) throw this.#retired;
  }

  /** Returns slot `slot`'s hook buffers to the pool. */
  releaseSlot(slot: number): void {
    for (const t of this.held[slot]) t.gpu.release(t.buffer);
    this.held[slot] = [];
  }

  free(): void {
    for (let i = 0; i < SLOTS; i++) this.releaseSlot(i);
    for (const r of this.readbacks.splice(0)) r.dispose();
    this.stops.dispose();
    this.token?.dispose();
    this.token = null;
  }
}

/** Checks the options that are plain numbers, so that a bad one fails at the call. */
export function checkGenerateOptions(options: GenerateOptions): void {
  const maxNew = options.maxNewTokens ?? 128;
  if (!Number.isInteger(maxNew) || maxNew < 0) {
    throw new UsageError(`maxNewTokens must be a non-negative integer, got ${maxNew}`);
  }
  resolveSampling({ ...options, temperature: options.temperature ?? 0, seed: options.seed ?? 0 });
}

export async function* generateTokens(
  engine: Engine,
  pipeline: Pipeline,
  kv: KvCache,
  prompt: Uint32Array,
  options: GenerateOptions,
  host: GenerationHost,
): AsyncGenerator<GenerateStep, KvCache | undefined> {
  checkGenerateOptions(options);
  const maxNew = options.maxNewTokens ?? 128;
  // Greedy unless asked otherwise, as transformers' generate() is.
  const sampler = new Sampler({ ...options, temperature: options.temperature ?? 0 });
  const stopIds = new Set<number>(options.stop?.filter((s): s is number => typeof s === "number"));
  const stopStrings = options.stop?.filter((s): s is string => typeof s === "string") ?? [];
  if (!options.ignoreEos) {
    // config.json and the tokenizer may disagree (Llama 3 chat models end turns
    // with <|eot_id|>); either one ends the text.
    for (const id of [...engine.config.eosTokenIds, ...engine.tokenizer.eosIds]) stopIds.add(id);
  }
  if (maxNew === 0) return options.kvCache;
  // Sampling happens on the last device; on one device, steps are recorded up
  // to AHEAD steps before their token is read: each samples its token into the
  // next step's input on the GPU, so the CPU never waits for a readback (about
  // 11 ms in Deno) before recording more work. Over several devices the token
  // must reach the first device through the CPU anyway, so no step runs ahead.
  // Step k uses slot k % SLOTS for its readback and hook buffers.
  const graph = pipeline.last.graph, gpu = graph.gpu, vocab = engine.config.vocabSize;
  const single = pipeline.stages.length === 1;
  const gen = new Generation();
  const readbacks = gen.readbacks;
  // Decode in the prompt's context, so a SentencePiece leading space after the
  // prompt is kept, and special tokens (EOS) print nothing.
  const decoder = engine.tokenizer.decodeStream({
    prompt: Array.from(prompt),
    skipSpecialTokens: true,
  });
  const wantHooks = !!(options.cache?.length || options.interventions);
  // Step k's hook buffers go back to the pool when step k + SLOTS is recorded;
  // the caller has moved past step k by then.
  const hooksFor = (step: number, tokens: number, first: number) => {
    gen.releaseSlot(step % SLOTS);
    if (!wantHooks) return undefined;
    const allocate = (label: string, shape: number[], module: string) => {
      const on = engine.deviceOf(module);
      const t = new Tensor(on, on.acquire(label, shape[0] * shape[1] * 4), shape, "f32", 0, false);
      gen.held[step % SLOTS].push(t);
      return t;
    };
    // Positions from start + prompt.length on were fed generated tokens.
    const generation = { generatedFrom: start + prompt.length, stop: gen.stops };
    return buildHooks(engine.modules, options, tokens, first, allocate, generation);
  };
  const sample = (rec: Recorder, step: number) => {
    const logits = graph.scratch.logits.rows(0, 1).reshape([vocab]);
    sampleToken(rec, logits, gen.token!, sampler.next());
    readbacks[step % SLOTS].record(rec, gen.token!, gen.stops.on(gpu));
  };
  const hooks: ReturnType<typeof hooksFor>[] = new Array(SLOTS);
  let text = "";
  // Positions kept when the cache was claimed (-1 before), and tokens yielded.
  let start = -1, yielded = 0;
  try {
    await host.exclusive(async () => {
      start = host.claim(gen);
      for (let i = 0; i < SLOTS; i++) readbacks.push(new TokenReadback(gpu));
      gen.token = Tensor.empty(gpu, "generate.token", [1], "u32");
      hooks[0] = hooksFor(0, prompt.length, start);
      await pipeline.run(prompt, kv, {
        allLogits: false,
        taps: hooks[0]?.taps,
        after: (rec, first, n) => {
          if (first + n === prompt.length) sample(rec, 0);
        },
      });
      readbacks[0].request();
    });
    let issued = 1;
    /** Records step `issued`: from the GPU-held token on one device, else from `id`. */
    const issue = async (id: number | null) => {
      // Other calls may have used the engine while we were paused; one that
      // claimed this KV cache retired us (gen.check() throws).
      gen.check();
      const h = hooksFor(issued, 1, kv.length);
      hooks[issued % SLOTS] = h;
      const k = issued;
      if (id !== null) {
        await pipeline.run(Uint32Array.of(id), kv, {
          allLogits: false,
          taps: h?.taps,
          after: (rec) => sample(rec, k),
          wait: false,
        });
      } else {
        const rec = new Recorder(gpu, "generate.step");
        try {
          const token = gen.token!, tokens = graph.scratch.tokens;
          rec.copy(token.buffer, token.offset, tokens.buffer, tokens.offset, 4);
          await graph.record(rec, {
            tokens: new Uint32Array(1),
            tokensOnGpu: true,
            cache: kv,
            allLogits: false,
            taps: h?.taps,
          });
          sample(rec, k);
          rec.submit();
          kv.advance(1);
        } catch (e) {
          rec.abandon();
          throw e;
        }
      }
      readbacks[k % SLOTS].request();
      issued++;
    };
    for (let step = 0;; step++) {
      // Record the steps ahead before reading this one's token; the last few
      // may turn out unneeded (a stop token), which costs only GPU time.
      const ahead = () =>
        single && issued < maxNew && issued <= step + AHEAD && kv.length < kv.contextLength;
      if (ahead()) {
        await host.exclusive(async () => {
          while (ahead()) await issue(null);
        });
      }
      gen.check();
      let id: number, stop: number;
      try {
        ({ token: id, stop } = await readbacks[step % SLOTS].read());
        // Over several devices, flags off the sampling device come back on their own.
        for (const flag of gen.stops.others(gpu)) stop = Math.min(stop, (await flag.toArray())[0]);
      } catch (e) {
        gen.check(); // retired meanwhile: that is the reason the map failed
        throw e;
      }
      if (stop !== STOP_NONE) {
        // Raised in this step's pass: its token is withheld, and the steps
        // recorded ahead are dropped with it (the KV cache is rewound below).
        const reason = gen.stops.reasons[(stop % STOP_CODES) - 1] ??
          `stop code ${stop % STOP_CODES}`;
        host.aborted?.({ reason, position: Math.floor(stop / STOP_CODES), step });
        return options.kvCache;
      }
      if (id === NO_TOKEN) {
        throw new Error(
          `step ${step}: every logit is NaN or -inf; the model produced no usable distribution`,
        );
      }
      const last = step + 1 >= maxNew || stopIds.has(id);
      const piece = decoder.push(id) + (last ? decoder.flush() : "");
      text += piece;
      const cache = hooks[step % SLOTS]?.cache;
      yielded++;
      yield cache?.size ? { token: id, text: piece, cache } : { token: id, text: piece };
      if (last || stopStrings.some((s) => text.includes(s))) return options.kvCache;
      // Resumed: whatever ran while we were paused may have retired us.
      gen.check();
      if (!single && kv.length < kv.contextLength) await host.exclusive(() => issue(id));
      if (step + 1 >= issued) {
        throw new ContextLengthError(
          kv.contextLength + 1,
          kv.contextLength,
          `generation reached the context length ${kv.contextLength}`,
        );
      }
    }
  } finally {
    gen.free();
    host.finished(gen);
    if (start >= 0 && kv.holder === gen) {
      // Steps recorded ahead fed tokens nobody saw: keep only what was yielded.
      const fed = yielded ? start + prompt.length + yielded - 1 : start;
      if (!kv.disposed) kv.rewind(Math.min(kv.length, fed));
      kv.release(gen);
    }
  }
}
