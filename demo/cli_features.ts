// `loupe features search` and `loupe features contrast`: Ember's feature
// search and contrast on a local SAE (sae/search.ts), printed as a ranked
// table, or one JSON object with --json.

import type { ChatMessage } from "../engine/formats/tokenizer.ts";
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
