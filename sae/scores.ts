// The scores of feature search and contrast, from per-feature statistics over
// tokens (FeatureStats, summed on the GPU by shaders/sae_feature_stats.ts).
// Plain TS: the tests compute the same numbers from per-token features.
//
// Every token is one sample. Tokens of a text are not independent, so the
// t statistic below overstates significance: it is a ranking score that
// grows with the evidence (set sizes), not a p-value.

/** Per-feature sums over the tokens of a set of texts. */
export interface FeatureStats {
  /** Texts counted. */
  texts: number;
  /** Tokens counted (n). */
  tokens: number;
  /** [d_sae] sum of activations. */
  sum: Float64Array;
  /** [d_sae] sum of squared activations. */
  sumSq: Float64Array;
  /** [d_sae] tokens where the feature fires (activation > 0). */
  fired: Float64Array;
}

/** The Jeffreys prior Beta(1/2, 1/2) on a firing rate: (fired + 1/2) / (n + 1). */
export const FIRING_PRIOR = 0.5;

/** logit of the firing rate with the prior: log((fired + a) / (n - fired + a)). */
export function firingLogit(fired: number, n: number, a = FIRING_PRIOR): number {
  return Math.log((fired + a) / (n - fired + a));
}

/** One feature's search scores: texts (T) against a background corpus (B). */
export interface SearchScore {
  /** Feature index. */
  feature: number;
  /** Mean activation over the texts' tokens minus over the background's. */
  meanDiff: number;
  /** logit(rate on T) - logit(rate on B), both rates with the Jeffreys prior. */
  logOdds: number;
  /** Mean activation on the texts. */
  meanTexts: number;
  /** Mean activation on the background (0 without one). */
  meanBackground: number;
  /** Fraction of the texts' tokens where it fires. */
  rateTexts: number;
  /** Fraction of the background's tokens where it fires (0 without one). */
  rateBackground: number;
}

/**
 * Search scores of every feature that fires on the texts. Without a
 * background the log-odds is the texts' own logit (a background rate of 1/2,
 * the prior's mean): a ranking by how often a feature fires, not by how
 * specific it is.
 */
export function searchScores(texts: FeatureStats, background: FeatureStats | null): SearchScore[] {
  const out: SearchScore[] = [];
  const nT = texts.tokens, nB = background?.tokens ?? 0;
  for (let j = 0; j < texts.sum.length; j++) {
    if (texts.fired[j] === 0) continue;
    const meanTexts = nT ? texts.sum[j] / nT : 0;
    const meanBackground = background && nB ? background.sum[j] / nB : 0;
    const logOdds = firingLogit(texts.fired[j], nT) -
      (background ? firingLogit(background.fired[j], nB) : 0);
    out.push({
      feature: j,
      meanDiff: meanTexts - meanBackground,
      logOdds,
      meanTexts,
      meanBackground,
      rateTexts: nT ? texts.fired[j] / nT : 0,
      rateBackground: background && nB ? background.fired[j] / nB : 0,
    });
  }
  return out;
}

/** One feature's contrast scores, set A against set B. */
export interface ContrastScore {
  /** Feature index. */
  feature: number;
  /** Welch's t: (meanA - meanB) / sqrt(varA / nA + varB / nB + 1e-12). */
  t: number;
  /** meanA - meanB. */
  meanDiff: number;
  /** rateA - rateB (fractions of tokens where it fires). */
  rateDiff: number;
  /** Mean activation over A's tokens. */
  meanA: number;
  /** Mean activation over B's tokens. */
  meanB: number;
  /** Fraction of A's tokens where it fires. */
  rateA: number;
  /** Fraction of B's tokens where it fires. */
  rateB: number;
}

/** Keeps the t of features that never vary finite (they then rank by their mean difference). */
export const WELCH_EPSILON = 1e-12;

/** Unbiased variance from sums (0 for fewer than two samples; never negative from rounding). */
export function sampleVariance(sum: number, sumSq: number, n: number): number {
  if (n < 2) return 0;
  return Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
}

/** Contrast scores of every feature that fires in A or B. */
export function contrastScores(a: FeatureStats, b: FeatureStats): ContrastScore[] {
  const out: ContrastScore[] = [];
  const nA = a.tokens, nB = b.tokens;
  for (let j = 0; j < a.sum.length; j++) {
    if (a.fired[j] === 0 && b.fired[j] === 0) continue;
    const meanA = nA ? a.sum[j] / nA : 0, meanB = nB ? b.sum[j] / nB : 0;
    const varA = sampleVariance(a.sum[j], a.sumSq[j], nA);
    const varB = sampleVariance(b.sum[j], b.sumSq[j], nB);
    const se = Math.sqrt((nA ? varA / nA : 0) + (nB ? varB / nB : 0) + WELCH_EPSILON);
    const rateA = nA ? a.fired[j] / nA : 0, rateB = nB ? b.fired[j] / nB : 0;
    out.push({
      feature: j,
      t: (meanA - meanB) / se,
      meanDiff: meanA - meanB,
      rateDiff: rateA - rateB,
      meanA,
      meanB,
      rateA,
      rateB,
    });
  }
  return out;
}

/** Statistics of per-token features f [T, d] in plain TS (the tests' reference). */
export function statsOfFeatures(rows: readonly Float32Array[], d: number): FeatureStats {
  const s: FeatureStats = {
    texts: 0,
    tokens: 0,
    sum: new Float64Array(d),
    sumSq: new Float64Array(d),
    fired: new Float64Array(d),
  };
  for (const f of rows) {
    s.texts++;
    const T = f.length / d;
    s.tokens += T;
    for (let t = 0; t < T; t++) {
      for (let j = 0; j < d; j++) {
        const v = f[t * d + j];
        s.sum[j] += v;
        s.sumSq[j] += v * v;
        if (v > 0) s.fired[j]++;
      }
    }
  }
  return s;
}
