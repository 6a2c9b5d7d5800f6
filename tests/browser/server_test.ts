// The static server that serves bundles and fixtures to the browser: only files
// under its roots, whatever the request path says, and only on loopback.

import assert from "node:assert/strict";
import { saeServing } from "../../demo/demo.ts";
import { safeSegments, serve, type StaticServer } from "../../demo/server.ts";

/** A temporary tree: root/{index.html, a.txt, sub/b.bin, link-out -> ../secret}, plus secret/. */
async function fixtureTree() {
  const base = await Deno.makeTempDir({ prefix: "loupe-serve-" });
  const root = `${base}/root`, other = `${base}/other`;
  await Deno.mkdir(`${root}/sub`, { recursive: true });
  await Deno.mkdir(`${base}/secret`);
  await Deno.mkdir(other);
  await Deno.writeTextFile(`${root}/index.html`, "<p>index</p>");
  await Deno.writeTextFile(`${root}/a.txt`, "hello");
  await Deno.writeTextFile(`${root}/.hidden`, "dot");
  await Deno.writeFile(`${root}/sub/b.bin`, Uint8Array.from({ length: 3000 }, (_, i) => i % 251));
  await Deno.writeTextFile(`${base}/secret/passwd`, "SECRET");
  await Deno.writeTextFile(`${other}/c.json`, "{}");
  await Deno.symlink(`${base}/secret`, `${root}/link-out`);
  await Deno.symlink(`${base}/secret/passwd`, `${root}/file-out`);
  await Deno.symlink(`${root}/a.txt`, `${root}/link-in.txt`);
  // Symlinks inside the root that resolve to a dot-file or into a dot-folder.
  await Deno.mkdir(`${root}/.git`);
  await Deno.writeTextFile(`${root}/.git/config`, "DOTGIT");
  await Deno.symlink(`${root}/.hidden`, `${root}/to-hidden.txt`);
  await Deno.symlink(`${root}/.git`, `${root}/to-git`);
  return { base, root, other };
}

async function withServer(fn: (s: StaticServer, root: string) => Promise<void>) {
  const { base, root, other } = await fixtureTree();
  const s = await serve({ roots: { "/": root, "/other/": other } });
  try {
    await fn(s, root);
  } finally {
    await s.close();
    await Deno.remove(base, { recursive: true });
  }
}

/** Sends a request line exactly as written (fetch would normalise `..` away) and returns status and body. */
async function raw(s: StaticServer, path: string): Promise<{ status: number; body: string }> {
  const conn = await Deno.connect({ hostname: s.hostname, port: s.port });
  try {
    const req = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;
    await conn.write(new TextEncoder().encode(req));
    const chunks: Uint8Array[] = [];
    const buf = new Uint8Array(65536);
    for (let n; (n = await conn.read(buf)) !== null;) chunks.push(buf.slice(0, n));
    const text = new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c])));
    const status = Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? NaN);
    return { status, body: text.slice(text.indexOf("\r\n\r\n") + 4) };
  } finally {
    conn.close();
  }
}

Deno.test("serve: files under each root, index.html for folders, longest prefix wins", async () => {
  await withServer(async (s) => {
    let res = await fetch(`${s.url}/a.txt`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), "hello");
    res = await fetch(`${s.url}/`);
    assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(await res.text(), "<p>index</p>");
    res = await fetch(`${s.url}/other/c.json`);
    assert.equal(res.headers.get("content-type"), "application/json");
    assert.equal(await res.text(), "{}");
    // /other/ is its own root: root/other does not exist, and a.txt is not in other/.
    res = await fetch(`${s.url}/other/a.txt`);
    assert.equal(res.status, 404);
    await res.body?.cancel();
    res = await fetch(`${s.url}/link-in.txt`);
    assert.equal(await res.text(), "hello", "a symlink staying inside the root is served");
  });
});

Deno.test("serve: Range requests, HEAD and an unsatisfiable range", async () => {
  await withServer(async (s) => {
    const url = `${s.url}/sub/b.bin`;
    let res = await fetch(url, { headers: { Range: "bytes=1000-1009" } });
    assert.equal(res.status, 206);
    assert.equal(res.headers.get("content-range"), "bytes 1000-1009/3000");
    assert.deepEqual(
      [...new Uint8Array(await res.arrayBuffer())],
      Array.from({ length: 10 }, (_, i) => (1000 + i) % 251),
    );
    res = await fetch(url, { headers: { Range: "bytes=-5" } });
    assert.equal(res.headers.get("content-range"), "bytes 2995-2999/3000");
    assert.equal((await res.arrayBuffer()).byteLength, 5);
    res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal((await res.arrayBuffer()).byteLength, 3000);
    res = await fetch(url, { method: "HEAD" });
    assert.equal(res.headers.get("content-length"), "3000");
    assert.equal(res.headers.get("accept-ranges"), "bytes");
    res = await fetch(url, { headers: { Range: "bytes=3000-" } });
    assert.equal(res.status, 416);
    await res.body?.cancel();
    res = await fetch(url, { method: "POST", body: "x" });
    assert.equal(res.status, 405);
    await res.body?.cancel();
  });
});

Deno.test("serve: no path reaches outside the roots: .., %2e%2e, encoded slashes, symlinks", async () => {
  await withServer(async (s) => {
    const attacks = [
      "/../secret/passwd",
      "/sub/../../secret/passwd",
      "/%2e%2e/secret/passwd",
      "/%2E%2E/secret/passwd",
      "/sub/%2e%2e/%2e%2e/secret/passwd",
      "/..%2fsecret%2fpasswd",
      "/sub%2f..%2f..%2fsecret/passwd",
      "/other/../../secret/passwd",
      "/other/%2e%2e/%2e%2e/secret/passwd",
      "/..\\secret\\passwd",
      "/%5c..%5csecret%5cpasswd",
      "/.%2e/secret/passwd",
      "/a.txt%00.html",
      "/./a.txt",
      "//etc/passwd",
      "/%",
      "/.hidden",
    ];
    for (const path of attacks) {
      const r = await raw(s, path);
      // Refused as a bad path before any file-system lookup (Deno hands us the raw path).
      assert.equal(r.status, 400, `${path}: status ${r.status}`);
      assert.ok(!r.body.includes("SECRET"), `${path} leaked the secret`);
    }
    for (const path of ["/to-hidden.txt", "/to-git/config"]) {
      const r = await raw(s, path);
      assert.equal(r.status, 403, `${path}: a symlink to a dot-file must be refused`);
      assert.ok(!/dot|DOTGIT/.test(r.body), `${path} leaked a dot-file`);
    }
    for (const path of ["/link-out/passwd", "/file-out"]) {
      const r = await raw(s, path);
      assert.equal(r.status, 403, `${path}: a symlink out of the root must be refused`);
      assert.ok(!r.body.includes("SECRET"));
    }
    // The same server still answers a plain request (the attacks did not break it).
    assert.equal((await raw(s, "/a.txt")).body, "hello");
  });
});

Deno.test("serve: safeSegments decodes once and refuses dot, empty and separator segments", () => {
  assert.deepEqual(safeSegments("/a/b%20c/d.json"), ["a", "b c", "d.json"]);
  assert.deepEqual(safeSegments("/a/"), ["a"]);
  assert.deepEqual(safeSegments("/"), []);
  // Double encoding decodes to a literal "%2e%2e" name, which is harmless.
  assert.deepEqual(safeSegments("/%252e%252e/x"), ["%2e%2e", "x"]);
  for (
    const bad of [
      "/..",
      "/a/../b",
      "/%2e%2e",
      "/a%2fb",
      "/a%5cb",
      "/a//b",
      "/.git/config",
      "/%e0",
      "a",
    ]
  ) {
    assert.equal(safeSegments(bad), null, bad);
  }
});

Deno.test("serve: binds 127.0.0.1 by default, unreachable on other interfaces", async () => {
  await withServer(async (s) => {
    assert.equal(s.hostname, "127.0.0.1");
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const external = Deno.networkInterfaces().filter((i) =>
      i.family === "IPv4" && !i.address.startsWith("127.")
    );
    for (const { address } of external) {
      await assert.rejects(
        Deno.connect({ hostname: address, port: s.port }).then((c) => c.close()),
        `the server answered on ${address}`,
      );
    }
  });
  // The probe can tell: bound to every interface, the same address answers.
  const { address } =
    Deno.networkInterfaces().find((i) => i.family === "IPv4" && !i.address.startsWith("127.")) ??
      {};
  if (address) {
    const empty = await Deno.makeTempDir({ prefix: "loupe-serve-empty-" });
    const open = await serve({ roots: { "/": empty }, hostname: "0.0.0.0" });
    try {
      (await Deno.connect({ hostname: address, port: open.port })).close();
    } finally {
      await open.close();
      await Deno.remove(empty);
    }
  }
});

Deno.test("serve: refuses a root that is missing or a bad prefix", async () => {
  await assert.rejects(serve({ roots: { "/": "/nonexistent/loupe" } }), /root \/ -> \/nonexistent/);
  await assert.rejects(serve({ roots: { "/x": "." } }), /must be like "\/" or "\/name\/"/);
  await assert.rejects(serve({ roots: { "/../": "." } }), /must be like/);
});

Deno.test("serve: a single file is served without the folder around it (--sae FILE.pth)", async () => {
  const { base, root } = await fixtureTree();
  await Deno.writeTextFile(`${root}/sae.pth`, "PTH");
  await Deno.writeTextFile(`${root}/cfg.json`, "{}");
  await Deno.writeTextFile(`${root}/sae_weights.safetensors`, "ST");
  const pth = saeServing({ dir: root, entry: "sae.pth" });
  assert.deepEqual(pth, { roots: {}, files: { "/sae/sae.pth": `${root}/sae.pth` } });
  // SAELens weights given as a file need their cfg.json, and nothing else.
  assert.deepEqual(Object.keys(saeServing({ dir: root, entry: "sae_weights.safetensors" }).files), [
    "/sae/sae_weights.safetensors",
    "/sae/cfg.json",
  ]);
  const s = await serve({ roots: {}, files: pth.files });
  try {
    assert.equal((await raw(s, "/sae/sae.pth")).body, "PTH");
    for (const path of ["/sae/a.txt", "/sae/", "/sae/cfg.json", "/a.txt"]) {
      assert.equal((await raw(s, path)).status, 404, path);
    }
  } finally {
    await s.close();
    await Deno.remove(base, { recursive: true });
  }
});

Deno.test("serve: a client that trickles its request head is cut off after the deadline", async () => {
  const { base, root } = await fixtureTree();
  const s = await serve({ roots: { "/": root }, headerTimeoutMs: 300 });
  try {
    const conns = await Promise.all(
      Array.from({ length: 20 }, () => Deno.connect({ hostname: s.hostname, port: s.port })),
    );
    const t0 = performance.now();
    const results = await Promise.all(conns.map(async (conn) => {
      // One header byte every 50 ms: never a complete head.
      const trickle = setInterval(() => conn.write(new Uint8Array([0x47])).catch(() => {}), 50);
      const buf = new Uint8Array(1024);
      const chunks: string[] = [];
      try {
        for (let n; (n = await conn.read(buf)) !== null;) {
          chunks.push(new TextDecoder().decode(buf.subarray(0, n)));
        }
      } catch {
        // Reset: closed just as well.
      } finally {
        clearInterval(trickle);
        conn.close();
      }
      return chunks.join("");
    }));
    const ms = performance.now() - t0;
    assert.ok(ms < 3000, `trickling connections stayed open ${ms.toFixed(0)} ms`);
    for (const r of results) assert.match(r, /^(HTTP\/1\.1 408 |$)/);
    // Normal requests are unaffected.
    assert.equal((await raw(s, "/a.txt")).body, "hello");
  } finally {
    await s.close();
    await Deno.remove(base, { recursive: true });
  }
});
