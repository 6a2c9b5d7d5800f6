// Engine.load's work: open a source, read config and tokenizer, plan where the
// layers go, stream each device's weights, build the graphs and the KV cache.
// Anything allocated is freed again if any step fails. A source is a folder
// (config.json, tokenizer.json, safetensors) or one .gguf file, which holds
// all three.

import { Gpu } from "./gpu/gpu.ts";
import { type LlamaConfig, loadLlamaConfig } from "./formats/config.ts";
import { type Checkpoint, storedPlanFormat } from "./formats/checkpoint.ts";
import { openGgufModel } from "./formats/gguf.ts";
import { openSafetensors } from "./formats/safetensors.ts";
import {
  type FileSource,
  openSource,
  type SourceOptions,
  splitFileSource,
} from "./formats/source.ts";
import { Tokenizer } from "./formats/tokenizer.ts";
import { abortableSource } from "./platform/files.ts";
import { KvCache } from "./model/kv_cache.ts";
import { LlamaGraph } from "./model/llama.ts";
import { Pipeline } from "./model/pipeline.ts";
import { type DevicePlacement, planPlacement } from "./model/placement.ts";
import { FormatError, UsageError } from "./errors.ts";
import { checkMatrixFormat, type MatrixFormat } from "./quant/format.ts";
import { isWeightMix, type WeightMix } from "./quant/mix.ts";
import { type ImportanceOption, resolveImportance } from "./importance.ts";
import { type BudgetSettings, resolveBudgetPlan } from "./budget_plan.ts";
import { TOP_TENSORS } from "./model/modules.ts";
import { openContainerModel } from "./load_container.ts";
import { loadContainerStage } from "./model/weights_container.ts";
import {
  checkCheckpoint,
  disposeWeights,
  expectedTensors,
  loadStageWeights,
  type StageWeights,
} from "./model/weights.ts";

/**
 * How weights are held on the device: f32; q8/q4 blocks; q4k/q6k, ggml's
 * Q4_K/Q6_K super-blocks (about 4.5 and 6.6 bits per weight); or a mix
 * choosing per tensor (engine/quant/mix.ts): "q4km" (llama.cpp's Q4_K_M rule)
 * or "q4kb" (measured, under a bits-per-weight budget: engine/budget_plan.ts).
 */
export type WeightFormat = "f32" | "q8" | "q4" | "q4k" | "q6k" | WeightMix;

/** How Engine.load reads, quantizes and places a model. */
export interface LoadOptions extends SourceOptions {
  /**
   * Weight format on the device, quantized on load. Default "f32"; for a
   * GGUF file the default keeps every tensor's stored type (no
   * re-quantization), and a given format converts from it. "q4km" is
   * llama.cpp's Q4_K_M mix: q6k for lm_head (and a tied embedding) and for
   * v_proj / down_proj in about a third of the layers, q4k elsewhere.
   * "q4kb" is a budgeted mix: per tensor the format (q4k / q5k / q6k for rows
   * that are multiples of 256, else q4 / q4_1 / q5_1 / q8 blocks of 32 or 64)
   * that minimizes the output KL measured on the model's own sampled text
   * within `budget.bits` (default 4.9) bits per weight as stored on the
   * device; measured once on an f32 copy and kept next to the importance
   * vectors.
   */
  quant?: WeightFormat;
  /** The "q4kb" mix's budget and calibration (ignored by other formats). */
  budget?: BudgetSettings;
  /**
   * Importance-weighted quantization of q4k / q6k matrices (llama.cpp's
   * imatrix): "auto" runs the model in f32 over 256 tokens of its own text
   * sampled from BOS and weights each weight's error by E[x^2] of its input
   * column; a string is a calibration text file; or { text | file, tokens,
   * seed }. Computed once per model and setting and kept in
   * $LOUPE_CACHE/importance (default ~/.cache/loupe/importance; in a browser,
   * in memory). Default false. The f32 model must fit the first device.
   */
  importance?: ImportanceOption;
  /**
   * Format of the embedding table and lm_head; default `quant` (a mix: its
   * rule). On small models most of q4's error comes from the embedding
   * (ARCHITECTURE.md, "Quantization"): `{ quant: "q4", embedQuant: "q8" }`
   * trades bytes for it.
   */
  embedQuant?: Exclude<WeightFormat, WeightMix>;
  /** Device to load onto (one device); by default a new one from navigator.gpu. */
  gpu?: Gpu;
  /**
   * Spread the model over several devices: a count (new devices from
   * navigator.gpu) or the devices themselves. Contiguous layer ranges go to
   * each; the embedding with the first, the final norm and lm_head with the last.
   */
  devices?: number | readonly (Gpu | GPUDevice)[];
  /** Bytes each device may hold (weights, KV cache, scratch): one for all, or one each. */
  memoryBudget?: number | readonly number[];
  /** Explicit layers per device, e.g. [3, 2]; overrides the budget-driven plan. */
  placement?: readonly number[];
  /** Lower the bytes per storage binding (tests of the chunked paths). */
  maxBindingBytes?: number;
  /** KV cache positions; default max_position_embeddings, capped at 4096. */
  contextLength?: number;
  /** Tokens per prefill chunk (activation scratch is sized by it). Default 128. */
  maxChunk?: number;
  /** Called as tensors reach the device. */
  onProgress?: (done: number, total: number, tensor: string) => void;
}

export interface LoadedModel {
  devices: Gpu[];
  /** Devices the engine created and must destroy. */
  owned: Gpu[];
  config: LlamaConfig;
  tokenizer: Tokenizer;
  describe: string;
  placement: DevicePlacement[];
  weights: StageWeights[];
  pipeline: Pipeline;
  kv: KvCache;
  /** How the weights were quantized (saveWeights records it). */
  quant: string;
}

async function openDevices(o: LoadOptions): Promise<{ devices: Gpu[]; owned: Gpu[] }> {
  if (o.gpu && o.devices !== undefined) throw new Error("give gpu or devices, not both");
  if (o.gpu) return { devices: [o.gpu], owned: [] };
  const spec = o.devices ?? 1;
  if (typeof spec === "number") {
    if (!Number.isInteger(spec) || spec < 1) {
      throw new Error(`devices must be a positive integer, got ${spec}`);
    }
    const owned: Gpu[] = [];
    try {
      for (let i = 0; i < spec; i++) {
        owned.push(await Gpu.create({ maxBindingBytes: o.maxBindingBytes, name: `gpu${i}` }));
      }
    } catch (e) {
      for (const g of owned) g.destroy();
      throw e;
    }
    return { devices: owned, owned };
  }
  const devices = spec.map((d, i) => d instanceof Gpu ? d : Gpu.fromDevice(d, `gpu${i}`));
  if (new Set(devices.map((d) => d.device)).size !== devices.length) {
    throw new Error("devices: the same GPUDevice is listed twice");
  }
  return { devices, owned: [] };
}

/** Which matrices keep their stored ggml type: all without a quant option, the embedding unless embedQuant. */
function keepStored(stored: boolean, o: LoadOptions) {
  const layers = stored && o.quant === undefined;
  return { layers, embed: layers && o.embedQuant === undefined };
}

interface OpenedModel {
  describe: string;
  config: LlamaConfig;
  tokenizer: Tokenizer;
  ckpt: Checkpoint;
  /** GGUF: tensors can stay in their stored ggml types. */
  stored: boolean;
}

/**
 * For a FileSource given as is: the .gguf file to read when it holds one and
 * no config.json, else null (a model folder). Without config.json and without
 * a lone .gguf, says what was expected and what is there.
 */
async function ggufInFiles(files: FileSource): Promise<string | null> {
  if (await files.has("config.json")) return null;
  const ggufs = (files.names ?? []).filter((n) => /\.gguf$/i.test(n));
  if (ggufs.length === 1) return ggufs[0];
  const listed = files.names
    ? `; it holds ${files.names.length} files: ${files.names.slice(0, 12).join(", ")}${
      files.names.length > 12 ? ", …" : ""
    }`
    : "";
  throw new FormatError(
    `${files.describe}/config.json`,
    ggufs.length > 1
      ? `missing, and there are ${ggufs.length} .gguf files (${ggufs.join(", ")}): give one`
      : `missing: a model is a folder with config.json, tokenizer.json and *.safetensors, ` +
        `or one .gguf file${listed}`,
  );
}

/** Config, tokenizer and checkpoint, from a folder or from one GGUF file. */
async function openModel(given: string | FileSource, o: LoadOptions): Promise<OpenedModel> {
  if (typeof given !== "string") {
    o.signal?.throwIfAborted();
    const source = o.signal ? abortableSource(given, o.signal) : given;
    const gguf = await ggufInFiles(source);
    if (gguf) {
      const { ckpt, config, tokenizer } = await openGgufModel(source, gguf);
      return { describe: ckpt.describe, config, tokenizer, ckpt, stored: true };
    }
    return openFolderModel(source);
  }
  const gguf = splitFileSource(given);
  if (gguf) {
    const files = await openSource(gguf.folder, o);
    const { ckpt, config, tokenizer } = await openGgufModel(files, gguf.file);
    return { describe: ckpt.describe, config, tokenizer, ckpt, stored: true };
  }
  return openFolderModel(await openSource(given, o));
}

async function openFolderModel(files: FileSource): Promise<OpenedModel> {
  const config = await loadLlamaConfig(files);
  const tokenizer = await loadTokenizer(files, config.vocabSize);
  // The checkpoint's tensor list is checked against config.json before
  // anything is sized by the config's numbers (placement, per-layer maps).
  const ckpt = await openSafetensors(files);
  return { describe: files.describe, config, tokenizer, ckpt, stored: false };
}

export async function loadModel(source: string | FileSource, o: LoadOptions): Promise<LoadedModel> {
  const container = await openContainerModel(source, o);
  const { describe, config, tokenizer, ckpt, stored } = container
    ? { ...container, ckpt: container.container, stored: false }
    : await openModel(source, o);
  let placement: DevicePlacement[];
  let contextLength: number, maxChunk: number, format: WeightFormat;
  let embedFormat: MatrixFormat | undefined;
  try {
    contextLength = o.contextLength ?? Math.min(config.maxPositionEmbeddings, 4096);
    if (!Number.isInteger(contextLength) || contextLength < 1) {
      throw new Error(`contextLength must be a positive integer, got ${contextLength}`);
    }
    maxChunk = o.maxChunk ?? 128;
    format = o.quant ?? "f32";
    if (!isWeightMix(format)) checkMatrixFormat("Engine.load quant", format);
    if (o.embedQuant !== undefined) checkMatrixFormat("Engine.load embedQuant", o.embedQuant);
    // Without embedQuant, the embedding and head follow `quant` (a mix: its rule).
    embedFormat = o.embedQuant;
    checkImportanceUse(o.importance, format, embedFormat);
    if (!container) checkCheckpoint(config, ckpt as Checkpoint, (ckpt as Checkpoint).describe);
    const deviceCount = o.gpu
      ? 1
      : typeof o.devices === "number"
      ? o.devices
      : o.devices?.length ?? 1;
    // Planned before any device exists, so that an impossible budget costs
    // nothing. Matrices kept as stored (GGUF, a container) are planned in a
    // device format at least as large as every stored type among them.
    const plan = container
      ? { layers: container.layerPlan, embed: container.embedPlan }
      : planFormats(ckpt as Checkpoint, config, format, embedFormat, keepStored(stored, o));
    placement = planPlacement({
      config,
      format: plan.layers,
      embedFormat: plan.embed,
      contextLength,
      maxChunk,
      devices: deviceCount,
      budget: o.memoryBudget,
      layersPerDevice: o.placement,
    });
  } catch (e) {
    ckpt.close();
    throw e;
  }
  let opened: { devices: Gpu[]; owned: Gpu[] };
  try {
    opened = await openDevices(o);
  } catch (e) {
    ckpt.close();
    throw e;
  }
  const { devices, owned } = opened;
  const weights: StageWeights[] = [];
  const graphs: LlamaGraph[] = [];
  let kv: KvCache | undefined, pipeline: Pipeline | undefined;
  try {
    let done = 0;
    // A tied lm_head on another device than the embedding is loaded twice.
    const total = expectedTensors(config).size +
      (config.tieWordEmbeddings && placement.length > 1 ? 1 : 0);
    const onProgress = o.onProgress &&
      ((_: number, __: number, name: string) => o.onProgress!(++done, total, name));
    const loadStage = container
      ? (gpu: Gpu, p: DevicePlacement) =>
        loadContainerStage(gpu, config, container.container, p, onProgress)
      : await checkpointStages(ckpt as Checkpoint, describe, config, tokenizer, devices[0], {
        o,
        format,
        embedFormat,
        stored,
        onProgress,
      });
    for (const p of placement) {
      const gpu = devices[p.device];
      const w = await loadStage(gpu, p);
      weights.push(w);
      graphs.push(new LlamaGraph(gpu, config, w, maxChunk, contextLength));
    }
    pipeline = new Pipeline(graphs);
    const stages = pipeline;
    kv = new KvCache((l) => stages.stageOfLayer(l).gpu, config, contextLength);
    for (const g of devices) g.assertAlive();
  } catch (e) {
    kv?.dispose();
    if (pipeline) pipeline.dispose();
    else for (const g of graphs) g.dispose();
    for (const w of weights) disposeWeights(w);
    for (const g of owned) g.destroy();
    throw e;
  } finally {
    ckpt.close();
  }
  const quant = container ? container.container.info.quant : describeQuant(o, stored);
  return { devices, owned, config, tokenizer, describe, placement, weights, pipeline, kv, quant };
}

/** The formats bounding layer and embedding bytes, for the placement planner. */
function planFormats(
  ckpt: Checkpoint,
  config: LlamaConfig,
  format: WeightFormat,
  embedFormat: MatrixFormat | undefined,
  keep: { layers: boolean; embed: boolean },
): { layers: MatrixFormat; embed: MatrixFormat } {
  const embedNames = [TOP_TENSORS.embed, TOP_TENSORS.lmHead];
  const layerNames = [...expectedTensors(config)]
    .filter(([name, shape]) => shape.length === 2 && !embedNames.includes(name as never))
    .map(([name]) => name);
  // A mix is planned at its widest format, an upper bound: q6k for q4km,
  // q8 (blocks of 16: 9 bits, above every q4kb choice) for q4kb.
  const planFormat: MatrixFormat = format === "q4kb" ? "q8" : isWeightMix(format) ? "q6k" : format;
  return {
    layers: keep.layers ? storedPlanFormat(ckpt, layerNames) : planFormat,
    embed: keep.embed ? storedPlanFormat(ckpt, embedNames) : embedFormat ?? planFormat,
  };
}

/** Stage loader of a checkpoint: importance and the q4kb plan first (they need the first device). */
async function checkpointStages(
  ckpt: Checkpoint,
  describe: string,
  config: LlamaConfig,
  tokenizer: Tokenizer,
  gpu: Gpu,
  a: {
    o: LoadOptions;
    format: WeightFormat;
    embedFormat?: MatrixFormat;
    stored: boolean;
    onProgress?: (done: number, total: number, name: string) => void;
  },
): Promise<(gpu: Gpu, p: DevicePlacement) => Promise<StageWeights>> {
  const host = { describe, ckpt, config, tokenizer, gpu };
  const importance = await resolveImportance(host, a.o.importance);
  const budget = a.format === "q4kb" ? await resolveBudgetPlan(host, a.o.budget, importance) : null;
  return (g, p) =>
    loadStageWeights(g, config, ckpt, describe, {
      format: a.format,
      embedFormat: a.embedFormat,
      keepStored: keepStored(a.stored, a.o),
      importance: importance?.importance,
      plan: budget?.plan,
      onProgress: a.onProgress,
    }, p);
}

/** How a load quantized, as saveWeights records it: "q4", "q4km + embed q8", "stored GGUF types". */
function describeQuant(o: LoadOptions, stored: boolean): string {
  const base = o.quant ?? (stored ? "stored GGUF types" : "f32");
  return o.embedQuant ? `${base} + embed ${o.embedQuant}` : base;
}

async function loadTokenizer(files: FileSource, vocabSize: number): Promise<Tokenizer> {
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
    vocabSize,
  });
}

/** Importance weights only the K formats; asking for it with others is a mistake, said so. */
function checkImportanceUse(
  importance: ImportanceOption | undefined,
  format: WeightFormat,
  embedFormat: MatrixFormat | undefined,
): void {
  if (importance === undefined || importance === false) return;
  const k = (f: string | undefined) => f === "q4k" || f === "q6k" || isWeightMix(f ?? "");
  if (!k(format) && !k(embedFormat)) {
    throw new UsageError(
      `Engine.load importance: only q4k, q6k, q4km and q4kb use importance; quant is "${format}"`,
    );
  }
}
