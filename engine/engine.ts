// The public entry point: load a Hugging Face Llama folder onto a WebGPU
// device, run forward passes, generate text.

import { Gpu } from "./gpu/gpu.ts";
import { Recorder } from "./gpu/recorder.ts";
import { Tensor } from "./gpu/tensor.ts";
import { type LlamaConfig, loadLlamaConfig } from "./formats/config.ts";
import { openSafetensors } from "./formats/safetensors.ts";
import { type FileSource, openSource, type SourceOptions } from "./formats/source.ts";
import { Tokenizer } from "./formats/tokenizer.ts";
import { KvCache } from "./model/kv_cache.ts";
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

export interface ForwardOptions {
  /** Return logits for every position ([T, vocab]) instead of the last ([1, vocab]). */
  allLogits?: boolean;
  /** Module outputs to keep, by HF name ("model.layers.2", "model.norm"). */
  cache?: readonly string[];
}

export interface ForwardResult {
  /** [1, vocab] for the last position, or [T, vocab] with `allLogits`. */
  logits: Tensor<"f32">;
  /** Module name -> output [T, width] on the GPU. */
  cache: Map<string, Tensor<"f32">>;
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
      graph = new LlamaGraph(gpu, config, weights, maxChunk);
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

  /** Every module name that `cache` accepts, in execution order. */
  get moduleNames(): string[] {
    return moduleNames(this.config);
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

  /** One pass over `tokens` from an empty KV cache. */
  async forward(tokens: ArrayLike<number>, options: ForwardOptions = {}): Promise<ForwardResult> {
    this.#assertUsable();
    const ids = this.checkTokens(tokens);
    const names = new Set(this.moduleNames);
    const made: Tensor[] = [];
    const cache = new Map<string, Tensor<"f32">>();
    const taps = new Map<string, Tap>();
    const T = ids.length;
    try {
      for (const name of options.cache ?? []) {
        if (!names.has(name)) {
          throw new Error(`unknown module "${name}"; valid names: ${this.moduleNames.join(", ")}`);
        }
        if (name === "lm_head") continue; // served by the all-positions logits below
        const width = moduleWidth(this.config, name);
        const dest = Tensor.empty(this.gpu, `cache.${name}`, [T, width], "f32");
        made.push(dest);
        cache.set(name, dest);
        taps.set(
          name,
          (x, ctx) =>
            ctx.rec.copy(
              x.buffer,
              x.offset,
              dest.buffer,
              ctx.positionStart * width * 4,
              x.byteLength,
            ),
        );
      }
      const allLogits = options.allLogits || (options.cache ?? []).includes("lm_head");
      const vocab = this.config.vocabSize;
      const logits = Tensor.empty(this.gpu, "forward.logits", [allLogits ? T : 1, vocab], "f32");
      made.push(logits);
      this.#kv.length = 0;
      await this.#graph.runPrompt(ids, this.#kv, allLogits, taps, (rec, start, n) => {
        const rows = allLogits ? n : 1;
        const dst = allLogits ? start * vocab * 4 : 0;
        rec.copy(this.#graph.scratch.logits.buffer, 0, logits.buffer, dst, rows * vocab * 4);
      });
      if ((options.cache ?? []).includes("lm_head")) cache.set("lm_head", logits);
      const last = allLogits && !options.allLogits ? await lastRow(logits, made) : logits;
      return {
        logits: last,
        cache,
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
    return generateTokens(this, this.#graph, this.#kv, this.checkTokens(ids), options);
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

function moduleWidth(c: LlamaConfig, name: string): number {
  if (name === "lm_head") return c.vocabSize;
  return c.hiddenSize;
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
