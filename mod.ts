/**
 * Loupe: run Llama-family language models on WebGPU (Deno and browsers) with
 * its own WGSL kernels, and look inside them: cache and edit any module's
 * output, trace, generate, and read or steer sparse-autoencoder features.
 *
 * ```ts
 * import { attachSae, Engine, Sae } from "./mod.ts";
 *
 * const engine = await Engine.load("./demo/models/stories260K");
 * const sae = await Sae.load("./demo/models/stories260K-layer2/goodfire.pth", engine, {
 *   module: "model.layers.2",
 * });
 * const site = attachSae(engine, "model.layers.2", sae);
 * const tokens = engine.tokenizer.encode("Once upon a time");
 * const { cache, dispose } = await engine.forward(tokens, { cache: [site.features] });
 * console.log(await cache.get(site.features)!.toArray());
 * dispose();
 * engine.dispose();
 * ```
 *
 * Shapes are written [rows, columns]: T prompt tokens, `hidden` the residual
 * width, `d_sae` the SAE's feature count. Errors users branch on are typed
 * (see {@link LoupeError}); every other error's message names the file,
 * tensor or argument and what was expected.
 *
 * @module
 */

export {
  type BatchLayout,
  type BatchTraceResult,
  type CacheOptions,
  Engine,
  type ForwardOptions,
  type ForwardResult,
  KvCache,
  type LoadOptions,
  type MemoryReport,
  type PromptInput,
  type WeightFormat,
} from "./engine/engine.ts";
export type {
  GenerateAbort,
  GenerateOptions,
  GenerateStep,
  GenerateStream,
} from "./engine/generate.ts";
export type { ImportanceOption, ImportanceSettings } from "./engine/importance.ts";
export type { BudgetSettings } from "./engine/budget_plan.ts";
export type { WeightMix } from "./engine/quant/mix.ts";
export type { SamplingOptions } from "./engine/model/sampler.ts";
export type { TracedLayer, TracedModel, TracedModule } from "./engine/trace.ts";
// Gradients inside engine.trace: `m.layers[3].grad`, `m.logits.logProb(y, position).backward()`.
export type {
  TracedBackward,
  TracedGradient,
  TracedLogits,
  TracedMetric,
} from "./engine/trace_grad.ts";
export type {
  DerivedModule,
  HookOptions,
  Intervention,
  InterventionContext,
  InterventionResult,
  ModuleTable,
  StopSignal,
} from "./engine/hooks.ts";
export type { Llama3RopeScaling, LlamaConfig } from "./engine/formats/config.ts";
export type { DevicePlacement } from "./engine/model/placement.ts";
export type { LayerWeights, LlamaWeights } from "./engine/model/weights.ts";
export { type Lease, Tensor as GpuTensor, type TypedArrayOf } from "./engine/gpu/tensor.ts";
export { type DType, Tensor } from "./engine/ops/tensor.ts";
export { type AdapterSummary, Gpu, type GpuOptions } from "./engine/gpu/gpu.ts";
export { type Binding, type Dispatch, Recorder } from "./engine/gpu/recorder.ts";
export type {
  Kernel,
  ParamFields,
  ParamSpec,
  ParamType,
  ParamValues,
  ScalarType,
  Vec4uArray,
} from "./engine/gpu/kernel.ts";
export type { TapContext } from "./engine/model/llama.ts";
export type { Matrix } from "./engine/gpu/matrix.ts";
export type { QuantMatrix, WeightMatrix } from "./engine/quant/matrix.ts";
export type { BlockFormat, BlockMatrix } from "./engine/quant/block_matrix.ts";
export type {
  ChatMessage,
  ChatOptions,
  DecodeStream,
  DecodeStreamOptions,
  Tokenizer,
} from "./engine/formats/tokenizer.ts";
export type { DownloadProgress, ProgressFn, SourceOptions } from "./engine/formats/source.ts";
export { type ByteReader, type FileSource, formatBytes } from "./engine/platform/bytes.ts";
export { fileListSource, type PickedFile } from "./engine/platform/files.ts";
export { CONTAINER_SUFFIX, CONTAINER_VERSION } from "./engine/formats/device_container.ts";
export {
  type AbortCondition,
  attachSae,
  checkVariantSae,
  collectFeatureStats,
  contrastFeatures,
  type ContrastOptions,
  type ContrastResult,
  type ContrastScore,
  contrastScores,
  decoderProjection,
  decoderRow,
  type EditMode,
  type EditScope,
  type FeatureCondition,
  type FeatureEdit,
  FeatureLabels,
  featureLogitEffects,
  type FeatureNote,
  type FeatureSite,
  type FeatureStats,
  type FeatureText,
  FIRING_PRIOR,
  type LabelMatch,
  labelSimilarity,
  labelTokens,
  loadVariant,
  parseModeratedList,
  parseVariant,
  Sae,
  type SaeActivation,
  type SaeAttachment,
  type SaeFormat,
  type SaeHostWeights,
  type SaeLoadOptions,
  type SaeQuant,
  searchFeatures,
  type SearchOptions,
  type SearchResult,
  type SearchScore,
  searchScores,
  statsOfFeatures,
  type StatsOptions,
  steering,
  type SteeringOptions,
  type SteerMethod,
  type SteerOptions,
  type SteerStop,
  type TokenEffect,
  type TopFeatures,
  type Variant,
  type VariantAbort,
  variantAbortWhen,
  type VariantCondition,
  type VariantEdit,
  variantEdits,
  variantFromEdits,
  variantInterventions,
  type VariantSource,
  variantToJson,
} from "./sae/mod.ts";
export {
  attachProbe,
  type AttachProbeOptions,
  parseProbeExamples,
  Probe,
  PROBE_DEFAULTS,
  PROBE_FORMAT,
  PROBE_VERSION,
  type ProbeExample,
  type ProbeFeature,
  type ProbeInput,
  type ProbeMonitor,
  type ProbePooling,
  type ProbeSite,
  type ProbeSpec,
  type ProbeTerm,
  type ProbeTrainingInfo,
  type ProbeTrainingResult,
  splitExamples,
  trainProbe,
  type TrainProbeOptions,
} from "./sae/mod.ts";
export {
  BusyError,
  ContextLengthError,
  DeviceLostError,
  FormatError,
  LoupeError,
  NoAdapterError,
  OutOfMemoryError,
  UnknownModuleError,
  UsageError,
} from "./engine/errors.ts";
// Gradients of log p(target | prompt) (ARCHITECTURE.md, "Gradients").
export {
  type GradientOptions,
  type GradientResult,
  gradients,
  gradientsOf,
  type Metric,
} from "./engine/backward.ts";
export type { BackwardBytes } from "./engine/model/backward_plan.ts";
export {
  type AttributionPatching,
  attributionPatching,
  type PatchCheck,
  patchedModules,
  patchingEstimates,
  type PatchingOptions,
} from "./engine/backward_patching.ts";
export {
  type IntegratedGradients,
  integratedGradients,
  type IntegratedGradientsOptions,
  type PathPoint,
} from "./engine/backward_ig.ts";
export {
  type FeatureAttribution,
  featureAttribution,
  featureAttributionOf,
} from "./sae/attribution.ts";
// Attribution graphs over attached SAEs (ARCHITECTURE.md, "Attribution graphs").
export {
  type AttributionGraph,
  attributionGraph,
  type AttributionGraphOptions,
  type GraphNode,
} from "./sae/attribution_graph.ts";
export {
  findThreshold,
  type PrunedGraph,
  pruneGraph,
  type PruneOptions,
} from "./sae/attribution_graph_prune.ts";
export {
  attributionGraphJson,
  type GraphJson,
  type GraphJsonNode,
  type GraphJsonOptions,
} from "./sae/attribution_graph_json.ts";

function bundled(relative: string): string {
  const url = new URL(relative, import.meta.url);
  return url.protocol === "file:" ? decodeURIComponent(url.pathname) : url.href;
}

/** The model that ships with Loupe: stories260K (Hugging Face layout), a folder path or URL. */
export const BUNDLED_MODEL: string = bundled("./demo/models/stories260K");

/** Its SAE on `model.layers.2` (64 → 1,024 features, Goodfire `.pth` layout). */
export const BUNDLED_SAE: string = bundled("./demo/models/stories260K-layer2/goodfire.pth");
