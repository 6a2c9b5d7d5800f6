import assert from "node:assert/strict";
import { openSource, parseHubSpec } from "../../engine/formats/source.ts";
import { openSafetensors } from "../../engine/formats/safetensors.ts";
import { FIXTURE_MODELS, startHubServer } from "../util/hub_server.ts";

const STORIES = `${FIXTURE_MODELS}/stories260K`;
const local = (model: string, file: string) => Deno.readFile(`${FIXTURE_MODELS}/${model}/${file}`);

async function withServer(
  fn: (server: Awaited<ReturnType<typeof startHubServer>>, cacheDir: string) => Promise<void>,
  ranges = true,
) {
  const server = await startHubServer({ ranges });
  const cacheDir = await Deno.makeTempDir({ prefix: "loupe-cache-" });
  try {
    await fn(server, cacheDir);
  } finally {
    await server.close();
    await Deno.remove(cacheDir, { recursive: true });
  }
}

Deno.test("source: a local folder by relative path, absolute path and file:// URL", async () => {
  const relative = STORIES.replace(Deno.cwd() + "/", "");
  const want = await local("stories260K", "model.safetensors");
  for (const src of [relative, STORIES, `file://${STORIES}`]) {
    const files = await openSource(src);
    assert.ok(await files.has("config.json"));
    assert.equal(await files.has("nope.json"), false);
    assert.match(await files.text("config.json"), /LlamaForCausalLM/);
    const reader = await files.open("model.safetensors");
    assert.equal(reader.size, want.length);
    assert.deepEqual(await reader.read(1000, 77), want.slice(1000, 1077));
    await assert.rejects(reader.read(want.length - 4, 8), /model\.safetensors: read of 8 bytes/);
    reader.close();
    await assert.rejects(files.open("nope.bin"), /nope\.bin: cannot open .*nope\.bin/);
  }
  await assert.rejects(openSource(`${STORIES}/missing-folder`), /cannot open folder/);
  await assert.rejects(openSource(`${STORIES}/config.json`), /is not a folder/);
});

Deno.test("source: file names that climb out of the folder are refused", async () => {
  const files = await openSource(STORIES);
  for (const name of ["../llama3-tiny/config.json", "/etc/passwd", "a/./b", "a\\b", ""]) {
    await assert.rejects(files.open(name), /invalid file name/);
  }
});

Deno.test("source: http folder uses Range requests when the server supports them", async () => {
  await withServer(async (server) => {
    const files = await openSource(`${server.url}/plain/stories260K/`);
    const want = await local("stories260K", "model.safetensors");
    const reader = await files.open("model.safetensors");
    assert.equal(reader.size, want.length);
    assert.deepEqual(await reader.read(500_000, 1000), want.slice(500_000, 501_000));
    assert.deepEqual(await reader.read(10, 20), want.slice(10, 30));
    reader.close();
    const gets = server.requests.filter((r) => r.method === "GET");
    assert.ok(gets.every((r) => r.status === 206), JSON.stringify(gets));
    assert.equal(await files.has("tokenizer.json"), true);
    assert.equal(await files.has("nope.json"), false);
    assert.ok(server.requests.some((r) => r.method === "HEAD"));
  });
});

Deno.test("source: http folder downloads whole files from a server without Range", async () => {
  await withServer(async (server) => {
    const files = await openSource(`${server.url}/plain/stories260K`);
    const want = await local("stories260K", "model.safetensors");
    const reader = await files.open("model.safetensors");
    assert.deepEqual(await reader.read(0, want.length), want);
    assert.deepEqual(await reader.read(123, 4), want.slice(123, 127));
    assert.equal(server.downloads("model.safetensors"), 1);
    await assert.rejects(
      files.text("nope.json"),
      (e: Error) => e.message.includes("nope.json") && e.message.includes(server.url),
    );
  }, false);
});

Deno.test("source: hf: downloads each file once into the cache and serves it locally", async () => {
  await withServer(async (server, cacheDir) => {
    const opts = { endpoint: server.url, cacheDir, silent: true };
    const spec = `hf:${server.owner}/stories260K`;
    const files = await openSource(spec, opts);
    assert.equal(files.describe, `hf:${server.owner}/stories260K@main`);
    for (const file of ["config.json", "model.safetensors", "tokenizer.json"]) {
      const want = await local("stories260K", file);
      const reader = await files.open(file);
      assert.deepEqual(await reader.read(0, reader.size), want, file);
      reader.close();
      const cached = await Deno.readFile(`${cacheDir}/${server.owner}--stories260K/main/${file}`);
      assert.deepEqual(cached, want);
    }
    assert.ok(
      server.requests.some((r) =>
        r.path === `/${server.owner}/stories260K/resolve/main/config.json`
      ),
    );
    const before = server.requests.length;
    const again = await openSource(spec, opts);
    assert.equal(await again.has("model.safetensors"), true);
    const reader = await again.open("model.safetensors");
    assert.equal(reader.size, (await local("stories260K", "model.safetensors")).length);
    reader.close();
    assert.match(await again.text("config.json"), /LlamaForCausalLM/);
    assert.equal(server.requests.length, before, "cached files must not be requested again");
    assert.equal(server.downloads("model.safetensors"), 1);
    // No partial files are left behind.
    const names = [...Deno.readDirSync(`${cacheDir}/${server.owner}--stories260K/main`)];
    assert.ok(names.every((e) => !e.name.includes(".part-")), JSON.stringify(names));
  });
});

Deno.test("source: hf: concurrent opens of one file share one download", async () => {
  await withServer(async (server, cacheDir) => {
    const files = await openSource(`hf:${server.owner}/stories260K`, {
      endpoint: server.url,
      cacheDir,
      silent: true,
    });
    const readers = await Promise.all([1, 2, 3].map(() => files.open("model.safetensors")));
    readers.forEach((r) => r.close());
    assert.equal(server.downloads("model.safetensors"), 1);
  });
});

Deno.test("source: hf: a missing file is an error naming the file and URL", async () => {
  await withServer(async (server, cacheDir) => {
    const files = await openSource(`hf:${server.owner}/stories260K`, {
      endpoint: server.url,
      cacheDir,
      silent: true,
    });
    const url = `${server.url}/${server.owner}/stories260K/resolve/main/nope.bin`;
    await assert.rejects(files.open("nope.bin"), (e: Error) => {
      assert.equal(e.message, `nope.bin: not found (HTTP 404) at ${url}`);
      return true;
    });
    assert.equal(await files.has("nope.bin"), false);
    const other = await openSource(`hf:someone-else/stories260K`, {
      endpoint: server.url,
      cacheDir,
    });
    await assert.rejects(other.text("config.json"), /config\.json: not found \(HTTP 404\)/);
  });
});

Deno.test("source: hf: revision, env HF_ENDPOINT / LOUPE_CACHE and progress reports", async () => {
  await withServer(async (server, cacheDir) => {
    const saved = [Deno.env.get("HF_ENDPOINT"), Deno.env.get("LOUPE_CACHE")];
    Deno.env.set("HF_ENDPOINT", server.url);
    Deno.env.set("LOUPE_CACHE", cacheDir);
    try {
      const events: { file: string; loaded: number; total: number | null; done: boolean }[] = [];
      const files = await openSource(`hf:${server.owner}/stories260K@v1.0`, {
        onDownload: (p) => events.push(p),
      });
      const text = await files.text("config.json");
      assert.equal(
        text,
        await Deno.readTextFile(`${cacheDir}/${server.owner}--stories260K/v1.0/config.json`),
      );
      assert.ok(server.requests.some((r) => r.path.includes("/resolve/v1.0/config.json")));
      const last = events.at(-1)!;
      assert.equal(last.done, true);
      assert.equal(last.loaded, new TextEncoder().encode(text).length);
      assert.equal(last.total, last.loaded);
    } finally {
      for (const [i, name] of ["HF_ENDPOINT", "LOUPE_CACHE"].entries()) {
        if (saved[i] === undefined) Deno.env.delete(name);
        else Deno.env.set(name, saved[i]!);
      }
    }
  });
});

Deno.test("source: hf: a download cut short caches nothing", async () => {
  const cacheDir = await Deno.makeTempDir({ prefix: "loupe-cache-" });
  try {
    const short: typeof fetch = () =>
      Promise.resolve(new Response(new Uint8Array(10), { headers: { "content-length": "20" } }));
    const files = await openSource("hf:a/b", {
      endpoint: "http://x",
      cacheDir,
      silent: true,
      fetch: short,
    });
    await assert.rejects(
      files.open("w.bin"),
      /w\.bin: download from http:\/\/x\/a\/b\/resolve\/main\/w\.bin ended after 10 of 20 bytes/,
    );
    assert.deepEqual([...Deno.readDirSync(`${cacheDir}/a--b/main`)], []);
  } finally {
    await Deno.remove(cacheDir, { recursive: true });
  }
});

Deno.test("source: hub specs are validated", () => {
  assert.deepEqual(parseHubSpec("hf:o/n"), { owner: "o", name: "n", revision: "main" });
  assert.deepEqual(parseHubSpec("hf:o-1/n.2@refs/pr/3"), {
    owner: "o-1",
    name: "n.2",
    revision: "refs/pr/3",
  });
  for (
    const bad of ["hf:", "hf:o", "hf:o/n/x", "hf:../n", "hf:o/n@", "hf:o/n@a/../b", "hf:o/n@a b"]
  ) {
    assert.throws(() => parseHubSpec(bad), /invalid hub source/, bad);
  }
});

Deno.test("source: the hub server refuses paths outside its roots", async () => {
  await withServer(async (server) => {
    for (
      const path of [
        "/plain/..%2F..%2Fetc/passwd",
        "/plain/stories260K/..%2F..%2Fx",
        "/plain/%2e%2e/x",
      ]
    ) {
      const res = await fetch(`${server.url}${path}`);
      await res.body?.cancel();
      // 400 for a bad segment; 404 where URL parsing already folded "%2e%2e" away.
      assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
    }
    const res = await fetch(`${server.url}/other-owner/stories260K/resolve/main/config.json`);
    await res.body?.cancel();
    assert.equal(res.status, 404);
  });
});

Deno.test("source: a sharded checkpoint reads the same over hf: and over http Range", async () => {
  await withServer(async (server, cacheDir) => {
    const viaHub = await openSafetensors(
      await openSource(`hf:${server.owner}/llama3-tiny`, {
        endpoint: server.url,
        cacheDir,
        silent: true,
      }),
    );
    const viaHttp = await openSafetensors(await openSource(`${server.url}/plain/llama3-tiny`));
    try {
      assert.deepEqual([...viaHub.tensors.keys()], [...viaHttp.tensors.keys()]);
      for (const name of ["model.embed_tokens.weight", "lm_head.weight", "model.norm.weight"]) {
        assert.deepEqual(await viaHub.readF32(name), await viaHttp.readF32(name), name);
      }
    } finally {
      viaHub.close();
      viaHttp.close();
    }
  });
});
