// Untrusted safetensors files: every malformed layout is an error naming the
// file (and tensor); the writer round-trips; f16/bf16 convert exactly.

import assert from "node:assert/strict";
import { openSafetensors, writeSafetensors } from "../../engine/formats/safetensors.ts";
import { f16BitsToNumber, toFloat32 } from "../../engine/formats/dtype.ts";
import { memorySource } from "../../engine/platform/bytes.ts";
import { openSource } from "../../engine/formats/source.ts";

/** A file from a header object (or raw header text) and a data section. */
function raw(header: unknown, data: Uint8Array | number = 0, declaredLength?: number): Uint8Array {
  const json = header instanceof Uint8Array
    ? header
    : new TextEncoder().encode(typeof header === "string" ? header : JSON.stringify(header));
  const body = typeof data === "number" ? new Uint8Array(data) : data;
  const out = new Uint8Array(8 + json.length + body.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(declaredLength ?? json.length), true);
  out.set(json, 8);
  out.set(body, 8 + json.length);
  return out;
}

const f32 = (shape: number[], begin: number, end: number) => ({
  dtype: "F32",
  shape,
  data_offsets: [begin, end],
});

/** Writes files into a fresh temp folder and opens it as a source. */
async function folder(files: Record<string, Uint8Array | string>) {
  const dir = await Deno.makeTempDir({ prefix: "loupe-st-" });
  for (const [name, data] of Object.entries(files)) {
    if (typeof data === "string") await Deno.writeTextFile(`${dir}/${name}`, data);
    else await Deno.writeFile(`${dir}/${name}`, data);
  }
  return { dir, source: await openSource(dir) };
}

async function rejectsFile(bytes: Uint8Array, message: string | RegExp) {
  const { dir, source } = await folder({ "x.safetensors": bytes });
  try {
    await assert.rejects(openSafetensors(source, "x.safetensors"), (e: Error) => {
      if (typeof message === "string") assert.equal(e.message, message);
      else assert.match(e.message, message);
      return true;
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const BAD: [string, Uint8Array, string | RegExp][] = [
  [
    "a file shorter than 8 bytes",
    new Uint8Array(5),
    "x.safetensors: truncated: 5 bytes, but a safetensors file starts with an 8-byte header length",
  ],
  [
    "a header length beyond the file",
    raw({}, 0, 1000),
    /^x\.safetensors: header length 1000 runs past the end of the file \(10 bytes\)/,
  ],
  [
    "a header length beyond 100 MB",
    raw({}, 0, 2 ** 53 + 10),
    /^x\.safetensors: header length 9007199254741002 exceeds the 100000000-byte limit/,
  ],
  ["invalid JSON", raw("{not json"), /^x\.safetensors: header is not valid UTF-8 JSON: /],
  [
    "invalid UTF-8",
    raw(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])),
    /^x\.safetensors: header is not valid UTF-8 JSON: .*(encoded|decode)/i,
  ],
  ["a header that is not an object", raw([1, 2]), "x.safetensors: header must be a JSON object"],
  [
    "non-string metadata",
    raw({ __metadata__: { n: 1 } }),
    "x.safetensors: __metadata__ must be an object of string values",
  ],
  [
    "offsets past the data section (truncated data)",
    raw({ a: f32([8], 0, 32) }, 16),
    'x.safetensors: tensor "a": data_offsets [0, 32] run past the data section (16 bytes): the file is truncated or the offsets are wrong',
  ],
  [
    "offsets that end before they begin",
    raw({ a: f32([0], 8, 4) }, 8),
    'x.safetensors: tensor "a": data_offsets [8, 4] end before they begin',
  ],
  [
    "offsets that are not a pair",
    raw({ a: { dtype: "F32", shape: [1], data_offsets: [0] } }, 4),
    /tensor "a": data_offsets must be \[begin, end\] byte offsets, got \[0\]/,
  ],
  [
    "a negative dimension",
    raw({ a: f32([-1], 0, 4) }, 4),
    'x.safetensors: tensor "a": shape must be a list of non-negative integers, got [-1]',
  ],
  [
    "a string dimension",
    raw({ a: f32(["4"] as unknown as number[], 0, 16) }, 16),
    /tensor "a": shape must be a list of non-negative integers, got \["4"\]/,
  ],
  [
    "a size that does not match the shape",
    raw({ a: f32([2, 3], 0, 20) }, 20),
    'x.safetensors: tensor "a": data_offsets [0, 20] hold 20 bytes, but shape [2,3] of F32 needs 24',
  ],
  [
    "overlapping tensors",
    raw({ a: f32([4], 0, 16), b: f32([4], 8, 24) }, 24),
    'x.safetensors: tensor "b" [8, 24) overlaps tensor "a", which ends at 16',
  ],
  [
    "a gap between tensors",
    raw({ a: f32([4], 0, 16), b: f32([4], 24, 40) }, 40),
    'x.safetensors: data section has a gap of 8 bytes [16, 24) before tensor "b"; tensors must cover it exactly',
  ],
  [
    "bytes after the last tensor",
    raw({ a: f32([4], 0, 16) }, 20),
    "x.safetensors: data section has 4 bytes [16, 20) after the last tensor; tensors must cover it exactly",
  ],
  [
    "an unknown dtype",
    raw({ w: { dtype: "Q4_K", shape: [4], data_offsets: [0, 4] } }, 4),
    "x.safetensors: unsupported dtype Q4_K for tensor w; supported: F32, F16, BF16",
  ],
  [
    "a dtype named like an Object.prototype property",
    raw({ w: { dtype: "toString", shape: [4], data_offsets: [0, 4] } }, 4),
    "x.safetensors: unsupported dtype toString for tensor w; supported: F32, F16, BF16",
  ],
  [
    "a __proto__ dtype",
    raw({ w: { dtype: "__proto__", shape: [4], data_offsets: [0, 4] } }, 4),
    "x.safetensors: unsupported dtype __proto__ for tensor w; supported: F32, F16, BF16",
  ],
];

for (const [what, bytes, message] of BAD) {
  Deno.test(`safetensors: rejects ${what}`, () => rejectsFile(bytes, message));
}

Deno.test("safetensors: known dtypes that do not convert to f32 fail when read, naming tensor and file", async () => {
  const bytes = raw({
    d: { dtype: "F64", shape: [2], data_offsets: [0, 16] },
    i: { dtype: "I32", shape: [1], data_offsets: [16, 20] },
  }, 20);
  const ckpt = await openSafetensors(
    memorySource("mem", { "x.safetensors": bytes }),
    "x.safetensors",
  );
  await assert.rejects(ckpt.readF32("d"), {
    message: "unsupported dtype F64 for tensor d in file x.safetensors; supported: F32, F16, BF16",
  });
  await assert.rejects(ckpt.readTensor("d"), {
    message:
      "unsupported dtype F64 for tensor d in file x.safetensors; supported: F32, F16, BF16, I32",
  });
  await assert.rejects(
    ckpt.readF32("i"),
    /unsupported dtype I32 for tensor i in file x\.safetensors/,
  );
  assert.deepEqual(await ckpt.readTensor("i"), new Int32Array(1));
  assert.throws(() => ckpt.get("nope"), /no tensor "nope" in mem\/x\.safetensors \(2 tensors\)/);
});

Deno.test("safetensors: written files round-trip, aligned, with rows read on their own", async () => {
  const w = new Float32Array(12).map((_, i) => i * 0.5 - 2);
  const bytes = writeSafetensors([
    { name: "w", dtype: "F32", shape: [4, 3], data: w },
    { name: "ids", dtype: "I32", shape: [3], data: new Int32Array([7, -1, 2 ** 31 - 1]) },
    { name: "h", dtype: "F16", shape: [2], data: new Uint16Array([0x3c00, 0xc000]) },
    { name: "b", dtype: "BF16", shape: [], data: new Uint16Array([0x3f80]) },
  ], { note: "ünïcode" });
  const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
  assert.equal((8 + headerLength) % 8, 0);
  const ckpt = await openSafetensors(
    memorySource("mem", { "t.safetensors": bytes }),
    "t.safetensors",
  );
  assert.deepEqual(ckpt.metadata, { note: "ünïcode" });
  assert.deepEqual(await ckpt.readF32("w"), w);
  assert.deepEqual(await ckpt.readF32("w", 1, 2), w.slice(3, 9));
  assert.deepEqual(await ckpt.readF32("w", 3), w.slice(9));
  assert.deepEqual(await ckpt.readF32("w", 4, 0), new Float32Array(0));
  await assert.rejects(ckpt.readF32("w", 3, 2), {
    message: "t.safetensors: tensor w: rows [3, 5) are outside its 4 rows (shape [4,3])",
  });
  assert.deepEqual(await ckpt.readTensor("ids"), new Int32Array([7, -1, 2 ** 31 - 1]));
  assert.deepEqual(await ckpt.readF32("h"), new Float32Array([1, -2]));
  assert.deepEqual(await ckpt.readF32("b"), new Float32Array([1]));
  assert.deepEqual(ckpt.get("b").shape, []);
  ckpt.close();
  await assert.rejects(ckpt.readF32("w"), /checkpoint is closed/);
  assert.throws(
    () => writeSafetensors([{ name: "x", dtype: "F32", shape: [2], data: new Float32Array(3) }]),
    /tensor x: shape \[2\] does not match 3 values/,
  );
  assert.throws(
    () => writeSafetensors([{ name: "x", dtype: "I32", shape: [1], data: new Float32Array(1) }]),
    /tensor x: dtype I32 needs a Int32Array/,
  );
});

Deno.test("safetensors: f16 converts exactly, subnormals, infinities and NaN included", () => {
  const cases: [number, number][] = [
    [0x0000, 0],
    [0x3c00, 1],
    [0xc000, -2],
    [0x3555, 0.333251953125],
    [0x0001, 2 ** -24], // smallest subnormal
    [0x03ff, 1023 * 2 ** -24], // largest subnormal
    [0x0400, 2 ** -14], // smallest normal
    [0x7bff, 65504],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ];
  const bits = new Uint16Array([...cases.map((c) => c[0]), 0x7e00, 0xfc01, 0x8000]);
  const got = toFloat32(new Uint8Array(bits.buffer), "F16");
  cases.forEach(([b, want], i) => assert.equal(got[i], want, `f16 0x${b.toString(16)}`));
  assert.ok(Number.isNaN(got[cases.length]) && Number.isNaN(got[cases.length + 1]));
  assert.ok(Object.is(got[cases.length + 2], -0));
  // Against the platform's own f16 where it has one.
  const F16 =
    (globalThis as { Float16Array?: new (b: ArrayBuffer) => ArrayLike<number> }).Float16Array;
  if (F16) {
    const all = new Uint16Array(65536).map((_, i) => i);
    const native = new F16(all.buffer);
    for (let i = 0; i < 65536; i++) {
      const mine = f16BitsToNumber(i);
      if (!Object.is(mine, native[i]) && !(Number.isNaN(mine) && Number.isNaN(native[i]))) {
        assert.fail(`f16 0x${i.toString(16)}: ${mine} != ${native[i]}`);
      }
    }
  }
});

Deno.test("safetensors: bf16 converts exactly (top half of an f32)", () => {
  const bits = new Uint16Array([0x3f80, 0xc040, 0x0001, 0x7f80, 0xff80, 0x3dcd, 0x7fc0, 0x8000]);
  const got = toFloat32(new Uint8Array(bits.buffer), "BF16");
  assert.deepEqual([...got.slice(0, 6)], [1, -3, 2 ** -133, Infinity, -Infinity, 0.10009765625]);
  assert.ok(Number.isNaN(got[6]));
  assert.ok(Object.is(got[7], -0));
  // Unaligned input (odd byte offset) converts the same.
  const shifted = new Uint8Array(bits.byteLength + 1);
  shifted.set(new Uint8Array(bits.buffer), 1);
  assert.deepEqual(toFloat32(shifted.subarray(1), "BF16"), got);
});

const tiny = (name: string) =>
  writeSafetensors([{ name, dtype: "F32", shape: [2], data: new Float32Array([1, 2]) }]);

Deno.test("safetensors: a shard named by the index but missing is an error naming both", async () => {
  const index = JSON.stringify({ weight_map: { a: "s1.safetensors", b: "s2.safetensors" } });
  const { dir, source } = await folder({
    "model.safetensors.index.json": index,
    "s1.safetensors": tiny("a"),
  });
  try {
    await assert.rejects(openSafetensors(source), {
      message:
        `model.safetensors.index.json names shard s2.safetensors (for tensors such as b), but s2.safetensors is missing from ${dir}`,
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("safetensors: a tensor in the index but not in its shard is an error", async () => {
  const index = JSON.stringify({ weight_map: { a: "s1.safetensors", b: "s1.safetensors" } });
  const src = memorySource("mem", {
    "model.safetensors.index.json": index,
    "s1.safetensors": tiny("a"),
  });
  await assert.rejects(openSafetensors(src), {
    message:
      "model.safetensors.index.json maps tensor b to s1.safetensors, but s1.safetensors has no tensor b",
  });
});

Deno.test("safetensors: bad indexes and empty folders", async () => {
  const cases: [string, RegExp][] = [
    ["{", /model\.safetensors\.index\.json in mem: invalid JSON/],
    ["{}", /weight_map must be an object of tensor name -> shard file/],
    ['{"weight_map": {}}', /weight_map is empty/],
    ['{"weight_map": {"a": 3}}', /weight_map\["a"\] must be a file name/],
    ['{"weight_map": {"a": "../s1.safetensors"}}', /invalid file name "\.\.\/s1\.safetensors"/],
  ];
  for (const [index, message] of cases) {
    const src = memorySource("mem", { "model.safetensors.index.json": index });
    await assert.rejects(openSafetensors(src), message, index);
  }
  await assert.rejects(openSafetensors(memorySource("mem", {})), {
    message: "no model.safetensors or model.safetensors.index.json in mem",
  });
});
