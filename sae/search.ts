// Which features are about this? (search by example) and what tells these two
// sets apart? (contrast), Ember-style, on an SAE attached to a module. Texts
// run through the model in batched passes (engine/batch.ts); at the SAE's
// module each prompt's rows are encoded and summed per feature on the GPU
// (shaders/sae_feature_stats.ts), so a corpus costs one [3, d_sae] readback.
// The scores are in sae/scores.ts.

import type { Intervention } from "../engine/hooks.ts";
import type { Engine } from "../engine/engine.ts";
import type { ChatMessage } from "../engine/formats/tokenizer.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { UsageError } from "../engine/errors.ts";
import { featureStats } from "../shaders/sae_feature_stats.ts";
import type { Sae } from "./sae.ts";
import {
  type ContrastScore,
  contrastScores,
  type FeatureStats,
  type SearchScore,
  searchScores,
} from "./scores.ts";
import { labelSimilarity } from "./labels.ts";

/** A text, its token ids, or a chat (the model's chat template is applied). */
export type FeatureText = string | ArrayLike<number> | readonly ChatMessage[];

/** Where the features are read: an SAE on a module of an engine (attachSae gives one). */
export interface FeatureSite {
  /** The engine that runs the texts. */
  engine: Engine;
  /** The SAE, on the device of `module`. */
  sae: Sae;
  /** The module it reads, e.g. "model.layers.2". */
  module: string;
}

/** How texts are run for statistics. */
export interface StatsOptions {
  /** Leave out a leading BOS token (an attention sink whose features are outliers); default true. */
  skipBos?: boolean;
  /** Prompts per batched pass (bounds the per-prompt logits held at once); default 32. */
  batchSize?: number;
  /**
   * Interventions applied in the same passes (e.g. a variant's steering, so
   * that the statistics are those of the steered model). One at the SAE's own
   * module runs first; the features are read from its result.
   */
  interventions?: Record<string, Intervention>;
}

function isChat(t: FeatureText): t is readonly ChatMessage[] {
  return Array.isArray(t) && t.length > 0 && typeof t[0] === "object" && t[0] !== null;
}

/** Token ids of a text, ids or chat (chats through the template, no generation prompt). */
export function textTokens(engine: Engine, t: FeatureText): number[] {
  if (typeof t === "string") return engine.tokenizer.encode(t);
  if (isChat(t)) return engine.tokenizer.encodeChat(t, { addGenerationPrompt: false });
  return Array.from(t as ArrayLike<number>);
}

/**
 * Per-feature sums of the SAE's features over every token of `texts` (see
 * FeatureStats), computed in batched passes with the sums on the GPU.
 */
export async function collectFeatureStats(
  site: FeatureSite,
  texts: readonly FeatureText[],
  opts: StatsOptions = {},
): Promise<FeatureStats> {
  const { engine, sae, module } = site;
  const batchSize = opts.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new UsageError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const prompts = texts.map((t) => textTokens(engine, t));
  const empty = prompts.findIndex((p) => p.length === 0);
  if (empty >= 0) throw new UsageError(`text ${empty} has no tokens`);
  const bos = engine.tokenizer.bosId;
  const skip = prompts.map((p) => (opts.skipBos ?? true) && bos !== null && p[0] === bos ? 1 : 0);
  const d = sae.dSae;
  const stats = Tensor.empty(sae.gpu, `${sae.label}.featureStats`, [3, d], "f32");
  try {
    for (let s = 0; s < prompts.length; s += batchSize) {
      const batch = prompts.slice(s, s + batchSize);
      const before = opts.interventions?.[module];
      const results = await engine.forward(batch, {
        interventions: {
          ...opts.interventions,
          [module]: async (x, ctx) => {
            const r = before ? await before(x, ctx) : undefined;
            const y = (Array.isArray(r) ? r[0] : r) ?? x;
            const i = s + (ctx.prompt ?? 0);
            const f = sae.encode(y);
            featureStats(ctx.rec, f, stats, ctx.positionStart === 0 ? skip[i] : 0);
            return r;
          },
        },
      });
      for (const r of results) r.dispose();
    }
    const v = await stats.toArray();
    const tokens = prompts.reduce((n, p, i) => n + p.length - skip[i], 0);
    return {
      texts: prompts.length,
      tokens,
      sum: Float64Array.from(v.subarray(0, d)),
      sumSq: Float64Array.from(v.subarray(d, 2 * d)),
      fired: Float64Array.from(v.subarray(2 * d, 3 * d)),
    };
  } finally {
    stats.dispose();
  }
}

/** What every ranked feature carries besides its scores. */
export interface FeatureNote {
  /** Its label, when the SAE has labels for it. */
  label?: string;
  /** Present (true) when the feature is moderated and the caller opted in. */
  moderated?: true;
}

/** Options of searchFeatures. */
export interface SearchOptions extends StatsOptions {
  /** The corpus the texts are compared with; without one, see searchScores. */
  background?: readonly FeatureText[] | FeatureStats;
  /** Features returned (default 20). */
  top?: number;
  /** "logOdds" (default): specificity of firing; "meanDiff": of activation. */
  rankBy?: "logOdds" | "meanDiff";
  /** Keep moderated features (Sae.moderated) in the ranking; they are marked. */
  includeModerated?: boolean;
}

/** What searchFeatures returns. */
export interface SearchResult {
  /** Best first. */
  features: (SearchScore & FeatureNote)[];
  /** Tokens counted on the texts and on the background (0 without one). */
  tokens: { texts: number; background: number };
  /** The score the features are ranked by. */
  rankBy: "logOdds" | "meanDiff";
  /** True when moderated features were allowed (the caller opted in). */
  includeModerated: boolean;
}

/**
 * Features that fire specifically on `texts` compared with `background`:
 * ranked by the log-odds ratio of firing (Jeffreys prior) or by the
 * difference in mean activation (sae/scores.ts), ties by the other score.
 * The background may be given as texts or as statistics collected before
 * (collectFeatureStats), to reuse one corpus across searches.
 */
export async function searchFeatures(
  site: FeatureSite,
  texts: readonly FeatureText[],
  opts: SearchOptions = {},
): Promise<SearchResult> {
  if (texts.length === 0) throw new UsageError("searchFeatures: give at least one text");
  const rankBy = opts.rankBy ?? "logOdds";
  if (rankBy !== "logOdds" && rankBy !== "meanDiff") {
    throw new UsageError(`searchFeatures: rankBy must be "logOdds" or "meanDiff", got ${rankBy}`);
  }
  const top = checkTop(opts.top ?? 20);
  const textStats = await collectFeatureStats(site, texts, opts);
  const bg = opts.background;
  const bgStats = bg === undefined
    ? null
    : Array.isArray(bg)
    ? await collectFeatureStats(site, bg as readonly FeatureText[], opts)
    : bg as FeatureStats;
  if (bgStats && bgStats.sum.length !== site.sae.dSae) {
    throw new UsageError(
      `searchFeatures: background statistics have ${bgStats.sum.length} features, the SAE ${site.sae.dSae}`,
    );
  }
  // Ties (common in log-odds: equal firing counts) go to the other score, then the index.
  const other = rankBy === "logOdds" ? "meanDiff" : "logOdds";
  const scores = searchScores(textStats, bgStats)
    .sort((a, b) => b[rankBy] - a[rankBy] || b[other] - a[other] || a.feature - b.feature);
  return {
    features: annotate(site.sae, scores, top, opts.includeModerated),
    tokens: { texts: textStats.tokens, background: bgStats?.tokens ?? 0 },
    rankBy,
    includeModerated: !!opts.includeModerated,
  };
}

/** Options of contrastFeatures. */
export interface ContrastOptions extends StatsOptions {
  /** Features returned per side (default 20). */
  top?: number;
  /**
   * Rerank each side's best `rerankPool` (default 5 x top) by how well their
   * labels match this text (labelSimilarity), then by t.
   */
  query?: string;
  /** How many of each side's best the query reranks (default 5 x top). */
  rerankPool?: number;
  /** Keep moderated features (Sae.moderated) in the ranking; they are marked. */
  includeModerated?: boolean;
}

/** What contrastFeatures returns: the features of each side, best first. */
export interface ContrastResult {
  /** Features more active on A (t > 0), by t descending. */
  a: (ContrastScore & FeatureNote)[];
  /** Features more active on B (t < 0), by t ascending. */
  b: (ContrastScore & FeatureNote)[];
  /** Tokens counted in each set. */
  tokens: { a: number; b: number };
  /** True when moderated features were allowed (the caller opted in). */
  includeModerated: boolean;
}

/**
 * Features that tell set A from set B: ranked by Welch's t of their per-token
 * activations (dataset-size aware: the same mean difference ranks higher with
 * more tokens and less spread), each with its difference in mean activation
 * and in firing rate. Like Ember's contrast, both directions come back.
 */
export async function contrastFeatures(
  site: FeatureSite,
  a: readonly FeatureText[],
  b: readonly FeatureText[],
  opts: ContrastOptions = {},
): Promise<ContrastResult> {
  if (a.length === 0 || b.length === 0) {
    throw new UsageError("contrastFeatures: both sets need at least one text");
  }
  const top = checkTop(opts.top ?? 20);
  const pool = opts.rerankPool ?? 5 * top;
  if (!Number.isInteger(pool) || pool < top) {
    throw new UsageError(`contrastFeatures: rerankPool must be an integer >= top (${top})`);
  }
  const sa = await collectFeatureStats(site, a, opts);
  const sb = await collectFeatureStats(site, b, opts);
  const scores = contrastScores(sa, sb);
  const side = (sign: 1 | -1) => {
    let list = scores.filter((s) => sign * s.t > 0)
      .sort((x, y) => sign * (y.t - x.t) || x.feature - y.feature);
    list = visible(site.sae, list, opts.includeModerated);
    if (opts.query !== undefined) {
      const q = opts.query, sae = site.sae;
      list = list.slice(0, pool)
        .map((s) => ({ s, sim: labelSimilarity(q, sae.featureLabel(s.feature) ?? "") }))
        .sort((x, y) => y.sim - x.sim || sign * (y.s.t - x.s.t) || x.s.feature - y.s.feature)
        .map((r) => r.s);
    }
    return annotate(site.sae, list, top, true);
  };
  return {
    a: side(1),
    b: side(-1),
    tokens: { a: sa.tokens, b: sb.tokens },
    includeModerated: !!opts.includeModerated,
  };
}

function checkTop(top: number): number {
  if (!Number.isInteger(top) || top < 1) {
    throw new UsageError(`top must be a positive integer, got ${top}`);
  }
  return top;
}

/** The list without moderated features, unless opted in. */
function visible<S extends { feature: number }>(sae: Sae, list: S[], include?: boolean): S[] {
  return include || sae.moderated.size === 0
    ? list
    : list.filter((s) => !sae.moderated.has(s.feature));
}

/** The first `top` visible features, with labels and moderation marks. */
function annotate<S extends { feature: number }>(
  sae: Sae,
  list: S[],
  top: number,
  include?: boolean,
): (S & FeatureNote)[] {
  return visible(sae, list, include).slice(0, top).map((s) => {
    const label = sae.featureLabel(s.feature);
    return {
      ...s,
      ...(label !== undefined ? { label } : {}),
      ...(sae.moderated.has(s.feature) ? { moderated: true as const } : {}),
    };
  });
}
