// The chat view's model side: a conversation (system prompt and turns) as the
// model's chat template renders it, and a reply generated from it through
// Session.generate, which also returns the SAE features of every position.
//
// Every reply re-prefills the whole conversation in a fresh KV cache rather
// than continuing the previous turn's cache. Why: (1) the features shown for
// the conversation are then those of one pass under the current edits, for
// every message, with no second pass; (2) a reply is a function of the
// rendered conversation, the edits and the sampling settings alone, so the
// steered and unsteered replies start from the same state and the browser
// test can recompute them with the library; (3) the template re-renders an
// assistant turn from its text (trimmed, as Hugging Face does), whose tokens
// may differ from the ones sampled, so the old cache's prefix would not be the
// rendered conversation's. Chat-sized prefixes on the small models the page
// runs prefill in a fraction of the decode time; for 8B-size contexts a cache
// reused over the unchanged prefix would pay off (not done).

import type { ChatMessage } from "../../mod.ts";
import type { GenerateParams, Session } from "./session.ts";

/** One token of the conversation: which message it belongs to. */
export type Role = "system" | "user" | "assistant" | "template";

export interface ChatReply {
  /** The rendered conversation the reply was generated from. */
  prompt: number[];
  /** The reply's tokens (the end-of-turn token included when it stopped there). */
  ids: number[];
  /** The reply as streamed (special tokens skipped): what the next turn renders. */
  text: string;
  /** SAE features [(prompt + reply) * d_sae] (rows past `fed` stay zero). */
  features: Float32Array;
  fed: number;
  ms: number;
  /** Time to the first token: the prefill of the conversation (and any pipelines compiled). */
  firstMs: number;
}

/** The messages the template renders: the system prompt (if any) first. */
export function chatMessages(system: string, turns: readonly ChatMessage[]): ChatMessage[] {
  return system.trim() ? [{ role: "system", content: system }, ...turns] : [...turns];
}

/** True when the model's tokenizer has a chat template (else the page stays a completion page). */
export function hasChatTemplate(session: Session): boolean {
  return session.engine.tokenizer.chatTemplate !== null;
}

/** The conversation's tokens, ending with the assistant header so that the model answers. */
export function chatPrompt(session: Session, messages: readonly ChatMessage[]): number[] {
  return session.engine.tokenizer.encodeChat(messages, { addGenerationPrompt: true });
}

/**
 * The role of each of `ids` (the rendered `messages`, then a reply): message
 * i's tokens are those the rendering of messages 0..i adds. A rendering that
 * is not a prefix of the next (a template that rewrites earlier turns) marks
 * what differs as "template" rather than guess.
 */
export function tokenRoles(
  session: Session,
  messages: readonly ChatMessage[],
  total: number,
): Role[] {
  const roles: Role[] = new Array(total).fill("template");
  const tok = session.engine.tokenizer;
  let done = 0;
  messages.forEach((m, i) => {
    const upTo = tok.encodeChat(messages.slice(0, i + 1), { addGenerationPrompt: false }).length;
    const role: Role = m.role === "system" || m.role === "user" ? m.role : "assistant";
    for (let t = done; t < Math.min(upTo, total); t++) roles[t] = role;
    done = Math.max(done, upTo);
  });
  // The assistant header the generation prompt adds, and the reply.
  for (let t = done; t < total; t++) roles[t] = "assistant";
  return roles;
}

/**
 * Generates the assistant's next reply to `messages`, streaming each token.
 * Stops at the template's end of turn: engine.generate stops on the
 * tokenizer's eos ids (Llama 3's <|eot_id|>) and the model's.
 */
export async function chatReply(
  session: Session,
  messages: readonly ChatMessage[],
  params: GenerateParams,
  onToken: (id: number, text: string) => void,
): Promise<ChatReply> {
  const prompt = chatPrompt(session, messages);
  const room = session.engine.contextLength - prompt.length;
  if (room < 1) {
    throw new Error(
      `the conversation (${prompt.length} tokens) fills the context of ` +
        `${session.engine.contextLength}: start a new chat`,
    );
  }
  let text = "", firstMs = 0;
  const t0 = performance.now();
  const r = await session.generate(
    prompt,
    { ...params, maxNewTokens: Math.min(params.maxNewTokens, room) },
    (id, piece) => {
      if (!firstMs) firstMs = performance.now() - t0;
      text += piece;
      onToken(id, piece);
    },
  );
  const ms = performance.now() - t0;
  const d = session.sae.dSae, n = prompt.length + r.ids.length;
  const features = new Float32Array(n * d);
  features.set(r.features.subarray(0, Math.min(r.fed, n) * d));
  return { prompt, ids: r.ids, text, features, fed: r.fed, ms, firstMs };
}
