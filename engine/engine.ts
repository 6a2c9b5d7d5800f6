// The public entry point: load a Hugging Face Llama folder onto a WebGPU
// device, run forward passes, generate text.

import { Gpu } from "./gpu/gpu.ts";
import { Recorder } from "./gpu/recorder.ts";
import { Tensor } from "./gpu/tensor.ts";
import { type LlamaConfig, loadLlamaConfig } from "./formats/config.ts";
import { openSafetensors } from "./formats/safetensors.ts";
import { type FileSource, openSource, type SourceOptions } from "./formats/source.ts";
import { Tokenizer } from "./formats/tokenizer.ts";
import { KvCache, KvState } from "./model/kv_cache.ts";
import {
  buildHooks,
  checkHookOptions,
  checkModuleName,
  type DerivedModule,
  type HookOptions,
  type ModuleTable,
  moduleWidth,
} from "./hooks.ts";
import { Interleaver, TraceAborted, type TracedModel } from "./trace.ts";
import { LlamaGraph, moduleNames, type Tap } from "./model/llama.ts";
import { disposeWeights, type LlamaWeights, loadWeights, weightBytes } from "./model/weights.ts";
import { type GenerateOptions, type GenerateStep, generateTokens } from "./generate.ts";

/** How weights are held on the device. */
export type WeightFormat = "f32" | "q8" | "q4";

export interface LoadOptions extends SourceOptions {
  /** Weight format on the device, quantized on load. Default "f32". */
  quant?: WeightFormat;
  /** Device to load onto; by default a new one from navigator.gpu. */
  gpu?: Gpu;
  /** Lower the bytes per storage binding (tests of the chunked paths). */
  maxBindingBytes?: number;
  /** KV cache positions; default max_position_embeddings, capped at 4096. */
  contextLength?: number;
  /** Tokens per prefill chunk (activation scratch is sized by it). Default 128. */
  maxChunk?: number;
  /** Called as tensors reach the device. */
  onProgress?: (done: number, total: number, tensor: string) => void;
}

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

export interface MemoryReport {
  device: string;
  weights: number;
  kvCache: number;
  scratch: number;
}

export class Engine {
  readonly gpu: Gpu;
  readonly config: LlamaConfig;
  readonly tokenizer: Tokenizer;
  readonly source: string;
  readonly contextLength: number;
  readonly #weights: LlamaWeights;
  readonly #graph: LlamaGraph;
  readonly #kv: KvCache;
  readonly #ownsGpu: boolean;
  readonly #derived = new Map<string, DerivedModule>();
  #disposed = false;

  private constructor(
    init: {
      gpu: Gpu;
      ownsGpu: boolean;
      config: LlamaConfig;
      tokenizer: Tokenizer;
      source: string;
      weights: LlamaWeights;
      graph: LlamaGraph;
      kv: KvCache;
    },
  ) {
    this.gpu = init.gpu;
    this.#ownsGpu = init.ownsGpu;
    this.config = init.config;
    this.tokenizer = init.tokenizer;
    this.source = init.source;
    this.#weights = init.weights;
    this.#graph = init.graph;
    this.#kv = init.kv;
    this.contextLength = init.kv.contextLength;
  }

  static async load(source: string, options: LoadOptions = {}): Promise<Engine> {
    const files = await openSource(source, options);
    const config = await loadLlamaConfig(files);
    const tokenizer = await loadTokenizer(files);
    const contextLength = options.contextLength ?? Math.min(config.maxPositionEmbeddings, 4096);
    if (!Number.isInteger(contextLength) || contextLength < 1) {
      throw new Error(`contextLength must be a positive integer, got ${contextLength}`);
    }
    const maxChunk = options.maxChunk ?? 128;
    const ckpt = await openSafetensors(files);
    const gpu = options.gpu ?? await Gpu.create({ maxBindingBytes: options.maxBindingBytes });
    let weights: LlamaWeights | undefined, graph: LlamaGraph | undefined, kv: KvCache | undefined;
    try {
      weights = await loadWeights(gpu, config, ckpt, files.describe, {
        format: options.quant ?? "f32",
        onProgress: options.onProgress,
      });
      graph = new LlamaGraph(gpu, config, weights, maxChunk, contextLength);
      kv = new KvCache(gpu, config, contextLength);
      gpu.assertAlive();
    } catch (e) {
      kv?.dispose();
      graph?.dispose();
      if (weights) disposeWeights(weights);
      if (!options.gpu) gpu.destroy();
      throw e;
    } finally {
      ckpt.close();
    }
    return new Engine({
      gpu,
      ownsGpu: !options.gpu,
      config,
      tokenizer,
      source: files.describe,
      weights,
      graph,
      kv,
    });
  }

  /** Uploads values as a tensor on this engine's device (the caller disposes it). */
  tensor(data: Float32Array, shape: readonly number[]): Tensor<"f32"> {
    return Tensor.from(this.gpu, "Engine.tensor", data, shape, "f32");
  }

  /**
   * Every module name that `cache` accepts, in execution order; attached
   * derived values (attach()) follow their parent module.
   */
  get moduleNames(): string[] {
    return this.modules.names as string[];
  }

  /** Module names, widths and attached derived values, for hooks. */
  get modules(): ModuleTable {
    const base = moduleNames(this.config);
    const names: string[] = [];
    for (const n of base) {
      names.push(n);
      for (const [d, spec] of this.#derived) if (spec.parent === n) names.push(d);
    }
    const derived = this.#derived, config = this.config;
    return { names, derived, width: (n) => derived.get(n)?.width ?? moduleWidth(config, n) };
  }

  /** The model modules only (no derived values), in execution order. */
  get baseModuleNames(): string[] {
    return moduleNames(this.config);
  }

  /**
   * Registers a value computed from a module's output under `name`, so that it
   * can be cached like a module (sae/attach.ts hangs SAE features this way).
   */
  attach(name: string, spec: DerivedModule): void {
    if (!moduleNames(this.config).includes(spec.parent)) {
      throw new Error(
        `attach ${name}: unknown module "${spec.parent}"; valid names: ${
          moduleNames(this.config).join(", ")
        }`,
      );
    }
    if (this.modules.names.includes(name)) throw new Error(`attach: the name ${name} is taken`);
    this.#derived.set(name, spec);
  }

  detach(name: string): void {
    this.#derived.delete(name);
  }

  /** Output width of a module or attached value. */
  moduleWidth(name: string): number {
    checkModuleName(this.modules.names, name, "moduleWidth");
    return this.modules.width(name);
  }

  /** The device weights (read-only: for feature analysis such as logit effects). */
  get weights(): LlamaWeights {
    return this.#weights;
  }

  get memory(): MemoryReport {
    return {
      device: this.gpu.name,
      weights: weightBytes(this.#weights),
      kvCache: this.#kv.byteLength,
      scratch: this.#graph.scratch.all.reduce((n, t) => n + t.byteLength, 0),
    };
  }

  /** Checks ids against the vocabulary and the context; returns them as u32. */
  checkTokens(tokens: ArrayLike<number>, pastLength = 0): Uint32Array {
    if (tokens.length === 0) throw new Error("tokens: at least one token id is needed");
    const vocab = this.config.vocabSize;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!Number.isInteger(t) || t < 0 || t >= vocab) {
        throw new Error(
          `tokens[${i}] = ${t} is not a token id: expected an integer in [0, ${vocab})`,
        );
      }
    }
    if (pastLength + tokens.length > this.contextLength) {
      throw new Error(
        `prompt of ${tokens.length} tokens` + (pastLength ? ` after ${pastLength} cached` : "") +
          ` exceeds the context length ${this.contextLength}`,
      );
    }
    return Uint32Array.from(tokens);
  }

  /**
   * One pass over `tokens`, from an empty KV cache or continuing
   * `pastKeyValues`, with optional caching and interventions (see HookOptions).
   */
  async forward(tokens: ArrayLike<number>, options: ForwardOptions = {}): Promise<ForwardResult> {
    this.#assertUsable();
    return await this.#pass(tokens, options, undefined);
  }

  /**
   * nnsight-style: `fn` runs alongside one pass and may await module outputs
   * (`await m.layers[2].output`), save them (`.save()`), and replace them by
   * assignment. See engine/trace.ts. The prompt must fit one chunk (maxChunk).
   */
  async trace<R>(
    tokens: ArrayLike<number>,
    fn: (m: TracedModel) => Promise<R> | R,
    options: ForwardOptions = {},
  ): Promise<ForwardResult & { value: R }> {
    this.#assertUsable();
    if (tokens.length > this.#graph.maxChunk) {
      throw new Error(
        `trace: ${tokens.length} tokens exceed one chunk (${this.#graph.maxChunk}); ` +
          `load the engine with a larger maxChunk`,
      );
    }
    const interleaver = new Interleaver(this.baseModuleNames, this.config.numHiddenLayers);
    const run = interleaver.start(fn);
    await interleaver.firstTurn();
    let result: ForwardResult;
    try {
      const tap = interleaver.tap();
      result = await this.#pass(
        tokens,
        options,
        new Map(this.baseModuleNames.map((n) => [n, tap])),
      );
      interleaver.end();
    } catch (e) {
      interleaver.end();
      // The function's own error explains an aborted pass best.
      if (e instanceof TraceAborted) await run;
      throw e;
    }
    try {
      return { ...result, value: await run };
    } catch (e) {
      result.dispose();
      throw e;
    }
  }

  async #pass(
    tokens: ArrayLike<number>,
    options: ForwardOptions,
    traceTaps: Map<string, Tap> | undefined,
  ): Promise<ForwardResult> {
    const kv = this.#kv;
    const start = this.#continueFrom(options.pastKeyValues);
    const ids = this.checkTokens(tokens, start);
    const T = ids.length, vocab = this.config.vocabSize;
    const allLogits = !!options.allLogits || !!options.cache?.includes("lm_head");
    const hooks = buildHooks(
      this.modules,
      options,
      T,
      start,
      (label, shape) => Tensor.empty(this.gpu, label, shape, "f32"),
    );
    const made = hooks.made;
    try {
      const taps = traceTaps ? composeTaps(traceTaps, hooks.taps) : hooks.taps;
      const logits = Tensor.empty(this.gpu, "forward.logits", [allLogits ? T : 1, vocab], "f32");
      made.push(logits);
      try {
        await this.#graph.runPrompt(
          ids,
          kv,
          allLogits,
          taps.size ? taps : undefined,
          (rec, first, n) => {
            const rows = allLogits ? n : 1;
            rec.copy(
              this.#graph.scratch.logits.buffer,
              0,
              logits.buffer,
              allLogits ? first * vocab * 4 : 0,
              rows * vocab * 4,
            );
          },
        );
      } finally {
        kv.version++;
      }
      const last = allLogits && !options.allLogits ? await lastRow(logits, made) : logits;
      return {
        logits: last,
        cache: hooks.cache,
        pastKeyValues: new KvState(kv, kv.length, kv.version),
        dispose: () => made.forEach((t) => t.dispose()),
      };
    } catch (e) {
      for (const t of made) t.dispose();
      throw e;
    }
  }

  /** Sets the KV cache up to continue `state` (or to start empty); returns its length. */
  #continueFrom(state: KvState | undefined): number {
    const kv = this.#kv;
    if (!state) {
      kv.length = 0;
      return 0;
    }
    if (!(state instanceof KvState) || state.cache !== kv) {
      throw new Error("pastKeyValues: this KV cache belongs to another engine");
    }
    if (state.version !== kv.version) {
      throw new Error(
        "pastKeyValues: stale: the engine's KV cache was used by a later forward, trace or generate " +
          "call; continue from the newest result's pastKeyValues",
      );
    }
    kv.length = state.length;
    return state.length;
  }

  /** Streams generated tokens; see GenerateOptions. */
  generate(
    prompt: string | ArrayLike<number>,
    options: GenerateOptions = {},
  ): AsyncGenerator<GenerateStep> {
    this.#assertUsable();
    const ids = typeof prompt === "string" ? this.tokenizer.encode(prompt) : Array.from(prompt);
    const start = this.#continueFrom(options.pastKeyValues);
    const checked = this.checkTokens(ids, start);
    // Checked now, so that a bad name fails at the call, not at the first step.
    checkHookOptions(this.modules, options);
    return generateTokens(this, this.#graph, this.#kv, checked, start, options);
  }

  #assertUsable(): void {
    if (this.#disposed) throw new Error("this Engine was disposed");
    this.gpu.assertAlive();
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#kv.dispose();
    this.#graph.dispose();
    disposeWeights(this.#weights);
    if (this.#ownsGpu) this.gpu.destroy();
  }
}

/** Runs `first`'s tap, then `second`'s, on the same module. */
function composeTaps(first: Map<string, Tap>, second: Map<string, Tap>): Map<string, Tap> {
  const out = new Map(first);
  for (const [name, tap] of second) {
    const a = out.get(name);
    out.set(
      name,
      !a ? tap : async (x, ctx) => {
        const r = (await a(x, ctx)) ?? x;
        return (await tap(r, ctx)) ?? r;
      },
    );
  }
  return out;
}

async function lastRow(logits: Tensor<"f32">, made: Tensor[]): Promise<Tensor<"f32">> {
  const [T, vocab] = logits.shape;
  const last = Tensor.empty(logits.gpu, "forward.lastLogits", [1, vocab], "f32");
  made.push(last);
  const rec = new Recorder(logits.gpu, "forward.lastRow");
  rec.copy(logits.buffer, (T - 1) * vocab * 4, last.buffer, 0, vocab * 4);
  rec.submit();
  await logits.gpu.device.queue.onSubmittedWorkDone();
  return last;
}

async function loadTokenizer(files: FileSource): Promise<Tokenizer> {
  const json = await files.text("tokenizer.json");
  const config = (await files.has("tokenizer_config.json"))
    ? await files.text("tokenizer_config.json")
    : null;
  // Newer uploads keep the chat template in its own file.
  const chatTemplate = (await files.has("chat_template.jinja"))
    ? await files.text("chat_template.jinja")
    : undefined;
  return Tokenizer.fromText(json, config, `${files.describe}/tokenizer.json`, {
    configFile: `${files.describe}/tokenizer_config.json`,
    chatTemplate,
  });
}
