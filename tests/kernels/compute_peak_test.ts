// The compute-ceiling kernels compute exactly what their plain-TS references
// say (so the benchmark's flop count is of work really done), on thread
// counts that do not fill a workgroup and that fold the grid.

import assert from "node:assert/strict";
import {
  computePeak,
  computePeakDot4,
  computePeakDot4Reference,
  computePeakReference,
  dot4I8PackedReference,
} from "../../shaders/compute_peak.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

for (const [threads, iterations] of [[1, 0], [37, 5], [1000, 17]]) {
  Deno.test(`compute peak fma: ${threads} threads x ${iterations} steps match the reference`, async () => {
    const run = { iterations, mul: 0.97, add: 0.01 };
    const out = Tensor.empty(gpu, "peak.out", [threads], "f32");
    try {
      const rec = new Recorder(gpu, "test.peak");
      computePeak(rec, out, run);
      rec.submit();
      // a * m + c may be fused into one rounding on the GPU: a few ulps.
      assertClose("compute_peak", await out.toArray(), computePeakReference(threads, run), {
        abs: 1e-5,
        rel: 1e-5,
      });
    } finally {
      out.dispose();
    }
  });
}

Deno.test("dot4I8PackedReference: signed bytes", () => {
  assert.equal(dot4I8PackedReference(0x01020304, 0x01010101), 10);
  assert.equal(dot4I8PackedReference(0xff000000 | 0, 0x7f000000), -127);
  assert.equal(dot4I8PackedReference(0x80808080 | 0, 0x80808080 | 0), 4 * 128 * 128);
});

Deno.test({
  name: "compute peak dot4: matches the reference where dot4I8Packed exists",
  ignore: !gpu.hasPacked4x8,
  fn: async () => {
    const threads = 131, run = { iterations: 9, packed: 0x7f80ff01, add: -5 };
    const out = Tensor.empty(gpu, "peak.dot4", [threads], "i32");
    try {
      const rec = new Recorder(gpu, "test.peak.dot4");
      computePeakDot4(rec, out, run);
      rec.submit();
      assert.deepEqual(
        Array.from(await out.toArray()),
        Array.from(computePeakDot4Reference(threads, run)),
      );
    } finally {
      out.dispose();
    }
  },
});
if (!gpu.hasPacked4x8) {
  console.log("compute peak dot4: skipped, this runtime has no packed_4x8_integer_dot_product");
}
