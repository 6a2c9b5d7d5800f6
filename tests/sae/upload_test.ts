// A transposed matrix quantized to q8 goes to the GPU a range of features at a
// time (sae/upload.ts), each range re-reading the stored rows, so that the f32
// copy on the device stays within a bound. Any bound must give the same bytes.

import assert from "node:assert/strict";
import { openSource } from "../../engine/formats/source.ts";
import { readWeightMatrix } from "../../engine/quant/matrix.ts";
import { openSaeSpec, splitSaeSource } from "../../sae/format.ts";
import { uploadSae } from "../../sae/upload.ts";
import { FIXTURES } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";

Deno.test("q8 upload of Goodfire's transposed decoder: feature ranges of any size give the same rows", async () => {
  const gpu = await testGpu();
  const source = `${FIXTURES}saes/stories260K-layer2/goodfire.pth`;
  const load = async (tempBytes?: number) => {
    const { folder, prefix, file } = splitSaeSource(source);
    const spec = await openSaeSpec(await openSource(folder), prefix, file);
    try {
      assert.ok(spec.wDec.transposed, "the fixture's decoder is stored [d_in, d_sae]");
      const w = await uploadSae(gpu, spec, "upload-test", "q8", tempBytes);
      const rows = { enc: await readWeightMatrix(w.wEnc), dec: await readWeightMatrix(w.wDec) };
      for (const m of [w.wEnc, w.wDec, w.bEnc, w.bDec]) m.dispose();
      w.threshold?.dispose();
      return { rows, dSae: spec.dSae, dIn: spec.dIn };
    } finally {
      spec.file.close();
    }
  };
  const whole = await load();
  // The first load leaves the Recorder's pooled uniform slab; count from here.
  const before = gpu.liveBuffers.count;
  // 100 features a range: 11 ranges of 1,024 features, the last one partial.
  const ranged = await load(100 * whole.dIn * 4);
  assert.equal(whole.dSae, 1024);
  assert.deepEqual(ranged.rows.dec, whole.rows.dec);
  assert.deepEqual(ranged.rows.enc, whole.rows.enc);
  assert.equal(gpu.liveBuffers.count, before, "temporary f32 ranges are freed");
});
