// Loading a chosen model and SAE with progress and cancel, and what the page
// says when the GPU device is lost or runs out of memory.
//
// Progress and cancel work by wrapping the sources rather than the engine:
// every read of a picked file passes through watchSource (bytes counted, the
// signal checked before each slice), and URL / hub sources get a fetch that
// carries the signal and counts response bytes. Engine.load and Sae.load free
// everything they made when a read fails, so an abort leaves nothing behind;
// it takes effect at the next read (the tensor being uploaded finishes).

/// <reference lib="dom" />

import { type ByteReader, type FileSource, formatBytes } from "../../mod.ts";
import { $, el } from "./views.ts";

/** Counts bytes read through the wrapped sources and fetches; says rate and remaining time. */
export class LoadMeter {
  bytes = 0;
  readonly #t0 = performance.now();
  /** Total bytes when known (picked files: their sizes); null for URL sources. */
  total: number | null;
  constructor(total: number | null) {
    this.total = total;
  }

  /** "12.3 MB of 40.1 MB · 8.1 MB/s · 3 s left"; `fraction` (tensors done) when the total is unknown. */
  describe(fraction: number): string {
    const secs = (performance.now() - this.#t0) / 1000;
    const rate = secs > 0 ? this.bytes / secs : 0;
    const f = this.total ? Math.min(1, this.bytes / this.total) : fraction;
    const left = f > 0.01 && f < 1 ? ` · ${Math.ceil(secs * (1 - f) / f)} s left` : "";
    const of = this.total ? ` of ${formatBytes(this.total)}` : "";
    return `${formatBytes(this.bytes)}${of} read · ${formatBytes(Math.round(rate))}/s${left}`;
  }
}

function watchReader(r: ByteReader, meter: LoadMeter, signal: AbortSignal): ByteReader {
  return {
    name: r.name,
    size: r.size,
    async read(offset, length) {
      signal.throwIfAborted();
      const bytes = await r.read(offset, length);
      meter.bytes += bytes.length;
      return bytes;
    },
    close: () => r.close(),
  };
}

/** The same files, with each read counted and refused once `signal` is aborted. */
export function watchSource(src: FileSource, meter: LoadMeter, signal: AbortSignal): FileSource {
  return {
    describe: src.describe,
    names: src.names,
    has: (name) => src.has(name),
    text: async (name) => {
      signal.throwIfAborted();
      return await src.text(name);
    },
    open: async (name) => {
      signal.throwIfAborted();
      return watchReader(await src.open(name), meter, signal);
    },
  };
}

/** fetch with the load's signal, counting body bytes as they arrive. */
export function watchFetch(meter: LoadMeter, signal: AbortSignal): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, { ...init, signal });
    if (!res.body) return res;
    const count = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        meter.bytes += chunk.length;
        ctl.enqueue(chunk);
      },
    });
    return new Response(res.body.pipeThrough(count), {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}

/** What to offer after a device loss or an out-of-memory error. */
export interface Recovery {
  title: string;
  /** What happened, in words (the device's reason, the error's message). */
  what: string;
  /** Adapter limits and what the model held, for the message. */
  limits: string;
  freed: string;
  /** Buttons: a label and the URL parameters of the reload. */
  options: { label: string; params: Record<string, string> }[];
  /** Picked files cannot survive a page reload: say they must be picked again. */
  pickAgain: boolean;
}

/** Replaces the page with the recovery box; a button reloads with its parameters. */
export function showRecovery(r: Recovery) {
  $("app").hidden = true;
  $("loading").hidden = true;
  document.getElementById("corpus-status")?.setAttribute("hidden", "");
  const box = $("lost");
  box.hidden = false;
  const reload = (params: Record<string, string>) => {
    const url = new URL(globalThis.location.href);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    if (r.pickAgain) url.searchParams.set("open", "1");
    globalThis.location.href = url.href;
  };
  box.replaceChildren(
    el("h2", {}, r.title),
    el("div", { class: "lost-what" }, r.what),
    el("div", { class: "muted small" }, r.limits),
    el("div", { class: "muted small" }, r.freed),
    r.pickAgain
      ? el(
        "div",
        { class: "small" },
        "The model came from local files: a browser cannot keep them across a reload, so " +
          "the page asks for them again with the new settings.",
      )
      : "",
    el(
      "div",
      { class: "controls" },
      r.options.map((o) =>
        el("button", {
          class: "reload",
          "data-params": JSON.stringify(o.params),
          onclick: () => reload(o.params),
        }, o.label)
      ),
    ),
  );
  document.body.dataset.lost = "true";
}

/** A smaller weight format than `quant`, or null at the smallest. */
export function smallerFormat(quant: string): string | null {
  // By bits per weight: 32, 10 (block 16 with an f32 scale), 6.6, about 4.8, 5, 4.5.
  const order = ["f32", "q8", "q6k", "q4km", "q4", "q4k"];
  const i = order.indexOf(quant);
  return i >= 0 && i < order.length - 1 ? order[i + 1] : null;
}
