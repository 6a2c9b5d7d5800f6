import puppeteer from "puppeteer-core";
import { CHROMIUM_ARGS } from "../tests/browser/harness.ts";
import { serve } from "../demo/server.ts";
import { chromiumTree } from "./chromium_procs.ts";
function cpu(root: number) {
  const m = new Map<string, number>();
  for (const p of chromiumTree(root)) {
    for (const t of Deno.readDirSync(`/proc/${p.pid}/task`)) {
      try {
        const st = Deno.readTextFileSync(`/proc/${p.pid}/task/${t.name}/stat`);
        const name = st.slice(st.indexOf("(") + 1, st.lastIndexOf(")"));
        const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
        m.set(`${p.type}/${t.name} ${name}`, Number(f[11]) + Number(f[12]));
      } catch { /* gone */ }
    }
  }
  return m;
}
const dir = await Deno.makeTempDir();
await Deno.writeTextFile(`${dir}/index.html`, "<html></html>");
const s = await serve({
  roots: {
    "/": dir,
    "/model/": `${Deno.env.get("HOME")}/.cache/loupe/synthetic/llama-3.1-8b-instruct`,
  },
});
const b = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: CHROMIUM_ARGS,
  protocolTimeout: 600000,
  networkEnabled: Deno.args[1] !== "net",
});
const p = await b.newPage();
await p.goto(`${s.url}/index.html`);
const c0 = cpu(b.process()!.pid!);
const r = await p.evaluate(async (mode: string) => {
  const url = "/model/model-00004-of-00004.safetensors";
  const slab = 8 << 20, total = 128 << 20;
  const t0 = performance.now();
  let n = 0;
  for (let o = 0; o < total; o += slab) {
    const res = await fetch(url, {
      headers: { Range: `bytes=${o}-${o + slab - 1}` },
      cache: mode.includes("nostore") ? "no-store" : "default",
    });
    if (mode.includes("reader")) {
      const buf = new Uint8Array(slab);
      let at = 0;
      const rd = res.body!.getReader();
      for (;;) {
        const { done, value } = await rd.read();
        if (done) break;
        buf.set(value, at);
        at += value.length;
      }
      n += at;
    } else if (mode.includes("blob")) {
      n += (await (await res.blob()).arrayBuffer()).byteLength;
    } else n += (await res.arrayBuffer()).byteLength;
  }
  return `${mode}: ${(n / 1e6 / ((performance.now() - t0) / 1000)).toFixed(1)} MB/s`;
}, Deno.args[0] ?? "plain");
console.log(r);
const c1 = cpu(b.process()!.pid!);
const d = [...c1].map(([k, v]) => [k, v - (c0.get(k) ?? 0)] as const).filter(([, v]) => v > 10)
  .sort((a, b) => b[1] - a[1]);
for (const [k, v] of d.slice(0, 12)) console.log(k, (v / 100).toFixed(1), "s CPU");
await b.close();
await s.close();
