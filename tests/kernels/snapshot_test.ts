// Every generated kernel (bench/kernels.ts's catalog) against its snapshot in
// tests/kernels/snapshots/: KEY.wgsl holds the kernel in full, or, for the
// few over SNAPSHOT_TEXT_LIMIT (unrolled matmul tiles), KEY.digest holds its
// SHA-256 (print those with deno task kernels --dump KEY). Any change to
// generated WGSL, its entry point or its constants fails here, so a refactor
// of the templates shows as a diff to review. After a deliberate change:
// deno task kernels --update-snapshots.

import assert from "node:assert/strict";
import { kernelCatalog, snapshotKey, snapshotOf, SNAPSHOTS } from "../../bench/kernels.ts";

const UPDATE = "deno task kernels --update-snapshots";
const catalog = kernelCatalog();

Deno.test("kernel snapshots: every catalogued kernel's WGSL is unchanged", async () => {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [key, k] of catalog) {
    const snap = await snapshotOf(key, k);
    let want: string;
    try {
      want = Deno.readTextFileSync(new URL(snap.name, SNAPSHOTS));
    } catch {
      missing.push(snap.name);
      continue;
    }
    if (snap.text !== want) {
      const a = want.split("\n"), b = snap.text.split("\n");
      const line = a.findIndex((s, i) => s !== b[i]);
      changed.push(
        `${snap.name} (line ${line + 1}: ${JSON.stringify(a[line])} -> ${JSON.stringify(b[line])})`,
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

Deno.test("kernel snapshots: no snapshot is left for a kernel that is gone", async () => {
  const expected = new Set<string>();
  for (const [key, k] of catalog) expected.add((await snapshotOf(key, k)).name);
  const stale = [...Deno.readDirSync(SNAPSHOTS)]
    .map((e) => e.name)
    .filter((name) => snapshotKey(name) === null || !expected.has(name));
  assert.deepEqual(stale, [], `stale snapshots (run ${UPDATE})`);
});

Deno.test("kernel snapshots: no placeholder or hand-written Params struct survives", () => {
  for (const [key, k] of catalog) {
    assert.ok(!/\{\{\s*\w+\s*\}\}/.test(k.source), `${key}: leftover placeholder`);
    const structs = k.source.match(/struct\s+Params\b/g) ?? [];
    assert.equal(structs.length, k.params ? 1 : 0, `${key}: one generated struct Params`);
  }
});
