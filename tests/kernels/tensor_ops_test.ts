// Tensor's ops (engine/gpu/tensor.ts) outside a pass, against the plain-TS
// references of the kernels they record (shaders/elementwise.ts, project.ts),
// on odd shapes and on row views with a byte offset.

import assert from "node:assert/strict";
import { Tensor } from "../../engine/ops/tensor.ts";
import { elementwiseReference } from "../../shaders/elementwise.ts";
import { projectReference } from "../../shaders/project.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
/** f32 sums in another order than the reference's: rounding only. */
const SUM_TOLERANCE = 1e-5;
const SHAPES: [number, number][] = [[1, 1], [3, 5], [7, 130], [17, 64]];

for (const [rows, width] of SHAPES) {
  Deno.test(`Tensor.project: x [${rows}, ${width}] . direction [${width}] matches the reference`, async () => {
    const random = rng(rows * 1000 + width);
    const x = randomArray(random, (rows + 1) * width, 2), d = randomArray(random, width);
    const all = Tensor.from(gpu, "x", x, [rows + 1, width], "f32");
    const dir = Tensor.from(gpu, "direction", d, [width], "f32");
    // Rows 1.. as a view: the kernel must honour the byte offset.
    const view = all.rows(1, rows);
    const out = view.project(dir);
    try {
      assert.deepEqual(out.shape, [rows]);
      assertClose("project", await out.toArray(), projectReference(x.subarray(width), d), {
        rel: SUM_TOLERANCE,
        shape: [rows],
      });
    } finally {
      for (const t of [all, dir, out]) t.dispose();
    }
  });
}

Deno.test("Tensor.project: a direction of another width is refused", () => {
  const x = Tensor.from(gpu, "x", new Float32Array(6), [2, 3], "f32");
  const d = Tensor.from(gpu, "d", new Float32Array(2), [2], "f32");
  try {
    assert.throws(() => x.project(d), /direction|width/);
  } finally {
    x.dispose();
    d.dispose();
  }
});

for (const [rows, width] of SHAPES) {
  Deno.test(`Tensor add/sub/mul/scale/addVector on [${rows}, ${width}] match the reference`, async () => {
    const random = rng(rows * 31 + width);
    const a = randomArray(random, rows * width, 3), b = randomArray(random, rows * width, 3);
    const v = randomArray(random, width, 3);
    const ta = Tensor.from(gpu, "a", a, [rows, width], "f32");
    const tb = Tensor.from(gpu, "b", b, [rows, width], "f32");
    const tv = Tensor.from(gpu, "v", v, [width], "f32");
    const cases: [string, Tensor<"f32">, Float32Array][] = [
      ["add", ta.add(tb), elementwiseReference(a, b, { alpha: 1, beta: 1, gamma: 0 })],
      ["sub", ta.sub(tb), elementwiseReference(a, b, { alpha: 1, beta: -1, gamma: 0 })],
      ["mul", ta.mul(tb), elementwiseReference(a, b, { alpha: 0, beta: 0, gamma: 1 })],
      ["scale", ta.scale(-0.75), elementwiseReference(a, b, { alpha: -0.75, beta: 0, gamma: 0 })],
      [
        "addVector",
        ta.addVector(tv, 2.5),
        elementwiseReference(a, v, { alpha: 1, beta: 2.5, gamma: 0 }, true),
      ],
    ];
    try {
      for (const [name, got, want] of cases) {
        assert.deepEqual(got.shape, [rows, width], `${name} shape`);
        // One multiply-add per element: at most one rounding apart (fma or not).
        assertClose(name, await got.toArray(), want, { rel: 1e-6, shape: [rows, width] });
      }
    } finally {
      for (const t of [ta, tb, tv, ...cases.map((c) => c[1])]) t.dispose();
    }
  });
}
