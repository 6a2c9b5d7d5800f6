import { serve } from "../demo/server.ts";
const s = await serve({
  roots: { "/model/": `${Deno.env.get("HOME")}/.cache/loupe/synthetic/llama-3.1-8b-instruct` },
  port: 38999,
});
console.log(s.url);
await new Promise((ok) => setTimeout(ok, 60000));
await s.close();
