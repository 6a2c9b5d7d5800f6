// Every generated kernel (bench/kernels.ts's catalog) against its snapshot in
// tests/kernels/snapshots/KEY.wgsl: any change to generated WGSL, its entry
// point or its constants fails here, so a refactor of the templates shows as a
// diff to review. After a deliberate change: deno task kernels --update-snapshots.

import assert from "node:assert/strict";
import { kernelCatalog, kernelText, SNAPSHOTS } from "../../bench/kernels.ts";

const UPDATE = "deno task kernels --update-snapshots";
const catalog = kernelCatalog();

Deno.test("kernel snapshots: every catalogued kernel's WGSL is unchanged", () => {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [key, k] of catalog) {
    let want: string;
    try {
      want = Deno.readTextFileSync(new URL(`${key}.wgsl`, SNAPSHOTS));
    } catch {
      missing.push(key);
      continue;
    }
    const got = kernelText(k);
    if (got !== want) {
      const a = want.split("\n"), b = got.split("\n");
      const line = a.findIndex((s, i) => s !== b[i]);
      changed.push(
        `${key} (line ${line + 1}: ${JSON.stringify(a[line])} -> ${JSON.stringify(b[line])})`,
      );
    }
  }
  assert.deepEqual(
    missing,
    [],
    `kernels without a snapshot (run ${UPDATE}): ${missing.join(", ")}`,
  );
  assert.deepEqual(changed, [], `generated WGSL changed; review, then run ${UPDATE}`);
});

Deno.test("kernel snapshots: no snapshot is left for a kernel that is gone", () => {
  const stale = [...Deno.readDirSync(SNAPSHOTS)]
    .map((e) => e.name.replace(/\.wgsl$/, ""))
    .filter((key) => !catalog.has(key));
  assert.deepEqual(stale, [], `stale snapshots (run ${UPDATE})`);
});

Deno.test("kernel snapshots: no placeholder or hand-written Params struct survives", () => {
  for (const [key, k] of catalog) {
    assert.ok(!/\{\{\s*\w+\s*\}\}/.test(k.source), `${key}: leftover placeholder`);
    const structs = k.source.match(/struct\s+Params\b/g) ?? [];
    assert.equal(structs.length, k.params ? 1 : 0, `${key}: one generated struct Params`);
  }
});
