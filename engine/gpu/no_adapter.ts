// The one message every entry point (CLI, tests, bench, library) shows when
// there is no WebGPU adapter: what is missing and how to get it, per platform.

/** Debian/Ubuntu packages that give Deno's WebGPU an adapter without a GPU. */
export const MESA_PACKAGES = "libegl1 libegl-mesa0 libgl1-mesa-dri";

/** One paragraph naming the missing driver and the fix for where we run. */
export function noAdapterMessage(what: string): string {
  const deno = (globalThis as { Deno?: { build: { os: string } } }).Deno;
  if (!deno) {
    return `No WebGPU adapter (${what}). This browser has WebGPU off or no usable GPU: use a ` +
      "recent Chrome or Edge, serve the page from https or http://127.0.0.1 (a secure context), " +
      "and on Linux start Chromium with --enable-unsafe-webgpu (without a GPU it runs on " +
      "SwiftShader).";
  }
  if (deno.build.os === "linux") {
    return `No WebGPU adapter (${what}). Deno's WebGPU on Linux needs a GPU driver or, without a ` +
      "GPU, Mesa's software renderer llvmpipe, reached through EGL. On Debian/Ubuntu install it " +
      `with: sudo apt-get install ${MESA_PACKAGES} (then check that EGL is not hidden, e.g. by ` +
      "__EGL_VENDOR_LIBRARY_FILENAMES or a GPU driver that fails to start).";
  }
  return `No WebGPU adapter (${what}). Deno found no usable GPU: on ${deno.build.os} WebGPU uses ` +
    "the system's GPU driver (Metal on macOS, D3D12 or Vulkan on Windows); update the driver, " +
    "or run on a machine with a GPU.";
}
