// The repository stands on its own: nothing reads outside it, and it stays
// small enough to clone quickly.

import assert from "node:assert/strict";

const REPO = new URL("../", import.meta.url).pathname;
const SKIP = new Set([".git", "node_modules", "dist"]);

async function* files(dir: string): AsyncGenerator<string> {
  for await (const e of Deno.readDir(dir)) {
    if (SKIP.has(e.name)) continue;
    const path = `${dir}${e.name}`;
    if (e.isDirectory) yield* files(`${path}/`);
    else if (e.isFile) yield path;
  }
}

Deno.test("no code, config or doc file reads the workspace's shared folder next to the clone", async () => {
  const offenders: string[] = [];
  // Built from pieces so that this file does not name it either.
  const outside = new RegExp(["\\.\\./", "shared\\b"].join(""));
  for await (const path of files(REPO)) {
    if (!/\.(ts|js|json|md|html|css|sh)$|\/\.ci\/run$/.test(path)) continue;
    if (path.startsWith(`${REPO}tests/fixtures/`)) continue; // data, and its own README
    const text = await Deno.readTextFile(path);
    if (outside.test(text)) offenders.push(path.slice(REPO.length));
  }
  assert.deepEqual(offenders, [], `files that reach outside the repository: ${offenders}`);
});

Deno.test("the repository's files stay under 25 MB", async () => {
  let bytes = 0;
  for await (const path of files(REPO)) bytes += (await Deno.stat(path)).size;
  assert.ok(bytes < 25 * 2 ** 20, `${(bytes / 2 ** 20).toFixed(1)} MB`);
});

Deno.test("the browser demo uses the library only through mod.ts", async () => {
  const stray: string[] = [];
  for await (const path of files(`${REPO}demo/web/`)) {
    if (!path.endsWith(".ts")) continue;
    const text = await Deno.readTextFile(path);
    for (const m of text.matchAll(/from\s+"(\.\.\/[^"]+)"/g)) {
      if (m[1] !== "../../mod.ts") stray.push(`${path.slice(REPO.length)}: ${m[1]}`);
    }
  }
  assert.deepEqual(stray, []);
});
