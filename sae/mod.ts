// The SAE layer's public surface.

export { Sae, type SaeLoadOptions, splitSaeSource, type TopFeatures } from "./sae.ts";
export type { SaeActivation, SaeFormat } from "./format.ts";
export type { FeatureEdit, SteerMethod } from "./steer.ts";
export type { SaeQuant } from "./upload.ts";
export type { SaeHostWeights } from "./reference.ts";
export { decoderRow, featureLogitEffects, type TokenEffect } from "./features.ts";
export { attachSae, type SaeAttachment, steering } from "./attach.ts";
