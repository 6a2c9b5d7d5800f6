import puppeteer from "puppeteer-core";
const [port, path] = Deno.readTextFileSync(Deno.args[0]).trim().split("\n");
const b = await puppeteer.connect({
  browserWSEndpoint: `ws://127.0.0.1:${port}${path}`,
  protocolTimeout: 600000,
});
const pages = await b.pages();
const page = pages.find((p) => p.url().includes("127.0.0.1"))!;
console.log(page.url());
const cdp = await page.createCDPSession();
await cdp.send("Profiler.enable");
await cdp.send("Profiler.start");
await new Promise((ok) => setTimeout(ok, Number(Deno.args[1] ?? 20000)));
const { profile } = await cdp.send("Profiler.stop");
const self = new Map<string, number>();
const dt = profile.timeDeltas!;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
profile.samples!.forEach((s, i) => counts.set(s, (counts.get(s) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) {
  const n = byId.get(id)!;
  const k = `${n.callFrame.functionName || "(anon)"} ${
    n.callFrame.url.split("/").pop()
  }:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + us);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(
    (v / 1000).toFixed(0).padStart(7),
    "ms",
    (100 * v / total).toFixed(1).padStart(5),
    "%",
    k,
  );
}
await cdp.detach();
b.disconnect();
