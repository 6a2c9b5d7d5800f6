// The loading screen: the WebGPU adapter (or a page that says why there is
// none and what to do), the adapter line, load progress (bytes, rate, time
// left) with a cancel button, the box that replaces the page when loading
// fails, and the recovery box after a device loss or out-of-memory error.

/// <reference lib="dom" />

import {
  DeviceLostError,
  type FileSource,
  formatBytes,
  type Gpu,
  OutOfMemoryError,
  type WeightFormat,
} from "../../mod.ts";
import type { Chosen } from "./open_picker.ts";
import {
  LoadMeter,
  type Recovery,
  showRecovery,
  smallerFormat,
  watchFetch,
  watchSource,
} from "./open_load.ts";
import { Session } from "./session.ts";
import { cachedLoad, formatFor, type WeightCache } from "./cached_load.ts";
import type { CachePanel } from "./cache_panel.ts";
import { $, el } from "./views.ts";

/** Shows a load failure in place of the page, then throws so nothing runs on without a GPU. */
function fail(title: string, detail: string): never {
  $("loading").hidden = true;
  const box = $("nogpu");
  box.hidden = false;
  box.replaceChildren(el("h2", {}, title), el("div", {}, detail));
  throw new Error(`${title}: ${detail}`);
}

export async function requestAdapter(): Promise<GPUAdapter> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  const how =
    "Use a recent Chrome or Edge (113+), Safari 26+ or Firefox 141+; on Linux, Chromium " +
    "needs --enable-unsafe-webgpu. The page must be a secure context (https or localhost).";
  if (!globalThis.isSecureContext) {
    fail(
      "WebGPU needs a secure context",
      `This page is served from ${globalThis.location.origin}. ${how}`,
    );
  }
  if (!gpu) fail("WebGPU is not available in this browser", `navigator.gpu is undefined. ${how}`);
  const adapter = await gpu.requestAdapter();
  if (!adapter) {
    fail(
      "No WebGPU adapter",
      `navigator.gpu.requestAdapter() returned null (no usable GPU). ${how}`,
    );
  }
  return adapter;
}

export function showAdapter(adapter: GPUAdapter, gpu: Gpu) {
  const i = adapter.info, l = gpu.device.limits;
  const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
  const fallback = (i as GPUAdapterInfo & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  $("adapter").textContent = `${i.description || i.device || i.vendor || "unknown adapter"} (${
    [i.vendor, i.architecture].filter(Boolean).join(" / ")
  }${fallback ? ", software fallback" : ""}) · max binding ${
    mib(l.maxStorageBufferBindingSize)
  } · max buffer ${mib(l.maxBufferSize)} · workgroup storage ${
    l.maxComputeWorkgroupStorageSize / 1024
  } KiB · ${adapter.features.size} features`;
}

export function setProgress(fraction: number, text: string) {
  $("progress-fill").style.width = `${(fraction * 100).toFixed(1)}%`;
  $("progress-text").textContent = text;
}

/** Any other load error: its stack in place of the page, unless `fail` already explained it. */
export function showLoadFailure(e: unknown) {
  if (!$("nogpu").hidden) return; // already explained on the page
  $("loading").hidden = true;
  const box = $("nogpu");
  box.hidden = false;
  box.replaceChildren(
    el("h2", {}, "Loading failed"),
    el("pre", {}, String((e as Error).stack ?? e)),
  );
  console.error(e);
}

const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;

function adapterLimits(gpu: Gpu): string {
  const l = gpu.device.limits;
  return `Adapter limits: max buffer ${mib(l.maxBufferSize)}, max storage binding ${
    mib(l.maxStorageBufferBindingSize)
  }.`;
}

/** The reload buttons: a smaller weight format, half the context, or the same again. */
function reloadOptions(c: Chosen, context: number | null): Recovery["options"] {
  const options: Recovery["options"] = [];
  const smaller = smallerFormat(c.quant);
  if (smaller) {
    options.push({ label: `Reload with ${smaller} weights`, params: { quant: smaller } });
  }
  if (context && context >= 32) {
    const half = String(Math.floor(context / 2));
    options.push({
      label: `Reload with context ${half}`,
      params: { context: half, quant: c.quant },
    });
  }
  options.push({ label: "Reload as before", params: { quant: c.quant } });
  return options;
}

/** A session's use of the device, for the recovery message (read before it is disposed). */
function held(s: Session | null): string {
  if (!s) return "";
  const m = s.engine.memory;
  return ` The model held ${formatBytes(m.weights)} of weights, ${
    formatBytes(m.kvCache)
  } of KV cache ` +
    `(context ${s.engine.contextLength}) and ${formatBytes(m.scratch)} of scratch.`;
}

/**
 * Loads the chosen model and SAE with progress and a cancel button. Returns
 * the session; or, when it failed or was cancelled, the message to show on
 * the picker; or recovered = true when a device loss or out-of-memory error
 * replaced the page with the recovery box.
 */
export async function loadChosen(
  c: Chosen,
  gpu: Gpu,
  weights?: { cache: WeightCache | null; panel: CachePanel },
): Promise<
  { session: Session; contentKey: string | null } | { message: string; recovered: boolean }
> {
  const ctl = new AbortController();
  const cancel = $("cancel-load") as HTMLButtonElement;
  cancel.hidden = false;
  cancel.onclick = () => ctl.abort(new Error("load cancelled"));
  const meter = new LoadMeter(c.localBytes);
  const wrap = (s: string | FileSource) =>
    typeof s === "string" ? s : watchSource(s, meter, ctl.signal);
  // Progress comes per tensor, and one tensor can take minutes (an 8B
  // model's 1 GB embedding on a software adapter): the bytes, rate and time
  // left are also refreshed every second between tensors.
  let last = { f: 0, what: "starting" };
  const show = () =>
    setProgress(
      meter.total ? Math.min(1, meter.bytes / meter.total) : last.f,
      `${last.what} · ${meter.describe(last.f)}`,
    );
  setProgress(0, "starting…");
  const ticker = setInterval(() => meter.bytes && show(), 1000);
  try {
    // Through the OPFS weight cache (cached_load.ts): a hit loads the cached container.
    const plan = weights ? await cachedLoad(c, weights.cache, weights.panel) : null;
    const session = await Session.load(
      { model: wrap(plan?.model ?? c.model), sae: wrap(c.sae), layer: c.layer },
      gpu,
      (f, what) => {
        last = { f, what };
        show();
      },
      {
        quant: (plan ? plan.quant : formatFor(c.model, c.quant)) as WeightFormat | undefined,
        saeQuant: c.saeQuant,
        contextLength: c.contextLength,
        source: { fetch: watchFetch(meter, ctl.signal), endpoint: c.endpoint, signal: ctl.signal },
        modelFetch: plan?.modelFetch,
      },
    );
    return { session, contentKey: plan ? await plan.finish(session.engine) : null };
  } catch (e) {
    if (gpu.isLost || e instanceof DeviceLostError || e instanceof OutOfMemoryError) {
      showRecovery({
        title: gpu.isLost || e instanceof DeviceLostError
          ? "The GPU device was lost while loading"
          : "Out of GPU memory while loading",
        what: (e as Error).message,
        limits: adapterLimits(gpu),
        freed: "Everything the load had allocated was freed.",
        options: reloadOptions(c, c.contextLength ?? null),
        pickAgain: c.local,
      });
      return { message: "", recovered: true };
    }
    if (ctl.signal.aborted) {
      return {
        message: `Loading was cancelled after ${meter.describe(0)}; nothing stayed on the GPU.`,
        recovered: false,
      };
    }
    return { message: `Loading failed: ${(e as Error).message}`, recovered: false };
  } finally {
    clearInterval(ticker);
    cancel.hidden = true;
  }
}

/**
 * On device loss: dispose the session (its buffers went with the device) and
 * replace the page with what happened, the adapter limits, what the model
 * held, and reload buttons.
 */
export function watchDevice(gpu: Gpu, c: Chosen, current: () => Session | null) {
  void gpu.lost.then((reason) => {
    const s = current();
    const usage = held(s);
    let freed = "The model and the SAE were disposed; the lost device released their memory.";
    try {
      s?.sae.dispose();
      s?.engine.dispose();
    } catch (e) {
      freed = `Disposing the model failed (${
        (e as Error).message
      }); reloading the page frees everything.`;
    }
    showRecovery({
      title: "The GPU device was lost",
      what: `WebGPU reported: ${reason.replace(/\.+$/, "")}. ` +
        (gpu.lostKind === "destroyed"
          ? "The device was destroyed on purpose (by the page or a test)."
          : "The driver reset it: often too little memory for the model, a timeout, or another tab."),
      limits: adapterLimits(gpu) + usage,
      freed,
      options: reloadOptions(c, s?.engine.contextLength ?? null),
      pickAgain: c.local,
    });
  });
}
