// Labelled examples for probes: the data file format and the seeded
// train/held-out split (sae/probe_train.ts uses both; the tests too).

import { FormatError, UsageError } from "../engine/errors.ts";
import type { ChatMessage } from "../engine/formats/tokenizer.ts";
import { Sampler } from "../engine/model/sampler.ts";
import { isRecord } from "./probe.ts";
import type { FeatureText } from "./search.ts";

/** One labelled example: a text, its token ids, or a chat, and its class. */
export type ProbeExample =
  | { text: string; label: 0 | 1 }
  | { tokens: ArrayLike<number>; label: 0 | 1 }
  | { chat: readonly ChatMessage[]; label: 0 | 1 };

/** What an example feeds the model (a FeatureText). */
export function exampleInput(e: ProbeExample): FeatureText {
  if ("text" in e) return e.text;
  if ("tokens" in e) return e.tokens;
  return e.chat;
}

/**
 * Labelled examples from a data file's text: a JSON list of {text | tokens |
 * chat, label: 0 | 1}, or an object with such a list under "examples".
 */
export function parseProbeExamples(text: string, file: string): ProbeExample[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FormatError(file, `not JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : isRecord(doc) ? doc.examples : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw new FormatError(
      file,
      "expected a non-empty list of {text, label} (or {examples: [...]})",
    );
  }
  return list.map((item, i): ProbeExample => {
    const where = `example ${i}`;
    if (!isRecord(item)) throw new FormatError(file, `${where} must be an object`);
    const label = item.label;
    if (label !== 0 && label !== 1) throw new FormatError(file, `${where}: label must be 0 or 1`);
    const given = ["text", "tokens", "chat"].filter((k) => item[k] !== undefined);
    if (given.length !== 1) {
      throw new FormatError(file, `${where} needs exactly one of text, tokens, chat`);
    }
    if (typeof item.text === "string") return { text: item.text, label };
    if (Array.isArray(item.tokens) && item.tokens.every((t) => Number.isInteger(t) && t >= 0)) {
      return { tokens: item.tokens as number[], label };
    }
    if (Array.isArray(item.chat)) {
      const chat = item.chat.map((m, j) => {
        if (!isRecord(m) || typeof m.role !== "string" || typeof m.content !== "string") {
          throw new FormatError(file, `${where}, message ${j} needs string role and content`);
        }
        return { role: m.role, content: m.content };
      });
      return { chat, label };
    }
    throw new FormatError(
      file,
      `${where}: text must be a string, tokens a list of ids, chat a list of messages`,
    );
  });
}

/**
 * A stratified, seeded split: within each class, examples are shuffled
 * (Fisher-Yates on the sampler's PRNG: the same seed gives the same split
 * everywhere) and round(heldOut * class size) of them held out. Both lists
 * come back in index order.
 */
export function splitExamples(
  labels: readonly (0 | 1)[],
  heldOut: number,
  seed: number,
): { train: number[]; heldOut: number[] } {
  if (!(heldOut >= 0 && heldOut < 1)) {
    throw new UsageError(`heldOut must be a fraction in [0, 1), got ${heldOut}`);
  }
  const random = new Sampler({ seed });
  const train: number[] = [], held: number[] = [];
  for (const cls of [0, 1]) {
    const idx = labels.flatMap((l, i) => l === cls ? [i] : []);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random.nextUniform() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const k = Math.round(heldOut * idx.length);
    held.push(...idx.slice(0, k));
    train.push(...idx.slice(k));
  }
  const asc = (a: number, b: number) => a - b;
  return { train: train.sort(asc), heldOut: held.sort(asc) };
}
