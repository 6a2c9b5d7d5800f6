// column_sumsq (importance calibration) against its plain-TS reference, on odd
// shapes, accumulating over two dispatches, with x at an offset into its buffer.

import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { columnSumSquares, columnSumSquaresReference } from "../../shaders/column_sumsq.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

for (const [rows, cols] of [[1, 1], [3, 13], [17, 64], [5, 172], [2, 130]]) {
  Deno.test(`column_sumsq: [${rows}, ${cols}] twice into acc matches the reference`, async () => {
    const random = rng(rows * 1000 + cols);
    // Row 0 of the buffer is skipped: x is rows [1, rows + 1) of it.
    const all = randomArray(random, (rows + 1) * cols, 3);
    const start = randomArray(random, cols).map(Math.abs);
    const buf = Tensor.from(gpu, "x", all, [rows + 1, cols], "f32");
    const acc = Tensor.from(gpu, "acc", start, [cols], "f32");
    const x = buf.rows(1, rows);
    const rec = new Recorder(gpu, "test.column_sumsq");
    columnSumSquares(rec, x, acc);
    columnSumSquares(rec, x, acc);
    rec.submit();
    const xs = all.subarray(cols);
    const want = columnSumSquaresReference(xs, cols, columnSumSquaresReference(xs, cols, start));
    assertClose("column_sumsq", await acc.toArray(), want, { rel: 1e-6, shape: [cols] });
    buf.dispose();
    acc.dispose();
  });
}
