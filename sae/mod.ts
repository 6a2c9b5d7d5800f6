// The SAE layer's public surface.

export { Sae, type SaeLoadOptions, splitSaeSource, type TopFeatures } from "./sae.ts";
export type { SaeActivation, SaeFormat } from "./format.ts";
export type { EditMode, FeatureEdit, SteerMethod, SteerOptions } from "./steer.ts";
export type { AbortCondition, EditScope, FeatureCondition, SteerStop } from "./conditions.ts";
export {
  checkVariantSae,
  loadVariant,
  parseVariant,
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
} from "./variant.ts";
export type { SaeQuant } from "./upload.ts";
export type { SaeHostWeights } from "./reference.ts";
export {
  decoderProjection,
  decoderRow,
  featureLogitEffects,
  type TokenEffect,
} from "./features.ts";
export { attachSae, type SaeAttachment, steering, type SteeringOptions } from "./attach.ts";
export {
  FeatureLabels,
  type LabelMatch,
  labelSimilarity,
  labelTokens,
  parseModeratedList,
} from "./labels.ts";
export {
  collectFeatureStats,
  contrastFeatures,
  type ContrastOptions,
  type ContrastResult,
  type FeatureNote,
  type FeatureSite,
  type FeatureText,
  searchFeatures,
  type SearchOptions,
  type SearchResult,
  type StatsOptions,
} from "./search.ts";
export {
  type ContrastScore,
  contrastScores,
  type FeatureStats,
  FIRING_PRIOR,
  type SearchScore,
  searchScores,
  statsOfFeatures,
} from "./scores.ts";
export {
  Probe,
  PROBE_FORMAT,
  PROBE_VERSION,
  type ProbeInput,
  type ProbePooling,
  type ProbeSpec,
  type ProbeTerm,
  type ProbeTrainingInfo,
} from "./probe.ts";
export {
  exampleInput,
  parseProbeExamples,
  type ProbeExample,
  splitExamples,
} from "./probe_data.ts";
export {
  PROBE_DEFAULTS,
  type ProbeFeature,
  type ProbeSite,
  type ProbeTrainingResult,
  trainProbe,
  type TrainProbeOptions,
} from "./probe_train.ts";
export { attachProbe, type AttachProbeOptions, type ProbeMonitor } from "./probe_monitor.ts";
