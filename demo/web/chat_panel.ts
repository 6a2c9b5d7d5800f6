// The chat view for models with a chat template: a system prompt, the
// conversation, a reply streamed token by token into it, steering with the
// editor's edits (on the generated positions or everywhere) and, on request,
// the unsteered reply beside the steered one, both generated from the same
// conversation. The steered reply is the one the conversation keeps. After
// each reply the page's token strip shows the whole conversation (every
// message, coloured by role) with its SAE features (chat_session.ts).

/// <reference lib="dom" />

import type { ChatMessage } from "../../mod.ts";
import { chatMessages, type ChatReply, chatReply, type Role, tokenRoles } from "./chat_session.ts";
import type { GenerateParams, Session } from "./session.ts";
import { type Edit, toFeatureEdits } from "./steering.ts";
import { $, el } from "./views.ts";

/** The conversation as the token strip shows it. */
export interface ChatShown {
  ids: number[];
  /** Positions before this are the conversation so far; from it on, the last reply. */
  promptLength: number;
  features: Float32Array;
  roles: Role[];
  edits: Edit[];
}

export interface ChatHooks {
  session: Session;
  params(): GenerateParams;
  edits(): Edit[];
  /** Shows the conversation in the token strip (and opens a feature). */
  show(c: ChatShown): void;
  /** Runs button work one at a time with errors shown (main.ts action()). */
  action(fn: () => Promise<unknown>): () => void;
}

export class ChatPanel {
  readonly #h: ChatHooks;
  /** The turns kept (user and assistant), without the system prompt. */
  #turns: ChatMessage[] = [];

  constructor(hooks: ChatHooks) {
    this.#h = hooks;
    $("chat-send").addEventListener("click", hooks.action(() => this.send()));
    // Through action(): not while a reply is being generated.
    $("chat-reset").addEventListener(
      "click",
      hooks.action(() => {
        this.#turns = [];
        $("chat-log").replaceChildren();
        $("chat-status").textContent = "";
        return Promise.resolve();
      }),
    );
    $("chat-input").addEventListener("keydown", (e) => {
      const k = e as KeyboardEvent;
      if (k.key === "Enter" && !k.shiftKey) {
        k.preventDefault();
        $("chat-send").click();
      }
    });
    this.#syncCompare();
    $("chat-steer").addEventListener("change", () => this.#syncCompare());
  }

  #syncCompare() {
    const steer = ($("chat-steer") as HTMLInputElement).checked;
    ($("chat-compare") as HTMLInputElement).disabled = !steer;
    ($("chat-scope") as HTMLSelectElement).disabled = !steer;
  }

  /** Sends the input as the user's turn and generates the reply (two with side by side). */
  async send(): Promise<void> {
    const input = $("chat-input") as HTMLTextAreaElement;
    const content = input.value.trim();
    if (!content) throw new Error("chat: type a message first");
    const steer = ($("chat-steer") as HTMLInputElement).checked;
    const edits = steer ? this.#h.edits() : [];
    if (steer && !edits.length) {
      throw new Error("chat: steering is on but the steering editor has no edits");
    }
    const compare = steer && ($("chat-compare") as HTMLInputElement).checked;
    const scope = ($("chat-scope") as HTMLSelectElement).value as "all" | "generated";
    const system = ($("chat-system") as HTMLTextAreaElement).value;
    const turns = [...this.#turns, { role: "user", content }];
    const messages = chatMessages(system, turns);
    input.value = "";
    const log = $("chat-log"), before = log.childElementCount;
    log.append(message("user", content));
    try {
      await this.#reply(messages, turns, edits, compare, scope);
    } catch (e) {
      // The turn did not happen: the log and the input go back to before it.
      while (log.childElementCount > before) log.lastElementChild!.remove();
      input.value = content;
      throw e;
    }
  }

  async #reply(
    messages: ChatMessage[],
    turns: ChatMessage[],
    edits: Edit[],
    compare: boolean,
    scope: "all" | "generated",
  ): Promise<void> {
    const base = this.#h.params();
    const run = async (withEdits: Edit[], into: HTMLElement, what: string) => {
      const body = into.querySelector(".chat-text")!;
      let n = 0;
      const t0 = performance.now();
      const r = await chatReply(
        this.#h.session,
        messages,
        { ...base, edits: toFeatureEdits(withEdits), scope },
        (_id, piece) => {
          body.textContent += piece;
          if (++n === 1) into.dataset.firstTokenMs = (performance.now() - t0).toFixed(0);
          $("chat-status").textContent = `${what}: ${n} tokens (first after ${
            (Number(into.dataset.firstTokenMs) / 1000).toFixed(2)
          } s)`;
        },
      );
      into.dataset.ids = r.ids.join(",");
      into.dataset.done = "true";
      return r;
    };

    let kept: ChatReply;
    if (compare) {
      const plainBox = message("assistant", "", "unsteered");
      const steeredBox = message("assistant", "", `steered: ${describe(edits, scope)}`);
      $("chat-log").append(el("div", { class: "chat-pair" }, steeredBox, plainBox));
      await run([], plainBox, "unsteered reply");
      kept = await run(edits, steeredBox, "steered reply");
    } else {
      const box = message(
        "assistant",
        "",
        edits.length ? `steered: ${describe(edits, scope)}` : "",
      );
      $("chat-log").append(box);
      kept = await run(edits, box, "reply");
    }
    this.#turns = [...turns, { role: "assistant", content: kept.text }];
    const ids = kept.prompt.concat(kept.ids);
    this.#h.show({
      ids,
      promptLength: kept.prompt.length,
      features: kept.features,
      roles: tokenRoles(this.#h.session, messages, ids.length),
      edits,
    });
    const engine = this.#h.session.engine;
    const last = kept.ids[kept.ids.length - 1];
    const stopped = [...engine.tokenizer.eosIds, ...engine.config.eosTokenIds].includes(last)
      ? "stopped at the end of turn"
      : "stopped at max tokens";
    const secs = (ms: number) => (ms / 1000).toFixed(2);
    $("chat-status").textContent = `${kept.ids.length} tokens in ${secs(kept.ms)} s, the ` +
      `first after ${secs(kept.firstMs)} s (prefill of the ${kept.prompt.length}-token ` +
      `conversation, re-prefilled each turn), ${stopped}`;
    document.body.dataset.chatReplies = String(
      Number(document.body.dataset.chatReplies ?? 0) + (compare ? 2 : 1),
    );
  }
}

function describe(edits: readonly Edit[], scope: string): string {
  const where = scope === "generated" ? "generated tokens" : "every position";
  return `${edits.map((e) => `#${e.feature} ${e.mode} ${e.value}`).join(", ")} on ${where}`;
}

function message(role: string, text: string, note = ""): HTMLElement {
  return el(
    "div",
    { class: `chat-msg role-${role}`, "data-role": role },
    el(
      "div",
      { class: "chat-role" },
      role,
      note && el("span", { class: "muted small" }, ` ${note}`),
    ),
    el("div", { class: "chat-text" }, text),
  );
}
