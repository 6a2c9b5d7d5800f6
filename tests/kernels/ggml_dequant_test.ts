// The plain-TS references of the GGML block types (engine/quant/ggml_blocks.ts)
// against blocks this test packs itself from chosen codes and scales, following
// ggml's structs independently, with the expected values computed by each
// type's formula; and the stored matrices (createStoredMatrix) read back from
// the device bit for bit equal to those references.

import assert from "node:assert/strict";
import {
  createStoredMatrix,
  dequantizeGgml,
  f16Bits,
  f16Value,
  GGML_TYPE_BY_ID,
  ggmlBlock,
  ggmlRowBytes,
  type GgmlType,
} from "../../engine/quant/ggml.ts";
import { QuantMatrix, readWeightMatrix } from "../../engine/quant/matrix.ts";
import { FormatError } from "../../engine/errors.ts";
import { rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const ALL: GgmlType[] = [
  "F32",
  "F16",
  "BF16",
  "Q8_0",
  "Q4_0",
  "Q4_1",
  "Q5_0",
  "Q5_1",
  "Q4_K",
  "Q5_K",
  "Q6_K",
];

/** A random f16 of magnitude up to `scale`, as (bits, value). */
function randomHalf(random: () => number, scale: number): [number, number] {
  const bits = f16Bits((random() * 2 - 1) * scale);
  return [bits, f16Value(bits)];
}

const int = (random: () => number, n: number) => Math.floor(random() * n);

/** One random block of `type`, packed here from codes, and the values it stands for. */
function makeBlock(type: GgmlType, random: () => number): { bytes: Uint8Array; want: number[] } {
  const { elems, bytes: size } = ggmlBlock(type);
  const b = new Uint8Array(size), v = new DataView(b.buffer), want: number[] = [];
  switch (type) {
    case "F32": {
      const x = Math.fround((random() * 2 - 1) * 100);
      v.setFloat32(0, x, true);
      want.push(x);
      break;
    }
    case "F16": {
      const [bits, x] = randomHalf(random, 1000);
      v.setUint16(0, bits, true);
      want.push(x);
      break;
    }
    case "BF16": {
      // bf16 is the top half of an f32: any f32 with zero low bits.
      // Exponent bit 7 cleared: never inf or NaN.
      const top = int(random, 0x10000) & 0xff7f;
      v.setUint16(0, top, true);
      want.push(new Float32Array(new Uint32Array([top << 16]).buffer)[0]);
      break;
    }
    case "Q8_0": {
      const [bits, d] = randomHalf(random, 0.1);
      v.setUint16(0, bits, true);
      for (let e = 0; e < 32; e++) {
        const q = int(random, 256) - 128;
        v.setInt8(2 + e, q);
        want.push(Math.fround(d * q));
      }
      break;
    }
    case "Q4_0":
    case "Q4_1":
    case "Q5_0":
    case "Q5_1": {
      const one = type.endsWith("_1"), five = type.startsWith("Q5");
      const [dBits, d] = randomHalf(random, 0.1), [mBits, m] = randomHalf(random, 0.5);
      v.setUint16(0, dBits, true);
      if (one) v.setUint16(2, mBits, true);
      const q = Array.from({ length: 32 }, () => int(random, five ? 32 : 16));
      const qs = (one ? 4 : 2) + (five ? 4 : 0);
      let qh = 0;
      for (let j = 0; j < 16; j++) b[qs + j] = (q[j] & 15) | ((q[j + 16] & 15) << 4);
      for (let e = 0; e < 32; e++) qh |= (q[e] >> 4) << e;
      if (five) v.setUint32(one ? 4 : 2, qh >>> 0, true);
      const zero = five ? 16 : 8;
      for (let e = 0; e < 32; e++) want.push(Math.fround(one ? d * q[e] + m : d * (q[e] - zero)));
      break;
    }
    case "Q4_K":
    case "Q5_K": {
      const five = type === "Q5_K";
      const [dBits, d] = randomHalf(random, 0.01), [mBits, dmin] = randomHalf(random, 0.01);
      v.setUint16(0, dBits, true);
      v.setUint16(2, mBits, true);
      const sc = Array.from({ length: 8 }, () => int(random, 64));
      const mn = Array.from({ length: 8 }, () => int(random, 64));
      // ggml's 12 bytes: 0-3 sc[0..3] + top bits of sc[4..7]; 4-7 the same for
      // the mins; 8-11 the low nibbles of sc[4..7] and mn[4..7].
      for (let i = 0; i < 4; i++) {
        b[4 + i] = sc[i] | ((sc[4 + i] >> 4) << 6);
        b[8 + i] = mn[i] | ((mn[4 + i] >> 4) << 6);
        b[12 + i] = (sc[4 + i] & 15) | ((mn[4 + i] & 15) << 4);
      }
      const q = Array.from({ length: 256 }, () => int(random, five ? 32 : 16));
      const qs = five ? 48 : 16;
      for (let s = 0; s < 8; s++) {
        for (let l = 0; l < 32; l++) {
          const code = q[32 * s + l];
          b[qs + 32 * Math.floor(s / 2) + l] |= (code & 15) << (s % 2 === 0 ? 0 : 4);
          if (five) b[16 + l] |= (code >> 4) << s;
          want.push(Math.fround(d * sc[s] * code - dmin * mn[s]));
        }
      }
      break;
    }
    case "Q6_K": {
      const [dBits, d] = randomHalf(random, 0.001);
      v.setUint16(208, dBits, true);
      const sc = Array.from({ length: 16 }, () => int(random, 256) - 128);
      sc.forEach((s, i) => v.setInt8(192 + i, s));
      const q = Array.from({ length: 256 }, () => int(random, 64));
      for (let e = 0; e < 256; e++) {
        // Element e = 128h + 32c + l: low nibble in ql[64h + l + 32 (c % 2)],
        // nibble c >= 2, high bits at 2c of qh[32h + l], scale 8h + 2c + l / 16.
        const h = e >> 7, c = (e >> 5) & 3, l = e & 31;
        b[64 * h + l + 32 * (c % 2)] |= (q[e] & 15) << (c >= 2 ? 4 : 0);
        b[128 + 32 * h + l] |= (q[e] >> 4) << (2 * c);
        want.push(Math.fround(d * sc[8 * h + 2 * c + (l >> 4)] * (q[e] - 32)));
      }
      break;
    }
  }
  assert.equal(want.length, elems);
  return { bytes: b, want };
}

/** `blocks` random blocks of `type`, concatenated, and their values. */
function makeBlocks(type: GgmlType, blocks: number, seed: number) {
  const random = rng(seed), { bytes: per } = ggmlBlock(type);
  const bytes = new Uint8Array(blocks * per), want: number[] = [];
  for (let i = 0; i < blocks; i++) {
    const blk = makeBlock(type, random);
    bytes.set(blk.bytes, i * per);
    want.push(...blk.want);
  }
  return { bytes, want: Float32Array.from(want) };
}

function assertBitEqual(name: string, got: Float32Array, want: Float32Array) {
  assert.equal(got.length, want.length, `${name}: length`);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i]) && !(got[i] === 0 && want[i] === 0)) {
      assert.fail(`${name}: element ${i} is ${got[i]}, want ${want[i]} (first difference)`);
    }
  }
}

Deno.test("ggml: block sizes, enum ids and row bytes as llama.cpp defines them", () => {
  assert.deepEqual(ggmlBlock("Q4_K"), { elems: 256, bytes: 144 });
  assert.deepEqual(ggmlBlock("Q6_K"), { elems: 256, bytes: 210 });
  assert.deepEqual(ggmlBlock("Q8_0"), { elems: 32, bytes: 34 });
  assert.deepEqual(ggmlBlock("Q5_K"), { elems: 256, bytes: 176 });
  const ids = [[0, "F32"], [1, "F16"], [2, "Q4_0"], [3, "Q4_1"], [6, "Q5_0"], [7, "Q5_1"]];
  ids.push([8, "Q8_0"], [12, "Q4_K"], [13, "Q5_K"], [14, "Q6_K"], [30, "BF16"]);
  assert.deepEqual([...GGML_TYPE_BY_ID.entries()].sort((a, b) => a[0] - b[0]), ids);
  assert.equal(ggmlRowBytes("Q4_K", 4096), 16 * 144);
  assert.equal(ggmlRowBytes("F16", 7), 14);
  assert.throws(() => ggmlRowBytes("Q4_K", 64), FormatError);
  assert.throws(() => ggmlRowBytes("Q8_0", 48), /whole number of 32-element blocks; got 48/);
  assert.throws(() => ggmlBlock("Q2_K" as GgmlType), /unsupported tensor type "Q2_K"/);
});

Deno.test("ggml: dequantizeGgml on hand-built blocks equals each type's formula", () => {
  // Fixed values: Q4_0 block with d = 0.5, codes 0..15 then 15..0.
  const q40 = new Uint8Array(18);
  new DataView(q40.buffer).setUint16(0, f16Bits(0.5), true);
  for (let j = 0; j < 16; j++) q40[2 + j] = j | ((15 - j) << 4);
  const got = dequantizeGgml("Q4_0", q40, 32);
  for (let j = 0; j < 16; j++) {
    assert.equal(got[j], 0.5 * (j - 8));
    assert.equal(got[j + 16], 0.5 * (7 - j));
  }
  // Q6_K with d = 1, every scale 2 but scale 5 = -3, codes e % 64.
  const q6 = new Uint8Array(210);
  new DataView(q6.buffer).setUint16(208, f16Bits(1), true);
  for (let j = 0; j < 16; j++) q6[192 + j] = j === 5 ? 0xfd : 2;
  for (let e = 0; e < 256; e++) {
    const h = e >> 7, c = (e >> 5) & 3, l = e & 31, q = e % 64;
    q6[64 * h + l + 32 * (c % 2)] |= (q & 15) << (c >= 2 ? 4 : 0);
    q6[128 + 32 * h + l] |= (q >> 4) << (2 * c);
  }
  const six = dequantizeGgml("Q6_K", q6, 256);
  // Element 80 = half 0, c 2, l 16: scale index 5 (-3), code 80 % 64 = 16.
  assert.equal(six[80], -3 * (16 - 32));
  assert.equal(six[0], 2 * (0 - 32));
  assert.equal(six[255], 2 * (63 - 32));
  // Random blocks of every type.
  for (const [i, type] of ALL.entries()) {
    const { bytes, want } = makeBlocks(type, 4, 11 + i);
    assertBitEqual(`dequantizeGgml ${type}`, dequantizeGgml(type, bytes, want.length), want);
  }
  // The float types take typed-array views when aligned: the same values at an odd offset.
  for (const type of ["F32", "F16", "BF16"] as const) {
    const { bytes, want } = makeBlocks(type, 9, 3);
    const odd = new Uint8Array(bytes.length + 1);
    odd.set(bytes, 1);
    assertBitEqual(`${type} unaligned`, dequantizeGgml(type, odd.subarray(1), 9), want);
  }
  assert.throws(() => dequantizeGgml("Q4_K", new Uint8Array(100), 256), /need 144 bytes/);
});

const gpu = await testGpu();

for (const type of ALL) {
  Deno.test(`createStoredMatrix ${type}: rows read back equal dequantizeGgml bit for bit`, async () => {
    const { elems } = ggmlBlock(type);
    const cols = elems === 256 ? 512 : 96, rows = 21;
    for (const g of [gpu, await testGpu({ maxBindingBytes: 4096 })]) {
      const rowBytes = ggmlRowBytes(type, cols), blocks = cols / elems;
      const { bytes, want } = makeBlocks(type, rows * blocks, cols + rows);
      const w = createStoredMatrix(g, `w.${type}`, rows, cols, type);
      try {
        // Two writes, the second at a row offset (and across chunks where small).
        w.writeRows(0, bytes.subarray(0, 3 * rowBytes));
        w.writeRows(3, bytes.subarray(3 * rowBytes));
        assert.equal(w.matrix.rows, rows);
        assert.equal(w.matrix.cols, cols);
        const got = await readWeightMatrix(w.matrix);
        assertBitEqual(`${type} [${rows}, ${cols}] read back`, got, want);
        assertBitEqual(`${type} reference`, dequantizeGgml(type, bytes, rows * cols), want);
        assert.throws(() => w.writeRows(20, bytes.subarray(0, 2 * rowBytes)), /within \[0, 21\)/);
        assert.throws(() => w.writeRows(0, bytes.subarray(0, rowBytes - 1)), FormatError);
      } finally {
        w.matrix.dispose();
      }
    }
  });
}

Deno.test("createStoredMatrix: Q8_0 and Q4_0 become q8/q4 blocks of 32, others keep their blocks", () => {
  const q8 = createStoredMatrix(gpu, "a", 2, 64, "Q8_0").matrix;
  const q4 = createStoredMatrix(gpu, "b", 2, 64, "Q4_0").matrix;
  const k = createStoredMatrix(gpu, "c", 2, 256, "Q6_K").matrix;
  const f = createStoredMatrix(gpu, "d", 2, 64, "BF16").matrix;
  assert.equal(q8.format, "q8");
  assert.equal(q4.format, "q4");
  assert.ok(q8 instanceof QuantMatrix && q8.layout.block === 32, "Q8_0: q8 blocks of 32");
  assert.ok(q4 instanceof QuantMatrix && q4.layout.block === 32, "Q4_0: q4 blocks of 32");
  assert.equal(k.format, "q6k");
  assert.equal(f.format, "f32");
  // Q6_K's 210-byte blocks are padded to 212 on the device.
  assert.equal(k.byteLength, 2 * 212);
  for (const m of [q8, q4, k, f]) m.dispose();
  assert.throws(() => createStoredMatrix(gpu, "e", 2, 100, "Q4_K"), /256-element blocks; got 100/);
});
