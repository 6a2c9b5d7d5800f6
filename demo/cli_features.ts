// `loupe features` (top features per token), `loupe features search` and
// `loupe features contrast`: Ember's feature search and contrast on a local
// SAE (sae/search.ts), printed as a ranked table, or one JSON object with --json.

import type { ChatMessage } from "../engine/formats/tokenizer.ts";
import {
  loadEngine,
  loadOptions,
  num,
  parseTokens,
  saeFlags,
  strings,
  type Values,
  withSae,
} from "./cli_common.ts";
import { type LoadedSae, loadSaeFlags, promptFeatures } from "./cli_sae.ts";
import { UsageError } from "../engine/errors.ts";
import type { FeatureNote, FeatureText } from "../sae/search.ts";

/**
 * Prompts from a file's text: a JSON list (of strings, token-id lists, chats
 * [{role, content}, ...] or {messages: [...]}), else one prompt per non-empty line.
 */
export function parsePromptFile(text: string, file: string): FeatureText[] {
  const trimmed = text.trim();
  if (!trimmed.startsWith("[")) {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== "");
    if (!lines.length) throw new UsageError(`${file}: no prompts (one per line, or a JSON list)`);
    return lines;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch (e) {
    throw new UsageError(`${file}: not a JSON list: ${(e as Error).message}`);
  }
  if (!Array.isArray(doc) || doc.length === 0) {
    throw new UsageError(`${file}: expected a non-empty JSON list of prompts or chats`);
  }
  return doc.map((item, i) => {
    if (typeof item === "string") return item;
    const chat = Array.isArray(item) ? item : (item as { messages?: unknown })?.messages;
    if (Array.isArray(chat) && chat.length > 0) {
      if (chat.every((x) => typeof x === "number")) return chat as number[];
      return chat.map((m, j) => {
        const r = m as Partial<ChatMessage>;
        if (typeof r?.role !== "string" || typeof r?.content !== "string") {
          throw new UsageError(`${file}: item ${i}, message ${j} needs string role and content`);
        }
        return { role: r.role, content: r.content };
      });
    }
    throw new UsageError(
      `${file}: item ${i} must be a string, a chat (list of {role, content}) or {messages: [...]}`,
    );
  });
}

/** Formats a score for the table. */
function fmt(v: number): string {
  return (v >= 0 ? " " : "") + v.toFixed(4);
}

function note(f: FeatureNote): string {
  return (f.moderated ? "[moderated] " : "") + (f.label ? JSON.stringify(f.label) : "");
}

/** The text table of a search result. */
export function searchTable(
  r: {
    features: (FeatureNote & {
      feature: number;
      logOdds: number;
      meanDiff: number;
      rateTexts: number;
      rateBackground: number;
    })[];
    tokens: { texts: number; background: number };
    rankBy: string;
    includeModerated: boolean;
  },
): string[] {
  const lines = [
    `# ${r.tokens.texts} tokens of texts vs ${r.tokens.background} of background; ranked by ` +
    `${r.rankBy}${r.includeModerated ? "; moderated features included" : ""}`,
    "rank  feature    logOdds   meanDiff  rateTexts  rateBackground  label",
  ];
  r.features.forEach((f, i) => {
    lines.push(
      `${String(i + 1).padStart(4)}  ${String(f.feature).padStart(7)} ${
        fmt(f.logOdds).padStart(10)
      } ${fmt(f.meanDiff).padStart(10)} ${f.rateTexts.toFixed(3).padStart(10)} ${
        f.rateBackground.toFixed(3).padStart(15)
      }  ${note(f)}`,
    );
  });
  return lines;
}

/** The text table of a contrast result. */
export function contrastTable(
  r: {
    a: (FeatureNote & { feature: number; t: number; meanDiff: number; rateDiff: number })[];
    b: (FeatureNote & { feature: number; t: number; meanDiff: number; rateDiff: number })[];
    tokens: { a: number; b: number };
    includeModerated: boolean;
  },
): string[] {
  const lines = [
    `# ${r.tokens.a} tokens in A, ${r.tokens.b} in B; ranked by Welch's t` +
    (r.includeModerated ? "; moderated features included" : ""),
  ];
  for (const [name, list] of [["A", r.a], ["B", r.b]] as const) {
    lines.push(`more active on ${name}:`, "rank  feature          t   meanDiff   rateDiff  label");
    list.forEach((f, i) => {
      lines.push(
        `${String(i + 1).padStart(4)}  ${String(f.feature).padStart(7)} ${fmt(f.t).padStart(10)} ${
          fmt(f.meanDiff).padStart(10)
        } ${fmt(f.rateDiff).padStart(10)}  ${note(f)}`,
      );
    });
  }
  return lines;
}

export async function promptFile(path: string, flag: string): Promise<FeatureText[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new UsageError(`--${flag} ${path}: ${(e as Error).message}`);
  }
  return parsePromptFile(text, path);
}

export async function featuresSearch(v: Values): Promise<void> {
  const texts = strings(v.text);
  if (!texts.length) throw new UsageError("features search needs --text TEXT (repeatable)");
  const top = num("top", v.top as string | undefined, true) ?? 20;
  if (top < 1) throw new UsageError(`--top must be at least 1, got ${top}`);
  const background = v.background
    ? await promptFile(v.background as string, "background")
    : undefined;
  await withSae(v, "features search", async (loaded) => {
    if (!background) console.error("no --background: ranking by firing on the texts alone");
    const r = await loaded.site.search(texts, {
      background,
      top,
      includeModerated: loaded.includeModerated,
      interventions: loaded.interventions,
    });
    if (v.json) console.log(JSON.stringify(r));
    else for (const line of searchTable(r)) console.log(line);
  });
}

export async function featuresContrast(v: Values): Promise<void> {
  if (!v.a || !v.b) throw new UsageError("features contrast needs --a FILE and --b FILE");
  const top = num("top", v.top as string | undefined, true) ?? 20;
  if (top < 1) throw new UsageError(`--top must be at least 1, got ${top}`);
  const a = await promptFile(v.a as string, "a"), b = await promptFile(v.b as string, "b");
  await withSae(v, "features contrast", async (loaded) => {
    const r = await loaded.site.contrast(a, b, {
      top,
      query: v.query as string | undefined,
      includeModerated: loaded.includeModerated,
      interventions: loaded.interventions,
    });
    if (v.json) console.log(JSON.stringify(r));
    else for (const line of contrastTable(r)) console.log(line);
  });
}

export async function features(
  v: Record<string, string | boolean | string[] | undefined>,
): Promise<void> {
  if ((v.tokens === undefined) === (v.prompt === undefined)) {
    throw new UsageError("features needs --tokens or --prompt");
  }
  if (!v.sae || !v.layer) throw new UsageError("features needs --sae SRC and --layer NAME");
  const k = num("top", v.top as string | undefined, true) ?? 8;
  if (k < 1) throw new UsageError(`--top must be at least 1, got ${k}`);
  const engine = await loadEngine(loadOptions(v));
  let sae: LoadedSae | null = null;
  try {
    const tokens = v.tokens !== undefined
      ? parseTokens(v.tokens as string)
      : engine.tokenizer.encode(v.prompt as string);
    sae = (await loadSaeFlags(engine, saeFlags(v), (m) => new UsageError(m)))!;
    const rows = await promptFeatures(engine, sae, tokens, Math.min(k, sae.sae.dSae));
    const includeModerated = sae.includeModerated;
    if (v.json) {
      console.log(JSON.stringify({ tokens, features: rows, includeModerated }));
    } else {
      if (includeModerated) console.log("# moderated features included (marked *)");
      const labelled = new Map<number, string>();
      for (const [t, r] of rows.entries()) {
        const feats = r.top.map((f) => {
          if (f.label !== undefined) labelled.set(f.feature, f.label);
          return `${f.feature}${f.moderated ? "*" : ""}:${f.value.toFixed(3)}`;
        }).join(" ");
        console.log(
          `${String(t).padStart(4)} ${String(r.token).padStart(6)} ${
            JSON.stringify(r.text).padEnd(14)
          } ${feats}`,
        );
      }
      // Labels once each, after the table, so the rows stay aligned.
      if (labelled.size) console.log("labels:");
      for (const [f, label] of [...labelled].sort((x, y) => x[0] - y[0])) {
        console.log(`${String(f).padStart(8)}  ${label}`);
      }
    }
  } finally {
    sae?.dispose();
    engine.dispose();
  }
}
