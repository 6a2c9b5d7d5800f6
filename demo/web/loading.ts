// The loading screen: the WebGPU adapter (or a page that says why there is
// none and what to do), the adapter line, load progress, and the box that
// replaces the page when loading fails.

/// <reference lib="dom" />

import type { Gpu } from "../../mod.ts";
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
