import puppeteer from "puppeteer-core";
import { CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serve } from "../demo/server.ts";
const dir = await Deno.makeTempDir();
await Deno.writeTextFile(`${dir}/index.html`, "<html></html>");
const s = await serve({ roots: { "/": dir } });
const b = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS, protocolTimeout: 600000 });
const p = await b.newPage();
await p.goto(`${s.url}/index.html`);
const r = await p.evaluate(async () => {
  const a = await (navigator as any).gpu.requestAdapter();
  const d: GPUDevice = await a.requestDevice({ requiredLimits: { maxBufferSize: a.limits.maxBufferSize, maxStorageBufferBindingSize: a.limits.maxStorageBufferBindingSize } });
  const out: string[] = [];
  const tryAlloc = async (size: number) => {
    d.pushErrorScope("out-of-memory"); d.pushErrorScope("validation");
    const buf = d.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    const v = await d.popErrorScope(); const o = await d.popErrorScope();
    out.push(`${size}: ${o ? "OOM " + o.message.split("\n")[0] : v ? "invalid " + v.message.split("\n")[0] : "ok"}`);
    return { buf, ok: !o && !v };
  };
  const G = 2 ** 30;
  (await tryAlloc(G)).buf.destroy();
  (await tryAlloc(G - 2 ** 20)).buf.destroy();
  (await tryAlloc(G - 256)).buf.destroy();
  const held: GPUBuffer[] = [];
  for (let i = 0; i < 12; i++) { const r = await tryAlloc(512 * 2 ** 20); if (!r.ok) break; held.push(r.buf); }
  out.push(`held ${held.length} x 512 MiB`);
  return out.join("\n");
});
console.log(r);
await b.close(); await s.close();
