// Hostile or corrupt .pth files: huge pickles, bad UTF-8, zip fields that
// claim more bytes than they have, flipped bytes caught by CRC-32. Each
// failure is a FormatError naming the file, and leaves nothing on the GPU.

import assert from "node:assert/strict";
import { FormatError } from "../../engine/errors.ts";
import { memoryReader } from "../../engine/platform/bytes.ts";
import { crc32 } from "../../sae/crc32.ts";
import { loadStateDict } from "../../sae/pickle.ts";
import { Sae } from "../../sae/sae.ts";
import { entryDataRange, readZipDirectory } from "../../sae/zip.ts";
import { FIXTURES } from "../util/fixtures.ts";
import { rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import {
  buildZip,
  crc32Reference,
  goodfirePth,
  goodfireTensors,
  randomSae,
  saeLensFiles,
  statePickle,
  writeFolder,
} from "../util/sae_build.ts";

const DIR = `${FIXTURES}saes/stories260K-layer2`;
const gpu = await testGpu();
(await Sae.load(`${DIR}/goodfire-f32.pth`, gpu)).dispose(); // the pooled uniform slab

async function assertRefused(source: string, pattern: RegExp) {
  const before = gpu.liveBuffers;
  const err = await Sae.load(source, gpu).then(() => null, (e) => e);
  assert.ok(err instanceof FormatError, `expected a FormatError, got ${err}`);
  assert.match(err.message, pattern);
  assert.deepEqual(gpu.liveBuffers, before, "a failed load left GPU buffers allocated");
}

function refusedSync(fn: () => unknown, pattern: RegExp) {
  assert.throws(fn, (e) => e instanceof FormatError && pattern.test(e.message));
}

Deno.test("pickle: APPENDS of 200,000 items runs (no stack overflow) and is then refused", () => {
  const items = new Array(200000).fill([0x4b, 0]).flat();
  const pkl = new Uint8Array([0x80, 2, 0x5d, 0x28, ...items, 0x65, 0x2e]);
  refusedSync(() => loadStateDict(pkl, "x"), /^x: the pickle is not a state dict/);
});

Deno.test("pickle: invalid UTF-8 in a string names the file and the offset", () => {
  const pkl = new Uint8Array([0x80, 2, 0x58, 2, 0, 0, 0, 0xff, 0xfe, 0x2e]);
  refusedSync(
    () => loadStateDict(pkl, "x"),
    /^x: the 2-byte string at byte 7 \(opcode 'X' \(0x58\) at byte 2\) is not valid UTF-8/,
  );
  const global = new Uint8Array([0x80, 2, 0x63, 0xc3, 0x28, 0x0a, 0x61, 0x0a, 0x2e]);
  refusedSync(() => loadStateDict(global, "y"), /^y: .* at byte 3 .*not valid UTF-8/);
});

Deno.test("zip: a zip64 extra field shorter than it claims is a FormatError, not a RangeError", async () => {
  const w = randomSae(5, 4, 8);
  const tensors = goodfireTensors(w, 4, 8);
  const dir = await writeFolder({
    // The last entry's field claims 16 bytes and has 8: a read past the directory.
    "short.pth": goodfirePth(tensors, "archive", {
      zip64Extra: { name: "archive/version", claim: 16, have: 8 },
    }),
    // A field that is whole but lacks the values the all-ones sizes call for.
    "lacks.pth": goodfirePth(tensors, "archive", {
      zip64Extra: { name: "archive/version", claim: 4, have: 4 },
    }),
    // Sanity: a correct zip64 field (8 bytes: size, then compressed size) loads.
    "ok.pth": goodfirePth(tensors, "archive", {
      zip64Extra: { name: "archive/version", claim: 16, have: 16 },
    }),
  });
  await assertRefused(
    `${dir}/short.pth`,
    /short\.pth: not a valid zip archive .*entry archive\/version: extra field 0x1 of 16 bytes runs past its end/,
  );
  await assertRefused(`${dir}/lacks.pth`, /entry archive\/version: zip64 field lacks the size/);
  (await Sae.load(`${dir}/ok.pth`, gpu)).dispose();
});

Deno.test("zip: every truncation of a small archive is a FormatError", async () => {
  const good = goodfirePth(goodfireTensors(randomSae(6, 4, 8), 4, 8));
  for (let n = 0; n < good.length; n += 7) {
    const err = await readZipDirectory(memoryReader("t.pth", good.slice(0, n))).then(
      () => null,
      (e) => e,
    );
    // A cut inside the data area leaves the directory intact; all others must fail cleanly.
    if (err !== null) assert.ok(err instanceof FormatError, `cut at ${n}: ${err}`);
  }
});

Deno.test("crc32: slicing-by-8 equals the bytewise reference on odd lengths", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  const random = rng(9);
  for (const n of [0, 1, 7, 8, 9, 63, 1000, 4099]) {
    const d = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    assert.equal(crc32(d), crc32Reference(d), `length ${n}`);
  }
});

/** The fixture with one byte of `entry` (at `index` inside its data) flipped. */
async function flipped(file: string, entry: string, index: number): Promise<Uint8Array> {
  const bytes = await Deno.readFile(`${DIR}/${file}`);
  const reader = memoryReader(file, bytes);
  const zip = await readZipDirectory(reader);
  const range = await entryDataRange(reader, zip, zip.entries.get(entry)!);
  const out = bytes.slice();
  out[range.offset + index] ^= 0x10;
  return out;
}

Deno.test("zip CRC-32: a flipped byte in goodfire.pth's weights or pickle is refused by entry", async () => {
  const dir = await writeFolder({
    "w0.pth": await flipped("goodfire.pth", "goodfire/data/0", 12345),
    "w3.pth": await flipped("goodfire.pth", "goodfire/data/3", 5),
    "pkl.pth": await flipped("goodfire-f32.pth", "goodfire-f32/data.pkl", 40),
  });
  await assertRefused(`${dir}/w0.pth`, /w0\.pth: zip entry goodfire\/data\/0: bad CRC-32/);
  await assertRefused(`${dir}/w3.pth`, /zip entry goodfire\/data\/3: bad CRC-32/);
  await assertRefused(`${dir}/pkl.pth`, /zip entry goodfire-f32\/data\.pkl: bad CRC-32/);
});

Deno.test("zip CRC-32: parts no tensor read are still checked (a storage larger than its view)", async () => {
  const storage = new Float32Array(8).fill(1);
  const raw = new Uint8Array(storage.buffer);
  const pth = (data: Uint8Array) =>
    buildZip([
      {
        name: "a/data.pkl",
        data: statePickle([
          { name: "encoder_linear.weight", storage: "0", numel: 8, shape: [2, 2] },
          { name: "encoder_linear.bias", storage: "0", numel: 8, shape: [2] },
          { name: "decoder_linear.weight", storage: "0", numel: 8, shape: [2, 2] },
          { name: "decoder_linear.bias", storage: "0", numel: 8, shape: [2] },
        ]),
      },
      { name: "a/data/0", data },
    ]);
  const good = pth(raw);
  // Corrupt the last 4 bytes of the storage (element 7, which no tensor views)
  // but keep the directory's CRC of the good data.
  const bad = good.slice();
  bad[findData(good, raw) + 28] ^= 1;
  const dir = await writeFolder({ "good.pth": good, "bad.pth": bad });
  (await Sae.load(`${dir}/good.pth`, gpu)).dispose();
  await assertRefused(`${dir}/bad.pth`, /zip entry a\/data\/0: bad CRC-32/);
});

function findData(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error("not found");
}

Deno.test("SAELens cfg.json: values of the wrong type are named with their type", async () => {
  const w = randomSae(7, 4, 8);
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ d_in: "4" }, /cfg\.json in .*: d_in: expected a positive integer, got string "4"/],
    [{ d_sae: 8.5 }, /d_sae: expected a positive integer, got number 8\.5/],
    [{ architecture: 3 }, /architecture: expected a string, got number 3/],
    [
      { activation_fn_str: ["relu"] },
      /activation_fn_str: expected a string, got a list \["relu"\]/,
    ],
    [{ activation_fn_kwargs: "k=4" }, /activation_fn_kwargs: expected an object, got string/],
    [{ apply_b_dec_to_input: "false" }, /apply_b_dec_to_input must be true or false/],
  ];
  for (const [cfg, pattern] of cases) {
    const dir = await writeFolder(saeLensFiles(w, 4, 8, { architecture: "standard", ...cfg }));
    await assertRefused(dir, pattern);
  }
  const ok = await writeFolder(saeLensFiles(w, 4, 8, { d_in: 4, d_sae: 8 }));
  (await Sae.load(ok, gpu)).dispose();
});
