// A sparse logistic probe on a module's activations or an SAE's features, as
// a value: what it reads (module, SAE, pooling), its standardization and
// nonzero weights, and the JSON file it is saved as (parsed defensively: a
// probe file is untrusted input). Training is in probe_train.ts, the
// per-token monitor in probe_monitor.ts.
//
// The probe's probability for a pooled vector x is
//   sigmoid(bias + sum over terms of weight * (x[index] - mean) / std),
// with mean and std the training texts' z-score standardization of that column.

import { FormatError, UsageError } from "../engine/errors.ts";
import type { ProbePooling } from "../shaders/probe_pool.ts";
import { probePredictReference } from "../shaders/probe_predict.ts";

export type { ProbePooling } from "../shaders/probe_pool.ts";

/** The file format's name and version, written into every probe file. */
export const PROBE_FORMAT = "loupe-probe";
/** The file format's version this Loupe writes and reads. */
export const PROBE_VERSION = 1;

/** What a probe reads: an SAE's features at the module, or the module's output itself. */
export type ProbeInput = "features" | "activations";

/** One nonzero weight: on column `index`, standardized by (x - mean) / std. */
export interface ProbeTerm {
  /** Feature (or activation dimension) index. */
  index: number;
  /** Weight on the standardized value. */
  weight: number;
  /** The column's mean over the training texts. */
  mean: number;
  /** The column's standard deviation over the training texts (> 0). */
  std: number;
}

/** How a probe was trained (informative; absent from hand-made probes). */
export interface ProbeTrainingInfo {
  /** Labelled examples given. */
  examples: number;
  /** Examples trained on. */
  train: number;
  /** Examples held out. */
  heldOut: number;
  /** Proximal-gradient steps. */
  steps: number;
  /** Step size. */
  lr: number;
  /** L1 penalty. */
  l1: number;
  /** Seed of the split. */
  seed: number;
  /** Accuracy on the training examples. */
  trainAccuracy: number;
  /** Accuracy on the held-out examples (null when none were held out). */
  heldOutAccuracy: number | null;
  /** Whether moderated features were allowed. */
  includeModerated: boolean;
}

/** Everything a probe is; the fields of its JSON file besides format and version. */
export interface ProbeSpec {
  /** Name of the monitor's cache entry: `${module}.probe.${name}`. Letters, digits, _ and -. */
  name: string;
  /** The module read, e.g. "model.layers.2". */
  module: string;
  /** What it reads at the module. */
  on: ProbeInput;
  /** The SAE whose features are read (features only): its description and width. */
  sae: { id: string; dSae: number } | null;
  /** Width of the vectors scored: d_sae for features, the module's width for activations. */
  width: number;
  /** How a text's tokens were pooled in training (a monitor scores each token alone). */
  pool: ProbePooling;
  /** Whether a leading BOS token was left out of the pooling. */
  skipBos: boolean;
  /** The bias (log-odds at the training mean). */
  bias: number;
  /** Nonzero weights, by index ascending. */
  terms: ProbeTerm[];
  /** How it was trained, when it was. */
  training?: ProbeTrainingInfo;
}

/** What a probe's name may be (it becomes part of a cache name). */
export const PROBE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** Largest width accepted from a file (2^31 - 1, the largest feature index plus one). */
const MAX_WIDTH = 2 ** 31 - 1;
/** Values in a probe file beyond this are corrupt (weights, means, stds, bias). */
const MAX_VALUE = 1e12;
/** Probe files are small (a few values per nonzero weight); larger is refused before parsing. */
export const MAX_PROBE_FILE_CHARS = 64 * 2 ** 20;

/** A trained (or loaded) probe. Plain data: it holds no GPU memory. */
export class Probe implements ProbeSpec {
  /** Its name (the monitor's cache name ends with it). */
  readonly name: string;
  /** The module read. */
  readonly module: string;
  /** SAE features or raw activations. */
  readonly on: ProbeInput;
  /** The SAE read (features only). */
  readonly sae: { id: string; dSae: number } | null;
  /** Width of the vectors scored. */
  readonly width: number;
  /** Pooling of a text's tokens in training. */
  readonly pool: ProbePooling;
  /** Whether a leading BOS was left out of the pooling. */
  readonly skipBos: boolean;
  /** The bias. */
  readonly bias: number;
  /** Nonzero weights, by index ascending. */
  readonly terms: ProbeTerm[];
  /** How it was trained, when it was. */
  readonly training?: ProbeTrainingInfo;

  /** A probe from its fields, checked as a file's would be (errors name `source`). */
  constructor(spec: ProbeSpec, source = "probe") {
    const s = checkSpec(spec, source);
    this.name = s.name;
    this.module = s.module;
    this.on = s.on;
    this.sae = s.sae;
    this.width = s.width;
    this.pool = s.pool;
    this.skipBos = s.skipBos;
    this.bias = s.bias;
    this.terms = s.terms;
    if (s.training) this.training = s.training;
  }

  /** Parses a probe file's text; a FormatError names `file` and what is wrong. */
  static parse(text: string, file = "probe.json"): Probe {
    if (typeof text !== "string" || text.length > MAX_PROBE_FILE_CHARS) {
      throw new FormatError(file, `a probe file is JSON of at most ${MAX_PROBE_FILE_CHARS} chars`);
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new FormatError(file, `not JSON: ${(e as Error).message}`);
    }
    if (!isRecord(doc)) throw new FormatError(file, "expected a JSON object");
    if (doc.format !== PROBE_FORMAT) {
      throw new FormatError(
        file,
        `format is ${JSON.stringify(doc.format)}, expected "${PROBE_FORMAT}"`,
      );
    }
    if (doc.version !== PROBE_VERSION) {
      throw new FormatError(
        file,
        `version ${
          JSON.stringify(doc.version)
        } is not supported (this Loupe reads ${PROBE_VERSION})`,
      );
    }
    if (doc.standardization !== "z-score") {
      throw new FormatError(file, `standardization must be "z-score"`);
    }
    const weights = doc.weights;
    if (!Array.isArray(weights)) throw new FormatError(file, "weights must be a list");
    return new Probe({
      name: doc.name as string,
      module: doc.module as string,
      on: doc.on as ProbeInput,
      sae: doc.sae as ProbeSpec["sae"],
      width: doc.width as number,
      pool: doc.pool as ProbePooling,
      skipBos: doc.skipBos as boolean,
      bias: doc.bias as number,
      terms: weights as ProbeTerm[],
      ...(doc.training !== undefined ? { training: doc.training as ProbeTrainingInfo } : {}),
    }, file);
  }

  /** The probe file's content (JSON.stringify(probe) writes it). */
  toJSON(): Record<string, unknown> {
    return {
      format: PROBE_FORMAT,
      version: PROBE_VERSION,
      name: this.name,
      module: this.module,
      on: this.on,
      sae: this.sae,
      width: this.width,
      pool: this.pool,
      skipBos: this.skipBos,
      standardization: "z-score",
      bias: this.bias,
      weights: this.terms,
      ...(this.training ? { training: this.training } : {}),
    };
  }

  /** The cache name of this probe's monitor at its module. */
  get cacheName(): string {
    return `${this.module}.probe.${this.name}`;
  }

  /** Dense weights [width + 1] = (w, bias) for the GPU kernels. */
  denseWeights(): Float32Array {
    const w = new Float32Array(this.width + 1);
    for (const t of this.terms) w[t.index] = t.weight;
    w[this.width] = this.bias;
    return w;
  }

  /** Dense standardization [2, width] = (mean, 1 / std); columns without a term are (0, 0). */
  denseStandardization(): Float32Array {
    const s = new Float32Array(2 * this.width);
    for (const t of this.terms) {
      s[t.index] = t.mean;
      s[this.width + t.index] = 1 / t.std;
    }
    return s;
  }

  /** The probability of each of `rows` vectors x [rows, width], on the CPU in f64. */
  score(x: ArrayLike<number>, rows = 1): Float64Array {
    if (x.length !== rows * this.width) {
      throw new UsageError(
        `Probe.score: ${x.length} values are not ${rows} rows of width ${this.width}`,
      );
    }
    const w = new Float64Array(this.width + 1), s = new Float64Array(2 * this.width);
    for (const t of this.terms) {
      w[t.index] = t.weight;
      s[t.index] = t.mean;
      s[this.width + t.index] = 1 / t.std;
    }
    w[this.width] = this.bias;
    return probePredictReference(x, rows, this.width, w, s);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function finite(file: string, what: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v) || Math.abs(v) > MAX_VALUE) {
    throw new FormatError(file, `${what} must be a finite number within ±${MAX_VALUE}`);
  }
  return v;
}

function count(file: string, what: string, v: unknown, max = MAX_WIDTH): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > max) {
    throw new FormatError(file, `${what} must be an integer in [0, ${max}], got ${v}`);
  }
  return v;
}

function checkSpec(spec: ProbeSpec, file: string): ProbeSpec {
  if (typeof spec.name !== "string" || !PROBE_NAME.test(spec.name)) {
    throw new FormatError(file, `name must be 1-64 letters, digits, _ or -; got ${spec.name}`);
  }
  if (typeof spec.module !== "string" || spec.module === "" || spec.module.length > 256) {
    throw new FormatError(file, "module must be a module name such as model.layers.2");
  }
  if (spec.on !== "features" && spec.on !== "activations") {
    throw new FormatError(file, `on must be "features" or "activations", got ${spec.on}`);
  }
  if (spec.pool !== "max" && spec.pool !== "mean") {
    throw new FormatError(file, `pool must be "max" or "mean", got ${spec.pool}`);
  }
  if (typeof spec.skipBos !== "boolean") throw new FormatError(file, "skipBos must be true/false");
  const width = count(file, "width", spec.width);
  if (width < 1) throw new FormatError(file, "width must be at least 1");
  let sae: ProbeSpec["sae"] = null;
  if (spec.on === "features") {
    const s = spec.sae as unknown;
    if (!isRecord(s) || typeof s.id !== "string" || s.id.length > 4096) {
      throw new FormatError(file, "a probe on features needs sae: {id, dSae}");
    }
    const dSae = count(file, "sae.dSae", s.dSae);
    if (dSae !== width) {
      throw new FormatError(file, `sae.dSae ${dSae} differs from width ${width}`);
    }
    sae = { id: s.id, dSae };
  } else if (spec.sae !== null && spec.sae !== undefined) {
    throw new FormatError(file, "a probe on activations has sae: null");
  }
  const bias = finite(file, "bias", spec.bias);
  if (!Array.isArray(spec.terms) || spec.terms.length > width) {
    throw new FormatError(file, `weights must be a list of at most width (${width}) entries`);
  }
  let last = -1;
  const terms = spec.terms.map((t, i): ProbeTerm => {
    if (!isRecord(t)) {
      throw new FormatError(file, `weights[${i}] must be {index, weight, mean, std}`);
    }
    const index = count(file, `weights[${i}].index`, t.index, width - 1);
    if (index <= last) {
      throw new FormatError(
        file,
        `weights[${i}].index ${index}: indices must be unique, ascending`,
      );
    }
    last = index;
    const std = finite(file, `weights[${i}].std`, t.std);
    if (!(std > 0)) throw new FormatError(file, `weights[${i}].std must be positive, got ${std}`);
    return {
      index,
      weight: finite(file, `weights[${i}].weight`, t.weight),
      mean: finite(file, `weights[${i}].mean`, t.mean),
      std,
    };
  });
  const out: ProbeSpec = {
    name: spec.name,
    module: spec.module,
    on: spec.on,
    sae,
    width,
    pool: spec.pool,
    skipBos: spec.skipBos,
    bias,
    terms,
  };
  if (spec.training !== undefined) out.training = checkTraining(spec.training, file);
  return out;
}

function checkTraining(t: unknown, file: string): ProbeTrainingInfo {
  if (!isRecord(t)) throw new FormatError(file, "training must be an object");
  const rate = (k: string) => {
    const v = finite(file, `training.${k}`, t[k]);
    if (v < 0 || v > 1) throw new FormatError(file, `training.${k} must be in [0, 1]`);
    return v;
  };
  const heldOutAccuracy = t.heldOutAccuracy === null ? null : rate("heldOutAccuracy");
  return {
    examples: count(file, "training.examples", t.examples),
    train: count(file, "training.train", t.train),
    heldOut: count(file, "training.heldOut", t.heldOut),
    steps: count(file, "training.steps", t.steps),
    lr: finite(file, "training.lr", t.lr),
    l1: finite(file, "training.l1", t.l1),
    seed: finite(file, "training.seed", t.seed),
    trainAccuracy: rate("trainAccuracy"),
    heldOutAccuracy,
    includeModerated: t.includeModerated === true,
  };
}
