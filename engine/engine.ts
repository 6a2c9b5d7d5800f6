// The public entry point: load a Hugging Face Llama folder onto a WebGPU
// device, run forward passes, generate text.

import type { Gpu } from "./gpu/gpu.ts";
import { Tensor } from "./ops/tensor.ts";
import type { LlamaConfig } from "./formats/config.ts";
import type { Tokenizer } from "./formats/tokenizer.ts";
import type { FileSource } from "./platform/bytes.ts";
import type { KvCache } from "./model/kv_cache.ts";
import { type CacheOptions, EngineCaches } from "./caches.ts";
import { checkTokenIds } from "./model/tokens.ts";
import type { DerivedModule, ModuleTable } from "./hooks.ts";
import type { TracedModel } from "./trace.ts";
import {
  type EngineCore,
  forwardBatch,
  forwardOne,
  forwardThenCall,
  generateCall,
  traceBatch,
  traceOne,
} from "./engine_calls.ts";
import { type ForwardOptions, forwardPass, type ForwardResult, type PassHost } from "./forward.ts";
import {
  batchedForwardPass,
  type BatchLayout,
  type BatchTraceResult,
  isBatch,
  type PromptInput,
} from "./batch.ts";
import { EngineLife } from "./lifecycle.ts";
import { EngineModules } from "./modules.ts";
import type { Tap } from "./model/llama.ts";
import type { Pipeline } from "./model/pipeline.ts";
import type { DevicePlacement } from "./model/placement.ts";
import type { WeightMatrix } from "./quant/matrix.ts";
import { disposeWeights, type LlamaWeights, type StageWeights } from "./model/weights.ts";
import type { GenerateOptions, GenerateStream } from "./generate.ts";
import { UsageError } from "./errors.ts";
import { type LoadedModel, loadModel, type LoadOptions } from "./load.ts";
import { memoryByDevice, type MemoryReport, totalMemory } from "./memory.ts";
import { saveModelWeights } from "./model/weights_container.ts";

export type { LoadOptions, WeightFormat } from "./load.ts";
export type { MemoryReport } from "./memory.ts";
export type { ForwardOptions, ForwardResult } from "./forward.ts";
export type { BatchLayout, BatchTraceResult, PromptInput } from "./batch.ts";
export { KvCache } from "./model/kv_cache.ts";
export type { CacheOptions } from "./caches.ts";

/**
 * A loaded Llama-family model on one or more WebGPU devices: `forward`,
 * `trace` and `generate`, with interventions and caching at any module, KV
 * caches as values (`createCache`), and `dispose()` to free it all.
 */
export class Engine {
  /** The first device (the only one unless the model is spread over several). */
  readonly gpu: Gpu;
  /** Every device, in pipeline order. */
  readonly devices: readonly Gpu[];
  /** The model's config.json, checked. */
  readonly config: LlamaConfig;
  /** The model's tokenizer (tokenizer.json + tokenizer_config.json). */
  readonly tokenizer: Tokenizer;
  /** Where the model was loaded from (folder, URL or hf: name). */
  readonly source: string;
  /** Positions the engine's KV cache holds (LoadOptions.contextLength). */
  readonly contextLength: number;
  /** Which layers each device holds, with their planned bytes. */
  readonly placement: readonly DevicePlacement[];
  readonly #weights: StageWeights[];
  readonly #pipeline: Pipeline;
  /** The engine's own KV cache (calls given none) and createCache()'s. */
  readonly #caches: EngineCaches;
  readonly #owned: Gpu[];
  readonly #modules: EngineModules;
  /** The call queue, dispose() and device loss (engine/lifecycle.ts). */
  readonly #life: EngineLife;
  readonly #quant: string;

  private constructor(m: LoadedModel) {
    this.gpu = m.devices[0];
    this.devices = m.devices;
    this.#owned = m.owned;
    this.config = m.config;
    this.tokenizer = m.tokenizer;
    this.source = m.describe;
    this.placement = m.placement;
    this.#weights = m.weights;
    this.#quant = m.quant;
    this.#pipeline = m.pipeline;
    this.#caches = new EngineCaches(this, m.kv, m.pipeline, m.config);
    this.contextLength = m.kv.contextLength;
    this.#modules = new EngineModules(m.config, m.pipeline);
    this.#life = new EngineLife(
      m.devices,
      m.placement,
      () => m.pipeline.stages.some((s) => s.graph.tapping),
      () => this.#free(),
    );
  }

  /**
   * Loads a model folder (local, http(s) or hf:owner/name[@revision]) or a
   * .gguf file; see LoadOptions. A FileSource (say fileListSource over files
   * picked in a browser) is read as a model folder, or as its one .gguf file
   * when it has no config.json and lists exactly one.
   */
  static async load(source: string | FileSource, options: LoadOptions = {}): Promise<Engine> {
    return new Engine(await loadModel(source, options));
  }

  /**
   * Writes the weights as loaded (each matrix in its device layout: f32 rows,
   * q8/q4 codes and scales, ggml blocks), the norms, config, tokenizer files
   * and the quantization into one safetensors container on `sink`, tensor by
   * tensor, then closes it (aborts it on failure). Engine.load of that file,
   * named *.loupe.safetensors, copies it to the device with no conversion
   * (ARCHITECTURE.md, "Device-layout containers"). Returns the bytes written.
   */
  async saveWeights(sink: WritableStream<Uint8Array>): Promise<number> {
    this.#life.assertCallable("saveWeights");
    const info = { config: this.config, tokenizer: this.tokenizer, quant: this.#quant };
    return await this.#life.queue.run(() => saveModelWeights(info, this.#weights, sink));
  }

  /** The device holding a module (or an attached value's module). */
  deviceOf(name: string): Gpu {
    return this.#modules.deviceOf(name);
  }

  /** Uploads values as a tensor on the device of `module` (the caller disposes it). */
  tensorFor(module: string, data: Float32Array, shape: readonly number[]): Tensor<"f32"> {
    return Tensor.from(this.deviceOf(module), "Engine.tensor", data, shape, "f32");
  }

  /** Uploads values as a tensor on the first device (the caller disposes it); see tensorFor. */
  tensor(data: Float32Array, shape: readonly number[]): Tensor<"f32"> {
    return Tensor.from(this.gpu, "Engine.tensor", data, shape, "f32");
  }

  /** Every name `cache` accepts, in execution order; attach()ed values follow their parent. */
  get moduleNames(): string[] {
    return this.modules.names as string[];
  }

  /** Module names, widths and attached derived values, for hooks. */
  get modules(): ModuleTable {
    return this.#modules.table;
  }

  /** The model modules only (no derived values), in execution order. */
  get baseModuleNames(): string[] {
    return this.#modules.base;
  }

  /**
   * Registers a value computed from a module's output under `name`, so that it
   * can be cached like a module (sae/attach.ts hangs SAE features this way).
   */
  attach(name: string, spec: DerivedModule): void {
    this.#modules.attach(name, spec);
  }

  /** Forgets a value registered with attach(). */
  detach(name: string): void {
    this.#modules.detach(name);
  }

  /** Output width of a module or attached value. */
  moduleWidth(name: string): number {
    return this.#modules.width(name);
  }

  /**
   * The device weights of a one-device engine (read-only: for feature
   * analysis such as logit effects). See `head` for any number of devices.
   */
  get weights(): LlamaWeights {
    const n = this.#weights.length;
    if (n !== 1) {
      throw new UsageError(`engine.weights: the model spans ${n} devices; use engine.head`);
    }
    const w = this.#weights[0];
    return { embed: w.embed!, layers: w.layers, norm: w.norm!, lmHead: w.lmHead! };
  }

  /** The final norm weight [hidden] and lm_head [vocab, hidden], on the last device. */
  get head(): { gpu: Gpu; norm: Tensor<"f32">; lmHead: WeightMatrix } {
    const w = this.#weights[this.#weights.length - 1];
    return { gpu: this.#pipeline.last.gpu, norm: w.norm!, lmHead: w.lmHead! };
  }

  /** Bytes held per device. */
  get memoryByDevice(): MemoryReport[] {
    return memoryByDevice(this.#pipeline, this.#weights, this.#caches.all);
  }

  /** Bytes held on all devices together. */
  get memory(): MemoryReport {
    return totalMemory(this.memoryByDevice);
  }

  /** Residual-stream bytes moved between devices since load. */
  get transferredBytes(): number {
    return this.#pipeline.transferredBytes;
  }

  /**
   * Checks ids against the vocabulary and a context of `contextLength`
   * (default: the engine's) after `pastLength` positions; returns them as u32.
   */
  checkTokens(
    tokens: ArrayLike<number>,
    pastLength = 0,
    contextLength = this.contextLength,
  ): Uint32Array {
    return checkTokenIds(tokens, this.config.vocabSize, pastLength, contextLength);
  }

  /**
   * A new, empty KV cache on the devices of the layers, for `kvCache` in
   * forward, trace and generate. Several may be alive at once (say a clean and
   * a steered continuation of one prompt); each holds `contextLength`
   * positions of keys and values per layer until its dispose() (or the
   * engine's).
   */
  createCache(options: CacheOptions = {}): KvCache {
    this.#life.assertUsable();
    return this.#caches.create(options);
  }

  /**
   * One pass over `input` (token ids, or text tokenized as generate does),
   * from an empty KV cache or appending to `options.kvCache`, with optional
   * caching and interventions (see HookOptions).
   *
   * Given several prompts (an array of texts or of token arrays), runs them in
   * one pass, concatenated without padding (engine/batch.ts), and returns one
   * result per prompt, each what `forward` of that prompt alone returns
   * (interventions are called once per prompt on its rows, `ctx.prompt` its
   * index). A batch starts from empty caches: `kvCache` is refused.
   */
  forward(input: PromptInput, options?: ForwardOptions): Promise<ForwardResult>;
  /** Several prompts in one pass: one result per prompt (see above). */
  forward(inputs: readonly PromptInput[], options?: ForwardOptions): Promise<ForwardResult[]>;
  async forward(
    input: PromptInput | readonly PromptInput[],
    options: ForwardOptions = {},
  ): Promise<ForwardResult | ForwardResult[]> {
    this.#life.assertCallable("forward");
    if (isBatch<PromptInput>(input)) {
      return await forwardBatch(this.#core, input.map((p) => this.#tokenize(p)), options);
    }
    return await forwardOne(this.#core, this.#tokenize(input as PromptInput), options);
  }

  /**
   * nnsight-style: `fn` runs alongside one pass over `input` (token ids or
   * text) and may await module outputs (`await m.layers[2].output`), save them
   * (`.save()`), and replace them by assignment. See engine/trace.ts. The
   * prompt must fit one chunk (maxChunk).
   *
   * Given several prompts, they run in one pass (their tokens together must
   * fit one chunk): a module's output is their rows concatenated in order,
   * `fn`'s second argument says where each prompt's rows are, and assigning
   * rows of one prompt from another's patches activations between prompts:
   * `m.layers[1].output = h.withRows(b.rows(1, [-1])[0], h.selectRows(b.rows(0, [-1])))`.
   */
  trace<R>(
    input: PromptInput,
    fn: (m: TracedModel) => Promise<R> | R,
    options?: ForwardOptions,
  ): Promise<ForwardResult & { value: R }>;
  /** Several prompts in one traced pass: one result per prompt (see above). */
  trace<R>(
    inputs: readonly PromptInput[],
    fn: (m: TracedModel, batch: BatchLayout) => Promise<R> | R,
    options?: ForwardOptions,
  ): Promise<BatchTraceResult<R>>;
  async trace<R>(
    input: PromptInput | readonly PromptInput[],
    fn: (m: TracedModel, batch: BatchLayout) => Promise<R> | R,
    options: ForwardOptions = {},
  ): Promise<(ForwardResult & { value: R }) | BatchTraceResult<R>> {
    this.#life.assertCallable("trace");
    if (isBatch<PromptInput>(input)) {
      return await traceBatch(this.#core, input.map((p) => this.#tokenize(p)), fn, options);
    }
    return await traceOne(this.#core, this.#tokenize(input as PromptInput), fn, options);
  }

  /** The private parts trace and generate use (engine/engine_calls.ts). */
  get #core(): EngineCore {
    return {
      engine: this,
      tree: this.#modules.tree,
      caches: this.#caches,
      pipeline: this.#pipeline,
      life: this.#life,
      pass: (tokens, kv, options, taps) => this.#pass(tokens, kv, options, taps),
      batchPass: (prompts, options, taps) => this.#batchPass(prompts, options, taps),
    };
  }

  /** What a pass on `kv` needs from the engine (engine/forward.ts, engine/batch.ts). */
  #host(kv: KvCache): Omit<PassHost, "ids"> {
    return {
      modules: this.modules,
      deviceOf: (m) => this.deviceOf(m),
      pipeline: this.#pipeline,
      kv,
      claim: () => this.#caches.claim(kv, null),
      guard: (p) => this.#life.guard(p),
      assertOpen: () => this.#life.assertOpen(),
    };
  }

  #pass(
    tokens: ArrayLike<number>,
    kv: KvCache,
    options: ForwardOptions,
    traceTaps: Map<string, Tap> | undefined,
  ): Promise<ForwardResult> {
    const ids = () => this.checkTokens(tokens, this.#caches.kept(kv), kv.contextLength);
    return forwardPass({ ...this.#host(kv), ids }, options, traceTaps);
  }

  /** Several prompts from empty caches, in the engine's own KV cache. */
  #batchPass(
    prompts: readonly number[][],
    options: ForwardOptions,
    traceTaps: Map<string, Tap> | undefined,
  ): Promise<ForwardResult[]> {
    const kv = this.#caches.own;
    const checked = prompts.map((p) => this.checkTokens(p, 0, kv.contextLength));
    return batchedForwardPass({ ...this.#host(kv), prompts: checked }, options, traceTaps);
  }

  /**
   * Streams generated tokens; see GenerateOptions. Its return value (the
   * `done` result) is `options.kvCache` holding every position fed.
   */
  generate(
    prompt: string | ArrayLike<number>,
    options: GenerateOptions = {},
  ): GenerateStream {
    this.#life.assertCallable("generate");
    return generateCall(this.#core, this.#tokenize(prompt), options);
  }

  /**
   * One pass over `input` as `forward`, then `after(result)` with the call
   * queue still held, so that no other call records meanwhile and dispose()
   * waits for `after` too (gradients run their backward there). `after` owns
   * the result; it must not call this engine's forward, trace or generate.
   */
  async forwardThen<T>(
    input: PromptInput,
    options: ForwardOptions,
    after: (r: ForwardResult) => Promise<T>,
  ): Promise<T> {
    this.#life.assertCallable("forward");
    return await forwardThenCall(this.#core, this.#tokenize(input), options, after);
  }

  /**
   * Runs `fn` in the engine's call queue: no pass records while it runs, so
   * GPU work in it (Tensor ops, reads of SAE or model weights) can neither
   * join a pass nor see half of one. Passes queued meanwhile (other calls,
   * the next step of a generation) wait for it. `fn` must not call this
   * engine's forward, trace or generate: they would wait for `fn` forever.
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.#life.assertCallable("exclusive");
    return await this.#life.queue.run(fn);
  }

  #tokenize(input: string | ArrayLike<number>): number[] {
    return typeof input === "string" ? this.tokenizer.encode(input) : Array.from(input);
  }

  /**
   * Frees every buffer on every device, paused generations' included; devices
   * the engine created are destroyed. A call running at that moment finishes
   * its GPU work first and then fails with UsageError, as do queued calls.
   */
  dispose(): void {
    this.#life.release("this Engine was disposed");
  }

  /** Frees every buffer (EngineLife calls it once, after the last running call). */
  #free(): void {
    this.#caches.dispose();
    this.#pipeline.dispose();
    for (const w of this.#weights) disposeWeights(w);
    for (const g of this.#owned) if (!g.isLost) g.destroy();
    for (const g of this.devices) g.trimPool();
  }
}
