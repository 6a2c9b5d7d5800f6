// defineParams: the WGSL struct and the packing come from one declaration, and
// bad values fail with the kernel's key and the field's name.

import assert from "node:assert/strict";
import { defineKernel, defineParams } from "../../engine/gpu/kernel.ts";

const spec = defineParams({ n: "u32", shift: "i32", eps: "f32", list: { vec4u: 2 } });

Deno.test("defineParams: the struct follows WGSL's uniform layout", () => {
  assert.equal(
    spec.wgsl,
    [
      "struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)",
      "  n: u32,",
      "  shift: i32,",
      "  eps: f32,",
      "  list: array<vec4u, 2>,",
      "}",
    ].join("\n"),
  );
  // n, shift, eps at 0, 4, 8; the vec4u array aligned to 16: 16..48.
  assert.equal(spec.bytes, 48);
  assert.equal(defineParams({ a: "u32" }).bytes, 16);
  assert.equal(defineParams({ a: "u32", b: "u32", c: "u32", d: "u32", e: "f32" }).bytes, 32);
});

Deno.test("defineParams: packs values by name at their offsets", () => {
  const bytes = spec.encode("k", { eps: 0.5, n: 7, shift: -3, list: [1, 2, 3] });
  const v = new DataView(bytes.buffer);
  assert.equal(v.getUint32(0, true), 7);
  assert.equal(v.getInt32(4, true), -3);
  assert.equal(v.getFloat32(8, true), 0.5);
  assert.equal(v.getUint32(12, true), 0); // padding
  assert.deepEqual([...new Uint32Array(bytes.buffer, 16, 8)], [1, 2, 3, 0, 0, 0, 0, 0]);
});

Deno.test("defineParams: errors name the kernel and the field", () => {
  const ok = { n: 1, shift: 0, eps: 1, list: [] };
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ shift: 0, eps: 1, list: [] }, /kernel k: param n is missing/],
    [{ ...ok, n: -1 }, /kernel k: param n must be a u32, got -1/],
    [{ ...ok, n: 2 ** 32 }, /param n must be a u32/],
    [{ ...ok, n: 1.5 }, /param n must be a u32/],
    [{ ...ok, shift: 2 ** 31 }, /param shift must be an i32/],
    [{ ...ok, eps: NaN }, /kernel k: param eps must be finite, got NaN/],
    [{ ...ok, eps: Infinity }, /param eps must be finite/],
    [{ ...ok, list: new Array(9).fill(0) }, /param list wants at most 8 u32s/],
    [{ ...ok, list: [-1] }, /param list must be a u32/],
    [{ ...ok, extra: 1 }, /kernel k: unknown params extra; it has n, shift, eps, list/],
  ];
  for (const [values, message] of cases) {
    // deno-lint-ignore no-explicit-any
    assert.throws(() => spec.encode("k", values as any), message);
  }
});

Deno.test("defineKernel: the struct sits above its binding; a hand-written one is refused", () => {
  const params = defineParams({ n: "u32" });
  const body = "// head\n\n@group(0) @binding(0) var<uniform> p: Params;\nfn main() {}";
  const k = defineKernel({ key: "t", params, parts: [body], enable: ["subgroups"] });
  assert.equal(k.source, `enable subgroups;\n// head\n\n${params.wgsl}\n\n` + body.slice(9));
  assert.throws(
    () => defineKernel({ key: "t", params, parts: ["struct Params { n: u32 }\n" + body] }),
    /kernel t: declare params with defineParams/,
  );
  assert.throws(() => defineKernel({ key: "t", parts: [body] }), /no params spec/);
  assert.throws(() => defineKernel({ key: "t", params, parts: ["fn main() {}"] }), /has params/);
  assert.throws(() => defineKernel({ key: "t", parts: ["{{X}}"] }), /placeholder \{\{X\}\}/);
});
