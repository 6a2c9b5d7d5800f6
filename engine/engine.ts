// The public entry point: load a Hugging Face Llama folder onto a WebGPU
// device, run forward passes, generate text.

import type { Gpu } from "./gpu/gpu.ts";
import { Tensor } from "./gpu/tensor.ts";
import type { LlamaConfig } from "./formats/config.ts";
import type { Tokenizer } from "./formats/tokenizer.ts";
import { type KvCache, KvState } from "./model/kv_cache.ts";
import { checkTokenIds } from "./model/tokens.ts";
import {
  buildHooks,
  checkHookOptions,
  checkModuleName,
  composeTaps,
  type DerivedModule,
  type HookOptions,
  type ModuleTable,
  moduleWidth,
} from "./hooks.ts";
import { Interleaver, TraceAborted, type TracedModel } from "./trace.ts";
import { moduleNames, type Tap } from "./model/llama.ts";
import type { Pipeline } from "./model/pipeline.ts";
import type { DevicePlacement } from "./model/placement.ts";
import {
  disposeWeights,
  type LlamaWeights,
  type StageWeights,
  weightBytes,
} from "./model/weights.ts";
import { type GenerateOptions, type GenerateStep, generateTokens } from "./generate.ts";
import { type LoadedModel, loadModel, type LoadOptions } from "./load.ts";

export type { LoadOptions, WeightFormat } from "./load.ts";

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
  /** The first device (the only one unless the model is spread over several). */
  readonly gpu: Gpu;
  /** Every device, in pipeline order. */
  readonly devices: readonly Gpu[];
  readonly config: LlamaConfig;
  readonly tokenizer: Tokenizer;
  readonly source: string;
  readonly contextLength: number;
  /** Which layers each device holds, with their planned bytes. */
  readonly placement: readonly DevicePlacement[];
  readonly #weights: StageWeights[];
  readonly #pipeline: Pipeline;
  readonly #kv: KvCache;
  readonly #owned: Gpu[];
  readonly #derived = new Map<string, DerivedModule>();
  #disposed: string | null = null;

  private constructor(m: LoadedModel) {
    this.gpu = m.devices[0];
    this.devices = m.devices;
    this.#owned = m.owned;
    this.config = m.config;
    this.tokenizer = m.tokenizer;
    this.source = m.describe;
    this.placement = m.placement;
    this.#weights = m.weights;
    this.#pipeline = m.pipeline;
    this.#kv = m.kv;
    this.contextLength = m.kv.contextLength;
    // A lost device ends the engine: every device's buffers are freed, and the
    // running call (which races every wait against the loss) fails.
    for (const g of m.devices) {
      g.lost.then(() => {
        if (!this.#disposed) this.#release(this.#lostMessage(g));
      });
    }
  }

  /** Loads a model folder (local, http(s) or hf:owner/name[@revision]); see LoadOptions. */
  static async load(source: string, options: LoadOptions = {}): Promise<Engine> {
    return new Engine(await loadModel(source, options));
  }

  /** The device holding a module (or an attached value's module). */
  deviceOf(name: string): Gpu {
    checkModuleName(this.modules.names, name, "deviceOf");
    const base = this.#derived.get(name)?.parent ?? name;
    if (base === "model.embed_tokens") return this.#pipeline.first.gpu;
    if (base === "model.norm" || base === "lm_head") return this.#pipeline.last.gpu;
    const layer = Number(/^model\.layers\.(\d+)/.exec(base)![1]);
    return this.#pipeline.stageOfLayer(layer).gpu;
  }

  /** Uploads values as a tensor on the device of `module` (the caller disposes it). */
  tensorFor(module: string, data: Float32Array, shape: readonly number[]): Tensor<"f32"> {
    return Tensor.from(this.deviceOf(module), "Engine.tensor", data, shape, "f32");
  }

  /** Uploads values as a tensor on the first device (the caller disposes it); see tensorFor. */
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

  /**
   * The device weights of a one-device engine (read-only: for feature
   * analysis such as logit effects). See `head` for any number of devices.
   */
  get weights(): LlamaWeights {
    if (this.#weights.length !== 1) {
      throw new Error(
        `engine.weights: the model spans ${this.#weights.length} devices; use engine.head`,
      );
    }
    const w = this.#weights[0];
    return { embed: w.embed!, layers: w.layers, norm: w.norm!, lmHead: w.lmHead! };
  }

  /** The final norm weight [hidden] and lm_head [vocab, hidden], on the last device. */
  get head(): { gpu: Gpu; norm: Tensor<"f32">; lmHead: NonNullable<StageWeights["lmHead"]> } {
    const w = this.#weights[this.#weights.length - 1];
    return { gpu: this.#pipeline.last.gpu, norm: w.norm!, lmHead: w.lmHead! };
  }

  /** Bytes held per device. */
  get memoryByDevice(): MemoryReport[] {
    return this.#pipeline.stages.map((s, i) => ({
      device: s.gpu.name,
      weights: weightBytes(this.#weights[i]),
      kvCache: this.#kv.bytesOn(s.gpu),
      scratch: s.graph.scratch.all.reduce((n, t) => n + t.byteLength, 0) + (s.staging?.size ?? 0),
    }));
  }

  /** Bytes held on all devices together. */
  get memory(): MemoryReport {
    const all = this.memoryByDevice;
    return {
      device: all.map((m) => m.device).join("+"),
      weights: all.reduce((n, m) => n + m.weights, 0),
      kvCache: all.reduce((n, m) => n + m.kvCache, 0),
      scratch: all.reduce((n, m) => n + m.scratch, 0),
    };
  }

  /** Residual-stream bytes moved between devices since load. */
  get transferredBytes(): number {
    return this.#pipeline.transferredBytes;
  }

  /** Checks ids against the vocabulary and the context; returns them as u32. */
  checkTokens(tokens: ArrayLike<number>, pastLength = 0): Uint32Array {
    return checkTokenIds(tokens, this.config.vocabSize, pastLength, this.contextLength);
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
    if (tokens.length > this.#pipeline.maxChunk) {
      throw new Error(
        `trace: ${tokens.length} tokens exceed one chunk (${this.#pipeline.maxChunk}); ` +
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
    const start = this.#kv.continueFrom(options.pastKeyValues);
    const ids = this.checkTokens(tokens, start);
    const T = ids.length, vocab = this.config.vocabSize;
    const allLogits = !!options.allLogits || !!options.cache?.includes("lm_head");
    const hooks = buildHooks(
      this.modules,
      options,
      T,
      start,
      (label, shape, module) => Tensor.empty(this.deviceOf(module), label, shape, "f32"),
    );
    const made = hooks.made;
    try {
      const taps = traceTaps ? composeTaps(traceTaps, hooks.taps) : hooks.taps;
      const last = this.#pipeline.last;
      const logits = Tensor.empty(last.gpu, "forward.logits", [allLogits ? T : 1, vocab], "f32");
      made.push(logits);
      try {
        await this.#guard(this.#pipeline.run(ids, kv, {
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

  /** Streams generated tokens; see GenerateOptions. */
  generate(
    prompt: string | ArrayLike<number>,
    options: GenerateOptions = {},
  ): AsyncGenerator<GenerateStep> {
    this.#assertUsable();
    const ids = typeof prompt === "string" ? this.tokenizer.encode(prompt) : Array.from(prompt);
    const start = this.#kv.continueFrom(options.pastKeyValues);
    const checked = this.checkTokens(ids, start);
    // Checked now, so that a bad name fails at the call, not at the first step.
    checkHookOptions(this.modules, options);
    const steps = generateTokens(this, this.#pipeline, this.#kv, checked, start, options);
    return this.#guardSteps(steps);
  }

  async *#guardSteps(steps: AsyncGenerator<GenerateStep>): AsyncGenerator<GenerateStep> {
    try {
      yield* steps;
    } catch (e) {
      throw this.#explain(e);
    }
  }

  /** Runs `p`; a device loss during it becomes an error naming the device and its layers. */
  async #guard<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      throw this.#explain(e);
    }
  }

  #explain(e: unknown): unknown {
    const lost = this.devices.find((g) => g.isLost);
    if (!lost) return e;
    this.#release(this.#lostMessage(lost));
    return new Error(this.#lostMessage(lost), { cause: e });
  }

  #lostMessage(g: Gpu): string {
    const p = this.placement[this.devices.indexOf(g)];
    const what = p
      ? ` holding layers ${p.first}-${p.end - 1}${p.embed ? ", the embedding" : ""}` +
        `${p.head ? ", the final norm and lm_head" : ""}`
      : "";
    return `GPU device ${g.name}${what} was lost; the engine's buffers on every device were freed`;
  }

  #assertUsable(): void {
    if (this.#disposed) throw new Error(this.#disposed);
    for (const g of this.devices) if (g.isLost) throw new Error(this.#lostMessage(g));
    for (const g of this.devices) g.assertAlive();
  }

  /** Frees every buffer on every device; devices the engine created are destroyed. */
  dispose(): void {
    this.#release("this Engine was disposed");
  }

  #release(reason: string): void {
    if (this.#disposed) return;
    this.#disposed = reason;
    this.#kv.dispose();
    this.#pipeline.dispose();
    for (const w of this.#weights) disposeWeights(w);
    for (const g of this.#owned) if (!g.isLost) g.destroy();
    for (const g of this.devices) g.trimPool();
  }
}
