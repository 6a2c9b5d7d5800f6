// The page's caches (the map's layout, the corpus) name the SAE by its content
// (Session.saeFingerprint: SHA-256 of its projected decoder rows), not by its
// file name: the same SAE loaded twice gets the same key, another SAE with the
// same name and shape another key. decoderDirections hands out copies, so the
// map transferring one to its worker leaves the next caller's intact.

import assert from "node:assert/strict";
import { Session } from "../../demo/web/session.ts";
import { openSource } from "../../engine/formats/source.ts";
import { modelPath } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";
import { randomSae, saeLensFiles, writeFolder } from "../util/sae_build.ts";

const D_IN = 64, D_SAE = 256; // stories260K's width; a small SAE on layer 1

async function withSessions(seeds: number[], fn: (s: Session[]) => Promise<void>) {
  const gpu = await testGpu();
  const dirs: string[] = [], sessions: Session[] = [];
  try {
    for (const seed of seeds) {
      // Every folder holds the same file names: only the weights differ.
      const dir = await writeFolder(
        saeLensFiles(randomSae(seed, D_IN, D_SAE), D_IN, D_SAE, {
          hook_name: "blocks.1.hook_resid_post",
        }),
      );
      dirs.push(dir);
      const cfg = {
        model: await openSource(modelPath("stories260K")),
        sae: await openSource(dir),
        layer: "model.layers.1",
      };
      sessions.push(await Session.load(cfg, gpu, () => {}));
    }
    await fn(sessions);
  } finally {
    for (const s of sessions) s.dispose();
    for (const d of dirs) await Deno.remove(d, { recursive: true });
  }
}

Deno.test("Session.saeFingerprint: the same SAE gives the same key, another SAE of the same name another", async () => {
  await withSessions([1, 1, 2], async ([a, again, other]) => {
    const [ka, kAgain, kOther] = await Promise.all(
      [a, again, other].map((s) => s.saeFingerprint()),
    );
    assert.match(ka, /^[0-9a-f]{64}$/);
    assert.equal(kAgain, ka, "the same weights loaded again");
    assert.notEqual(kOther, ka, "other weights under the same file names");
    assert.equal(await a.saeFingerprint(), ka, "computed once, the same on every call");
  });
});

Deno.test("Session.decoderDirections: every call gets its own copy", async () => {
  await withSessions([3], async ([s]) => {
    const first = await s.decoderDirections();
    assert.equal(first.rows.length, D_SAE * first.width);
    const want = first.rows.slice();
    const buffer = first.rows.buffer as ArrayBuffer;
    structuredClone(buffer, { transfer: [buffer] }); // as postMessage does
    assert.equal(first.rows.length, 0, "the first copy was transferred");
    const second = await s.decoderDirections();
    assert.deepEqual(second.rows, want);
  });
});
