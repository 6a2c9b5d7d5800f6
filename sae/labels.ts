// Feature labels beside an SAE, and the features it hides (moderation).
// Read from untrusted files, defensively: a bad entry is a FormatError naming
// the file and the entry, never a silent skip. Accepted layouts:
//
// - Neuronpedia explanation exports: a JSON array, or JSON lines (its bulk
//   `explanations/batch-N.jsonl`), of records { modelId, layer, index,
//   description, explanationModelName, typeName, ... }, `index` a string or
//   a number. A feature with several explanations keeps its first non-empty
//   description (exports list them in the order Neuronpedia shows them).
// - Neuronpedia feature records { index, explanations: [{ description }] }.
// - A plain map { "12": "label", ... }.
// - Loupe's own { "labels": <any of the above>, "moderated": [3, 17] }.
//
// A moderation (deny) list is JSON [3, 17], { "moderated": [...] }, or text
// with one index per line (`#` comments allowed).

import { FormatError, UsageError } from "../engine/errors.ts";
import { openSource, type SourceOptions } from "../engine/formats/source.ts";

/** A label found by {@link FeatureLabels.search}. */
export interface LabelMatch {
  /** Feature index. */
  index: number;
  /** Its label. */
  label: string;
  /** 1 + overlap for a substring match, else the token overlap in (0, 1]; see search(). */
  score: number;
}

/** Lower-case word tokens (letters and digits) of a text. */
export function labelTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * How well `label` matches `query`: 1 + overlap when the label contains the
 * query (case-insensitive), else the overlap alone: the Jaccard index of
 * their word sets, |Q ∩ L| / |Q ∪ L| (0 when they share no word).
 */
export function labelSimilarity(query: string, label: string): number {
  const q = new Set(labelTokens(query)), l = new Set(labelTokens(label));
  let shared = 0;
  for (const w of q) if (l.has(w)) shared++;
  const union = q.size + l.size - shared;
  const overlap = union ? shared / union : 0;
  const needle = query.trim().toLowerCase();
  return needle && label.toLowerCase().includes(needle) ? 1 + overlap : overlap;
}

/** Feature index -> label, and the features a file marks as moderated. */
export class FeatureLabels {
  /** Where the labels came from, for messages. */
  readonly source: string;
  /** Features the file itself lists as moderated (hidden). */
  readonly moderated: readonly number[];
  readonly #labels: ReadonlyMap<number, string>;

  /** Labels by feature index; `source` names them in messages; `moderated` as a file lists them. */
  constructor(labels: ReadonlyMap<number, string>, source: string, moderated: number[] = []) {
    this.#labels = labels;
    this.source = source;
    this.moderated = moderated;
  }

  /** Parses any accepted layout (see the top of sae/labels.ts); `file` names it in errors. */
  static parse(text: string, file: string): FeatureLabels {
    const { labels, moderated } = parseLabelsText(text, file);
    return new FeatureLabels(labels, file, moderated);
  }

  /** Reads and parses a labels file: a local path, an http(s) URL or hf:owner/name/file. */
  static async load(src: string, opts: SourceOptions = {}): Promise<FeatureLabels> {
    return FeatureLabels.parse(await readText(src, opts), src);
  }

  /** Labelled features. */
  get size(): number {
    return this.#labels.size;
  }

  /** The label of a feature, if it has one. */
  get(index: number): string | undefined {
    return this.#labels.get(index);
  }

  /** Every (index, label), by index. */
  entries(): [number, string][] {
    return [...this.#labels].sort((a, b) => a[0] - b[0]);
  }

  /** The largest labelled index (-1 if none), to check against an SAE's width. */
  get maxIndex(): number {
    let m = -1;
    for (const i of this.#labels.keys()) m = Math.max(m, i);
    for (const i of this.moderated) m = Math.max(m, i);
    return m;
  }

  /**
   * Labels matching `query`, best first: those containing it
   * (case-insensitive) before the rest, each group by word overlap
   * (labelSimilarity), ties by index. Labels sharing no word are left out.
   */
  search(query: string, opts: { top?: number; exclude?: ReadonlySet<number> } = {}): LabelMatch[] {
    const top = opts.top ?? 20;
    if (!Number.isInteger(top) || top < 1) {
      throw new UsageError(`FeatureLabels.search: top must be a positive integer, got ${top}`);
    }
    const out: LabelMatch[] = [];
    for (const [index, label] of this.#labels) {
      if (opts.exclude?.has(index)) continue;
      const score = labelSimilarity(query, label);
      if (score > 0) out.push({ index, label, score });
    }
    out.sort((a, b) => b.score - a.score || a.index - b.index);
    return out.slice(0, top);
  }
}

/** Reads a whole text file from a local path, URL or hf:owner/name[@rev]/file. */
export async function readText(src: string, opts: SourceOptions = {}): Promise<string> {
  const hub = src.match(/^(hf:[^/@]+\/[^/@]+(?:@[^/]+)?)\/(.+)$/);
  let folder: string, file: string;
  if (hub) [folder, file] = [hub[1], hub[2]];
  else {
    const cut = src.lastIndexOf("/");
    folder = cut < 0 ? "." : cut === 0 ? "/" : src.slice(0, cut);
    file = src.slice(cut + 1);
  }
  return await (await openSource(folder, opts)).text(file);
}

const MAX_INDEX = 2 ** 31 - 1;

function featureIndex(v: unknown, file: string, where: string): number {
  const n = typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > MAX_INDEX) {
    throw new FormatError(
      file,
      `${where}: feature index must be a non-negative integer, got ${JSON.stringify(v)}`,
    );
  }
  return n;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Labels and moderated features from any accepted layout. */
export function parseLabelsText(
  text: string,
  file: string,
): { labels: Map<number, string>; moderated: number[] } {
  const trimmed = text.trim();
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch (e) {
    // Not one JSON value: JSON lines (Neuronpedia's bulk export).
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== "");
    if (lines.length < 2) throw new FormatError(file, `not JSON: ${(e as Error).message}`);
    doc = lines.map((line, i) => {
      try {
        return JSON.parse(line);
      } catch (err) {
        throw new FormatError(file, `line ${i + 1} is not JSON: ${(err as Error).message}`);
      }
    });
  }
  const labels = new Map<number, string>();
  let moderated: number[] = [];
  let body: unknown = doc;
  if (isRecord(doc) && ("labels" in doc || "moderated" in doc)) {
    const extra = Object.keys(doc).filter((k) => k !== "labels" && k !== "moderated");
    if (extra.length) {
      throw new FormatError(file, `unknown keys ${extra.join(", ")} beside labels/moderated`);
    }
    if (doc.moderated !== undefined) moderated = parseModeratedValue(doc.moderated, file);
    body = doc.labels ?? {};
  } else if (isRecord(doc) && "index" in doc) {
    body = [doc]; // one record (a one-line JSON lines file)
  } else if (isRecord(doc) && Array.isArray(doc.explanations)) {
    body = doc.explanations; // a single feature record, or an export wrapped in an object
  }
  if (Array.isArray(body)) {
    body.forEach((rec, i) => addRecord(labels, rec, file, `entry ${i}`));
  } else if (isRecord(body)) {
    for (const [key, value] of Object.entries(body)) {
      const index = featureIndex(key, file, `key ${JSON.stringify(key)}`);
      if (typeof value !== "string") {
        throw new FormatError(file, `label of feature ${index} must be a string`);
      }
      if (value.trim()) labels.set(index, value.trim());
    }
  } else {
    throw new FormatError(file, "expected a JSON object or array of labels");
  }
  return { labels, moderated };
}

/** One Neuronpedia record: { index, description } or { index, explanations: [...] }. */
function addRecord(labels: Map<number, string>, rec: unknown, file: string, where: string) {
  if (!isRecord(rec)) throw new FormatError(file, `${where}: expected an object`);
  const index = featureIndex(rec.index, file, where);
  let description: unknown = rec.description;
  if (description === undefined && Array.isArray(rec.explanations)) {
    description = rec.explanations
      .map((e) => isRecord(e) ? e.description : undefined)
      .find((d) => typeof d === "string" && d.trim() !== "") ?? "";
  }
  if (description === undefined || description === null) description = "";
  if (typeof description !== "string") {
    throw new FormatError(file, `${where} (feature ${index}): description must be a string`);
  }
  // The first non-empty explanation of a feature wins.
  if (description.trim() && !labels.has(index)) labels.set(index, description.trim());
}

function parseModeratedValue(v: unknown, file: string): number[] {
  if (!Array.isArray(v)) throw new FormatError(file, "moderated must be a list of indices");
  return v.map((x, i) => featureIndex(x, file, `moderated[${i}]`));
}

/** A deny list: JSON [3, 17] or { "moderated": [...] }, or one index per line. */
export function parseModeratedList(text: string, file: string): number[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (e) {
      throw new FormatError(file, `not JSON: ${(e as Error).message}`);
    }
    return parseModeratedValue(isRecord(doc) ? doc.moderated : doc, file);
  }
  const out: number[] = [];
  trimmed.split(/\r?\n/).forEach((line, i) => {
    const s = line.replace(/#.*/, "").trim();
    if (s) out.push(featureIndex(s, file, `line ${i + 1}`));
  });
  return out;
}
