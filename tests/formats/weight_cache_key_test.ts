// The demo weight cache's content key (demo/web/weight_cache.ts): hashed from
// what a load reads, through its fetch or its picked files. The same bytes
// read the same way give the same key; one changed byte, another format or a
// source without validators does not; the manifest keeps what identifies each
// file cheaply on a later visit.

import assert from "node:assert/strict";
import { ContentRecorder, modelBase } from "../../demo/web/weight_cache.ts";
import { fileListSource } from "../../engine/platform/files.ts";
import { httpFolderSource } from "../../engine/platform/http.ts";

const BASE = "http://models.test/m/";

/** A server of `files` answering Range requests, with an ETag per file unless `etag` is false. */
function server(files: Record<string, Uint8Array<ArrayBuffer>>, etag = true): typeof fetch {
  return (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = files[url.slice(BASE.length)];
    if (!body) return Promise.resolve(new Response(null, { status: 404 }));
    const headers: Record<string, string> = etag ? { etag: `"${body.length}-${body[0]}"` } : {};
    const range = /bytes=(\d+)-(\d+)/.exec(new Headers(init?.headers).get("range") ?? "");
    if (!range) {
      return Promise.resolve(new Response(init?.method === "HEAD" ? null : body, { headers }));
    }
    const [a, b] = [Number(range[1]), Math.min(Number(range[2]), body.length - 1)];
    headers["content-range"] = `bytes ${a}-${b}/${body.length}`;
    return Promise.resolve(new Response(body.slice(a, b + 1), { status: 206, headers }));
  };
}

async function keyOf(files: Record<string, Uint8Array<ArrayBuffer>>, format = "q8", etag = true) {
  const r = new ContentRecorder();
  const src = httpFolderSource(BASE, r.fetch(server(files, etag), BASE));
  const reader = await src.open("model.safetensors");
  await reader.read(0, 100_000);
  await reader.read(100_000, 50_000);
  await src.text("config.json");
  return { key: await r.key(format), manifest: r.manifest(), cacheable: r.cacheable };
}

const weights = new Uint8Array(150_000).map((_, i) => i * 7);
const files = { "model.safetensors": weights, "config.json": new TextEncoder().encode("{}") };

Deno.test("weight cache key: the same bytes give the same key; a byte, the format or no validator change it", async () => {
  const a = await keyOf(files), b = await keyOf(files);
  assert.match(a.key, /^[0-9a-f]{64}$/);
  assert.equal(a.key, b.key);
  assert.ok(a.cacheable);
  assert.deepEqual(a.manifest.map((f) => [f.where, f.size, f.validator]), [
    [`${BASE}config.json`, 2, '"2-123"'],
    [`${BASE}model.safetensors`, 150_000, '"150000-0"'],
  ]);
  const changed = weights.slice();
  changed[120_000] ^= 1;
  assert.notEqual((await keyOf({ ...files, "model.safetensors": changed })).key, a.key);
  assert.notEqual((await keyOf(files, "q4")).key, a.key);
  assert.equal((await keyOf(files, "q8", false)).cacheable, false);
});

Deno.test("weight cache key: picked files are hashed as read and identified by name, size and date", async () => {
  const picked = [
    { file: new File([weights], "model.safetensors", { lastModified: 1234 }) },
    { file: new File(["{}"], "config.json", { lastModified: 99 }) },
  ];
  const read = async (p = picked) => {
    const r = new ContentRecorder();
    const src = r.source(fileListSource(p), p);
    await (await src.open("model.safetensors")).read(0, 150_000);
    await src.text("config.json");
    return r;
  };
  const r = await read();
  assert.ok(r.cacheable);
  assert.deepEqual(r.manifest().map((f) => f.validator), ["lastModified 99", "lastModified 1234"]);
  assert.equal(await (await read()).key("f32"), await r.key("f32"));
  const edited = [{ file: new File([weights.map((v) => v ^ 1)], "model.safetensors") }, picked[1]];
  assert.notEqual(await (await read(edited)).key("f32"), await r.key("f32"));
  assert.equal(modelBase("hf:o/n"), null);
});

Deno.test("weight cache key: a single-file model (GGUF, container) is recorded under its folder", () => {
  // Under the file's own URL plus "/", no fetch of the file matched: nothing
  // was hashed and a served container was never cached ("no ETag").
  assert.equal(modelBase("http://h.test/m/model-q4.loupe.safetensors"), "http://h.test/m/");
  assert.equal(modelBase("http://h.test/m/Model.Q4_0.GGUF"), "http://h.test/m/");
  assert.equal(modelBase("http://h.test/m/folder"), "http://h.test/m/folder/");
  assert.equal(modelBase("http://h.test/m/folder//"), "http://h.test/m/folder/");
});
