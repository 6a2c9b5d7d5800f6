// Small DOM helpers and the pieces of the page that are pure rendering: token
// strips coloured by a feature, bar lists, the top-contexts list.

/// <reference lib="dom" />

type Child = Node | string | null | undefined | false;

/** document.createElement with attributes (on* as listeners) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, unknown> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") {
      e.addEventListener(k.slice(2), v as EventListener);
    } else if (k === "style" && typeof v === "object") Object.assign(e.style, v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c) e.append(c);
  return e;
}

export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`demo page: no element #${id}`);
  return e as T;
}

/** Background for an activation: transparent at 0, full orange at `scale`. */
export function activationColor(value: number, scale: number): string {
  if (!(value > 0) || !(scale > 0)) return "transparent";
  const a = Math.min(1, value / scale);
  return `rgba(255, 128, 0, ${(0.12 + 0.88 * a).toFixed(3)})`;
}

/** A token as shown: spaces kept, newlines as ↵, BOS and other specials dimmed. */
export function tokenNode(piece: string, special: boolean): HTMLElement {
  const text = piece.replace(/\n/g, "↵");
  return el("span", { class: special ? "tok special" : "tok" }, text);
}

export interface StripOptions {
  pieces: string[];
  special: boolean[];
  /** Activation per token, or null for an uncoloured strip. */
  acts: Float32Array | null;
  scale: number;
  selected?: number;
  /** Positions before this are the prompt (drawn with an underline). */
  promptLength?: number;
  onClick?: (pos: number) => void;
}

/** A row of tokens, each coloured by an activation, with the value in its tooltip. */
export function tokenStrip(o: StripOptions): HTMLElement {
  const strip = el("div", { class: "strip-tokens" });
  o.pieces.forEach((piece, t) => {
    const node = tokenNode(piece, o.special[t]);
    node.dataset.pos = String(t);
    if (o.promptLength !== undefined && t < o.promptLength) node.classList.add("prompt");
    if (t === o.selected) node.classList.add("selected");
    if (o.acts) {
      node.style.background = activationColor(o.acts[t], o.scale);
      node.title = `position ${t}: ${o.acts[t].toFixed(3)}`;
    }
    if (o.onClick) node.addEventListener("click", () => o.onClick!(t));
    strip.append(node);
    if (piece.includes("\n")) strip.append(el("br"));
  });
  return strip;
}

export interface Bar {
  label: string;
  value: number;
  /** Clicked with the row (e.g. open the feature). */
  onClick?: () => void;
  title?: string;
}

/** Horizontal bars scaled to the largest |value|. */
export function barList(bars: Bar[], color: string, cls = ""): HTMLElement {
  const max = Math.max(1e-9, ...bars.map((b) => Math.abs(b.value)));
  return el(
    "div",
    { class: `bars ${cls}` },
    bars.map((b) =>
      el(
        "div",
        { class: b.onClick ? "bar-row clickable" : "bar-row", onclick: b.onClick, title: b.title },
        el("span", { class: "bar-label" }, b.label),
        el(
          "span",
          { class: "bar-track" },
          el("span", {
            class: "bar-fill",
            style: { width: `${(100 * Math.abs(b.value) / max).toFixed(1)}%`, background: color },
          }),
        ),
        el("span", { class: "bar-value" }, b.value.toFixed(2)),
      )
    ),
  );
}

/** A token shown in quotes with visible spaces, for lists. */
export function quoted(piece: string): string {
  return `"${piece.replace(/\n/g, "↵")}"`;
}
