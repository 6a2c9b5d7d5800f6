// Training a sparse logistic probe on the GPU (Goodfire's "classification
// with features"): labelled texts run through the model in batched passes;
// at the module, each text's per-token vectors (SAE features, or the raw
// activations) are pooled (max or mean) into one row of a design matrix
// X [texts, width] that stays on the GPU (shaders/probe_pool.ts). The
// training rows' column sums come back once, for the z-score standardization;
// then every step (probabilities, then gradient and L1 proximal step) is
// recorded into one submission, and the weights and the final probabilities
// are read once at the end. sae/probe_reference.ts is the same run in f64.

import type { Engine } from "../engine/engine.ts";
import { UsageError } from "../engine/errors.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { probePool, type ProbePooling } from "../shaders/probe_pool.ts";
import { probePredict } from "../shaders/probe_predict.ts";
import { probeStep } from "../shaders/probe_step.ts";
import { featureStats } from "../shaders/sae_feature_stats.ts";
import { Probe, PROBE_NAME, type ProbeInput, type ProbeTerm } from "./probe.ts";
import { exampleInput, type ProbeExample, splitExamples } from "./probe_data.ts";
import { initialBias, standardization, standardizationRows } from "./probe_reference.ts";
import type { Sae } from "./sae.ts";
import { textTokens } from "./search.ts";

/** Where a probe reads: a module of an engine, and the SAE there (needed for features). */
export interface ProbeSite {
  /** The engine that runs the texts. */
  engine: Engine;
  /** The module read, e.g. "model.layers.2". */
  module: string;
  /** The SAE on that module (on its device); needed for a probe on features. */
  sae?: Sae;
}

/** Options of {@link trainProbe}; every default is in PROBE_DEFAULTS. */
export interface TrainProbeOptions {
  /** Train on the SAE's features (default) or the module's raw activations. */
  on?: ProbeInput;
  /** Per-text pooling of the per-token vectors: "max" (default) or "mean". */
  pool?: ProbePooling;
  /** Full-batch proximal-gradient steps (default 300). */
  steps?: number;
  /** Step size (default 0.5; the features are standardized, so one value suits most data). */
  lr?: number;
  /** L1 penalty on the standardized weights (default 0.02): larger keeps fewer features. */
  l1?: number;
  /** Fraction of each class held out for the accuracy estimate (default 0.25; 0: none). */
  heldOut?: number;
  /** Seed of the train/held-out split, the only randomness (default 0). */
  seed?: number;
  /** Leave out a leading BOS token when pooling (default true). */
  skipBos?: boolean;
  /** Texts per batched pass (default 32). */
  batchSize?: number;
  /** Let the probe use moderated features (Sae.moderated); they are marked in `features`. */
  includeModerated?: boolean;
  /** The probe's name (its monitor's cache name is `${module}.probe.${name}`; default "probe"). */
  name?: string;
}

/** trainProbe's defaults. */
export const PROBE_DEFAULTS = {
  on: "features" as ProbeInput,
  pool: "max" as ProbePooling,
  steps: 300,
  lr: 0.5,
  l1: 0.02,
  heldOut: 0.25,
  seed: 0,
};

/** A nonzero weight of a trained probe, for reading: its feature's label when known. */
export interface ProbeFeature {
  /** Feature (or activation dimension) index. */
  index: number;
  /** Weight on the standardized value. */
  weight: number;
  /** Its label, when the SAE has labels. */
  label?: string;
  /** Present when the feature is moderated (only with includeModerated). */
  moderated?: true;
}

/** What trainProbe returns. */
export interface ProbeTrainingResult {
  /** The trained probe (save it with JSON.stringify). */
  probe: Probe;
  /** Accuracy (threshold 1/2) on the training texts. */
  trainAccuracy: number;
  /** Accuracy on the held-out texts (null with heldOut 0). */
  heldOutAccuracy: number | null;
  /** Nonzero weights by |weight| descending. */
  features: ProbeFeature[];
  /** Example indices of each side of the split. */
  split: { train: number[]; heldOut: number[] };
  /** Probability of every example (by example index) under the final probe. */
  probabilities: Float32Array;
}

type Resolved = typeof PROBE_DEFAULTS & {
  skipBos: boolean;
  includeModerated: boolean;
  name: string;
};

function positiveInt(what: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) {
    throw new UsageError(`trainProbe: ${what} must be a positive integer, got ${v}`);
  }
  return v;
}

function nonNegative(what: string, v: number): number {
  if (!(Number.isFinite(v) && v >= 0)) {
    throw new UsageError(`trainProbe: ${what} must be a finite number >= 0, got ${v}`);
  }
  return v;
}

/**
 * Trains a sparse logistic probe telling label 1 from label 0 on pooled SAE
 * features (or raw activations) at `site.module`. See the file comment and
 * TrainProbeOptions; ARCHITECTURE.md ("Probes") gives the method.
 */
export async function trainProbe(
  site: ProbeSite,
  examples: readonly ProbeExample[],
  opts: TrainProbeOptions = {},
): Promise<ProbeTrainingResult> {
  // Field by field: an option given as undefined (a CLI flag left out) keeps its default.
  const o: Resolved = {
    on: opts.on ?? PROBE_DEFAULTS.on,
    pool: opts.pool ?? PROBE_DEFAULTS.pool,
    steps: opts.steps ?? PROBE_DEFAULTS.steps,
    lr: opts.lr ?? PROBE_DEFAULTS.lr,
    l1: opts.l1 ?? PROBE_DEFAULTS.l1,
    heldOut: opts.heldOut ?? PROBE_DEFAULTS.heldOut,
    seed: opts.seed ?? PROBE_DEFAULTS.seed,
    skipBos: opts.skipBos ?? true,
    includeModerated: !!opts.includeModerated,
    name: opts.name ?? "probe",
  };
  const { engine, module } = site;
  if (o.on !== "features" && o.on !== "activations") {
    throw new UsageError(`trainProbe: on must be "features" or "activations", got ${o.on}`);
  }
  if (o.pool !== "max" && o.pool !== "mean") {
    throw new UsageError(`trainProbe: pool must be "max" or "mean", got ${o.pool}`);
  }
  if (typeof o.name !== "string" || !PROBE_NAME.test(o.name)) {
    throw new UsageError(`trainProbe: name must be 1-64 letters, digits, _ or -; got ${o.name}`);
  }
  positiveInt("steps", o.steps);
  if (!(o.lr > 0 && Number.isFinite(o.lr))) {
    throw new UsageError(`trainProbe: lr must be > 0, got ${o.lr}`);
  }
  nonNegative("l1", o.l1);
  if (!Number.isSafeInteger(o.seed)) {
    throw new UsageError(`trainProbe: seed must be a safe integer`);
  }
  const batchSize = positiveInt("batchSize", opts.batchSize ?? 32);
  const sae = o.on === "features" ? site.sae : undefined;
  if (o.on === "features" && !sae) {
    throw new UsageError(`trainProbe: a probe on features needs an SAE (or on: "activations")`);
  }
  if (!engine.baseModuleNames.includes(module)) {
    throw new UsageError(`trainProbe: unknown module "${module}"`);
  }
  const gpu = engine.deviceOf(module);
  if (sae && sae.gpu !== gpu) {
    throw new UsageError(`trainProbe: ${sae.describe} is not on the device of ${module}`);
  }
  const width = sae ? sae.dSae : engine.moduleWidth(module);
  // X [texts, width] is bound whole by every step's kernels.
  if (examples.length * width * 4 > gpu.maxBindingBytes) {
    throw new UsageError(
      `trainProbe: ${examples.length} texts x ${width} values need ${
        examples.length * width * 4
      } ` +
        `bytes in one binding, more than ${gpu.name} allows (${gpu.maxBindingBytes}); ` +
        `use at most ${Math.floor(gpu.maxBindingBytes / (width * 4))} examples`,
    );
  }
  const labels = examples.map((e, i) => {
    if (e.label !== 0 && e.label !== 1) {
      throw new UsageError(`trainProbe: example ${i} has label ${e.label}, not 0 or 1`);
    }
    return e.label;
  });
  const split = splitExamples(labels, o.heldOut, o.seed);
  const nTrain = split.train.length, N = examples.length;
  const positives = split.train.filter((i) => labels[i] === 1).length;
  if (positives === 0 || positives === nTrain) {
    throw new UsageError(
      `trainProbe: the training set needs both labels (it has ${positives} of ${nTrain} positive)`,
    );
  }
  // Training rows first, then held-out ones: X's rows [0, nTrain) are the training set.
  const order = [...split.train, ...split.heldOut];
  const rowOf = new Array<number>(N);
  order.forEach((ex, row) => (rowOf[ex] = row));

  const prompts = examples.map((e) => textTokens(engine, exampleInput(e)));
  const bos = engine.tokenizer.bosId;
  const skip = prompts.map((p) => o.skipBos && bos !== null && p[0] === bos ? 1 : 0);
  const empty = prompts.findIndex((p, i) => p.length - skip[i] < 1);
  if (empty >= 0) throw new UsageError(`trainProbe: example ${empty} has no tokens to pool`);

  const made: Tensor[] = [];
  const tensor = (label: string, data: Float32Array, shape: number[]) => {
    const t = Tensor.from(gpu, `probe.${label}`, data, shape, "f32");
    made.push(t);
    return t;
  };
  try {
    const X = tensor("x", new Float32Array(N * width), [N, width]);
    for (let s = 0; s < N; s += batchSize) {
      const results = await engine.forward(prompts.slice(s, s + batchSize), {
        interventions: {
          [module]: (x, ctx) => {
            const i = s + (ctx.prompt ?? 0), n = x.shape[0], pos = ctx.positionStart;
            // Rows of this chunk from the text's first pooled token on (a chunk may hold only BOS).
            if (pos + n <= skip[i]) return;
            const v = sae ? sae.encode(x) : x;
            probePool(ctx.rec, o.pool, v, X, {
              dstRow: rowOf[i],
              rowStart: Math.max(0, skip[i] - pos),
              first: pos <= skip[i],
              scale: 1 / (prompts[i].length - skip[i]),
            });
          },
        },
      });
      for (const r of results) r.dispose();
    }
    return await engine.exclusive(async () => {
      const train = X.rows(0, nTrain);
      const stats = Tensor.empty(gpu, "probe.stats", [3, width], "f32");
      made.push(stats);
      const rec = new Recorder(gpu, "probe.stats");
      featureStats(rec, train, stats);
      rec.submit();
      const sums = await stats.toArray();
      const exclude = sae && !o.includeModerated ? sae.moderated : new Set<number>();
      const std = standardization(
        sums.subarray(0, width),
        sums.subarray(width, 2 * width),
        nTrain,
        exclude,
      );
      const y = new Float32Array(N);
      order.forEach((ex, row) => (y[row] = labels[ex]));
      const init = new Float32Array(width + 1);
      init[width] = initialBias(y, nTrain);
      const Y = tensor("y", y, [N]);
      const W = tensor("weights", init, [width + 1]);
      const S = tensor("standardization", Float32Array.from(standardizationRows(std)), [2, width]);
      const prob = tensor("prob", new Float32Array(N), [N]);
      const steps = new Recorder(gpu, "probe.train");
      const trainProb = prob.rows(0, nTrain);
      for (let step = 0; step < o.steps; step++) {
        probePredict(steps, train, W, S, trainProb);
        probeStep(steps, X, Y, prob, S, W, nTrain, { lr: o.lr, l1: o.l1 });
      }
      probePredict(steps, X, W, S, prob);
      steps.submit();
      const w = await W.toArray(), p = await prob.toArray();
      return finish(site, sae, o, { w, p, std, order, labels, split, width });
    });
  } finally {
    for (const t of made) t.dispose();
  }
}

function finish(
  site: ProbeSite,
  sae: Sae | undefined,
  o: Resolved,
  r: {
    w: Float32Array;
    p: Float32Array;
    std: ReturnType<typeof standardization>;
    order: number[];
    labels: (0 | 1)[];
    split: { train: number[]; heldOut: number[] };
    width: number;
  },
): ProbeTrainingResult {
  const { w, std, width } = r;
  const probabilities = new Float32Array(r.labels.length);
  r.order.forEach((ex, row) => (probabilities[ex] = r.p[row]));
  const accuracy = (idx: number[]) =>
    idx.filter((i) => (probabilities[i] >= 0.5 ? 1 : 0) === r.labels[i]).length / idx.length;
  const terms: ProbeTerm[] = [];
  for (let j = 0; j < width; j++) {
    if (w[j] !== 0) terms.push({ index: j, weight: w[j], mean: std.mean[j], std: std.std[j] });
  }
  const trainAccuracy = accuracy(r.split.train);
  const heldOutAccuracy = r.split.heldOut.length ? accuracy(r.split.heldOut) : null;
  const probe = new Probe({
    name: o.name,
    module: site.module,
    on: o.on,
    sae: sae ? { id: sae.describe, dSae: sae.dSae } : null,
    width,
    pool: o.pool,
    skipBos: o.skipBos,
    bias: w[width],
    terms,
    training: {
      examples: r.labels.length,
      train: r.split.train.length,
      heldOut: r.split.heldOut.length,
      steps: o.steps,
      lr: o.lr,
      l1: o.l1,
      seed: o.seed,
      trainAccuracy,
      heldOutAccuracy,
      includeModerated: o.includeModerated,
    },
  }, "trainProbe");
  const features = [...terms].sort((a, b) =>
    Math.abs(b.weight) - Math.abs(a.weight) || a.index - b.index
  )
    .map((t): ProbeFeature => {
      const label = sae?.featureLabel(t.index);
      return {
        index: t.index,
        weight: t.weight,
        ...(label !== undefined ? { label } : {}),
        ...(sae?.moderated.has(t.index) ? { moderated: true as const } : {}),
      };
    });
  return { probe, trainAccuracy, heldOutAccuracy, features, split: r.split, probabilities };
}
