// Feature-level fidelity of a weight format (bench/accuracy.ts): does a
// quantized model show the same SAE features and steer the same way as f32?
// Definitions (also in ARCHITECTURE.md, "Quantization: feature fidelity"):
//
//   k               round(L0): the mean number of active (> 0) features per
//                   token of the f32 model's SAE features on the prompt
//   saeTopkJaccard  mean over tokens of |A n B| / |A u B|, A and B the ids of
//                   the k largest active features of the token under the
//                   format and under f32 (1 when both have none)
//   saeCorrelation  Pearson correlation of all [tokens, d_sae] activations
//   saeTop1         fraction of tokens whose largest feature is the same
//   saeQ8*          the same three with the SAE's weights at q8 as well
//   steerAgreement  fraction of equal ids, position by position, of the
//                   greedy continuation under a fixed steering edit vs f32's
//   steerDivergence index of the first differing id (= length if none)
// No Deno APIs: runs in the browser runner as well.

import { Engine, type LoadOptions } from "../engine/engine.ts";
import type { Gpu } from "../engine/gpu/gpu.ts";
import { attachSae, Sae, type SaeQuant } from "../sae/mod.ts";
import type { FeatureEdit } from "../sae/steer.ts";

/** An SAE fixture on a fixture model, and the steering edit to compare under. */
export interface SaeFixture {
  /** Folder under the fixtures' saes/ (an SAELens folder, F32). */
  path: string;
  module: string;
  edit: FeatureEdit;
  steerTokens: number;
}

/** The fixture models that have an SAE (tests/fixtures/README.md). */
export const SAE_FIXTURES: Readonly<Record<string, SaeFixture>> = {
  stories260K: {
    path: "saes/stories260K-layer2/saelens",
    module: "model.layers.2",
    // The reference's own steering: feature 989 (the prompt's most active) +4.
    edit: { feature: 989, add: 4 },
    steerTokens: 32,
  },
};

/** Features [T, d_sae] at the SAE's module and the steered greedy ids, for one engine. */
export interface SaeRun {
  features: Float32Array;
  dSae: number;
  steered: number[];
}

/** Runs the SAE (weights in `saeQuant`) on `engine` over `tokens`. */
export async function runSae(
  engine: Engine,
  fixtures: string,
  fx: SaeFixture,
  tokens: readonly number[],
  saeQuant: SaeQuant,
): Promise<SaeRun> {
  const sae = await Sae.load(`${fixtures}${fx.path}`, engine, { quant: saeQuant });
  const site = attachSae(engine, fx.module, sae);
  try {
    const r = await engine.forward(tokens, { cache: [site.features] });
    const features = await r.cache.get(site.features)!.toArray();
    r.dispose();
    const steered: number[] = [];
    const interventions = site.steer([fx.edit]);
    for await (
      const step of engine.generate(tokens, {
        maxNewTokens: fx.steerTokens,
        temperature: 0,
        ignoreEos: true,
        interventions,
      })
    ) steered.push(step.token);
    return { features, dSae: sae.dSae, steered };
  } finally {
    site.detach();
    sae.dispose();
  }
}

/** Ids of the k largest active (> 0) entries of row t. */
function topActive(f: Float32Array, dSae: number, t: number, k: number): number[] {
  const ids: number[] = [];
  for (let i = 0; i < dSae; i++) if (f[t * dSae + i] > 0) ids.push(i);
  ids.sort((a, b) => f[t * dSae + b] - f[t * dSae + a] || a - b);
  return ids.slice(0, k);
}

/** round(L0): mean active features per token. */
export function roundedL0(f: Float32Array, dSae: number): number {
  let active = 0;
  for (const v of f) if (v > 0) active++;
  return Math.max(1, Math.round(active / (f.length / dSae)));
}

function pearson(a: Float32Array, b: Float32Array): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) (ma += a[i], mb += b[i]);
  ma /= n, mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] - ma, y = b[i] - mb;
    sab += x * y, saa += x * x, sbb += y * y;
  }
  return saa === 0 || sbb === 0 ? (saa === sbb ? 1 : 0) : sab / Math.sqrt(saa * sbb);
}

/** The feature figures of `got` against the f32 run `want` (see the file comment). */
export function featureFidelity(
  got: Float32Array,
  want: Float32Array,
  dSae: number,
  k: number,
): { topkJaccard: number; correlation: number; top1: number } {
  const T = want.length / dSae;
  let jaccard = 0, top1 = 0;
  for (let t = 0; t < T; t++) {
    const a = new Set(topActive(got, dSae, t, k)), b = topActive(want, dSae, t, k);
    const inter = b.filter((i) => a.has(i)).length, union = a.size + b.length - inter;
    jaccard += union === 0 ? 1 : inter / union;
    const [ga] = topActive(got, dSae, t, 1), [wa] = topActive(want, dSae, t, 1);
    if (ga === wa) top1++;
  }
  return { topkJaccard: jaccard / T, correlation: pearson(got, want), top1: top1 / T };
}

/** Agreement of steered greedy ids with f32's: equal fraction and first divergence. */
export function steerAgreement(got: number[], want: number[]): {
  agreement: number;
  divergence: number;
} {
  let equal = 0, divergence = want.length;
  for (let i = 0; i < want.length; i++) {
    if (got[i] === want[i]) equal++;
    else if (divergence === want.length) divergence = i;
  }
  return { agreement: equal / want.length, divergence };
}

/**
 * The SAE figures of one format on one model, against the f32 engine's run
 * (`reference`, computed once per model by the caller with this function's
 * saeRuns()).
 */
export async function saeFigures(
  gpu: Gpu,
  folder: string,
  fixtures: string,
  fx: SaeFixture,
  tokens: readonly number[],
  load: LoadOptions,
  reference: SaeRun,
): Promise<Record<string, number>> {
  const engine = await Engine.load(folder, { ...load, gpu });
  try {
    const k = roundedL0(reference.features, reference.dSae);
    const out: Record<string, number> = { saeK: k };
    for (const quant of ["f32", "q8"] as const) {
      const run = await runSae(engine, fixtures, fx, tokens, quant);
      const f = featureFidelity(run.features, reference.features, run.dSae, k);
      const prefix = quant === "f32" ? "sae" : "saeQ8";
      out[`${prefix}TopkJaccard`] = f.topkJaccard;
      out[`${prefix}Correlation`] = f.correlation;
      out[`${prefix}Top1`] = f.top1;
      if (quant === "f32") {
        const s = steerAgreement(run.steered, reference.steered);
        out.steerAgreement = s.agreement;
        out.steerDivergence = s.divergence;
      }
    }
    return out;
  } finally {
    engine.dispose();
  }
}

/** The f32 reference run of an SAE fixture (f32 model, f32 SAE). */
export async function referenceSaeRun(
  gpu: Gpu,
  folder: string,
  fixtures: string,
  fx: SaeFixture,
  tokens: readonly number[],
): Promise<SaeRun> {
  const engine = await Engine.load(folder, { gpu });
  try {
    return await runSae(engine, fixtures, fx, tokens, "f32");
  } finally {
    engine.dispose();
  }
}
