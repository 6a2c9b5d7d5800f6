import puppeteer from "puppeteer-core";
import { CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serve } from "../demo/server.ts";
const dir = await Deno.makeTempDir();
await Deno.writeTextFile(`${dir}/index.html`, "<html></html>");
const s = await serve({ roots: { "/": dir } });
for (
  const extra of [[], [
    "--enable-features=Vulkan",
    "--use-angle=swiftshader",
    "--use-webgpu-adapter=swiftshader",
  ], [
    "--enable-features=Vulkan,WebGPUService",
    "--use-vulkan=swiftshader",
    "--disable-vulkan-surface",
  ]]
) {
  const b = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_ARGS, ...extra],
  });
  const p = await b.newPage();
  p.on("console", (m) => console.log("console:", m.text()));
  await p.goto(`${s.url}/index.html`);
  const r = await p.evaluate(async () => {
    const g = (navigator as any).gpu;
    if (!g) return "no navigator.gpu";
    const a = await g.requestAdapter();
    if (!a) return "no adapter";
    const l: any = {};
    for (const k in a.limits) l[k] = a.limits[k];
    return JSON.stringify({
      info: {
        v: a.info.vendor,
        a: a.info.architecture,
        d: a.info.description,
        fb: a.info.isFallbackAdapter,
      },
      l,
      mem: (performance as any).memory?.jsHeapSizeLimit,
    });
  });
  console.log(extra.join(" "), "=>", r);
  await b.close();
}
await s.close();
