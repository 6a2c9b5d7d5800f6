// Engine.load with quant "q4k" / "q6k" end to end (every projection, the
// embedding and lm_head in ggml's Q4_K / Q6_K bytes, quantized by Loupe as
// the weights stream in), against the f32 reference logits of the fixtures:
// mean KL(quantized || f32) over the reference prompt and agreement of the
// greedy (argmax) ids at every prompt position. stories260K is 64 wide: each
// of its rows is one zero-padded super-block (ARCHITECTURE.md, "GGML block
// formats"), so this also runs the padded path through the whole model.
//
// Bounds are the measured values plus ~30%: regression guards. For scale:
// today's q4 (block 32) measures 0.109 / 0.233 on these two models
// (tests/golden/quant_test.ts).

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { BlockMatrix } from "../../engine/quant/block_matrix.ts";
import { meanKl } from "../../engine/quant/kl.ts";
import { testGpu } from "../util/gpu.ts";
import { IN_BROWSER } from "../util/fixtures_dir.ts";
import { modelPath, readReference } from "../util/fixtures.ts";

const gpu = await testGpu();

const CASES = [
  // [model, quant, max mean KL, min fraction of equal argmax ids]
  // Measured: 0.147 (15/24), 9.6e-3 (23/24), 0.086 (23/24).
  ["llama3-tiny", "q4k", 0.19, 0.5],
  ["llama3-tiny", "q6k", 0.013, 0.85],
  ["stories260K", "q4k", 0.11, 0.85],
] as const;

// Deno only: in Chromium the model's q4k kernels compile for ~15 s per model
// (SwiftShader), and tests/kernels/ggml_matvec_test.ts already runs the same
// kernels there; the quantizer is plain TS.
for (const [name, quant, maxKl, minAgree] of CASES) {
  Deno.test({
    name: `kquant ${name} ${quant}: mean KL <= ${maxKl}, argmax ids agree >= ${minAgree}`,
    ignore: IN_BROWSER,
    fn: async () => {
      const ref = await readReference(modelPath(name), "reference.safetensors");
      const engine = await Engine.load(modelPath(name), { gpu, quant });
      try {
        assert.ok(engine.head.lmHead instanceof BlockMatrix, "lm_head is not a block matrix");
        assert.equal(engine.head.lmHead.format, quant);
        const tokens = Array.from(ref.get("tokens")!);
        const result = await engine.forward(tokens, { allLogits: true });
        const got = await result.logits.toArray();
        result.dispose();
        const want = ref.get("logits") as Float32Array, V = engine.config.vocabSize;
        const kl = meanKl(got, want, V);
        let agree = 0;
        const argmax = (a: Float32Array, t: number) => {
          let best = 0;
          for (let i = 1; i < V; i++) if (a[t * V + i] > a[t * V + best]) best = i;
          return best;
        };
        for (let t = 0; t < tokens.length; t++) agree += argmax(got, t) === argmax(want, t) ? 1 : 0;
        const frac = agree / tokens.length;
        console.log(
          `  ${name} ${quant}: mean KL ${
            kl.toExponential(3)
          }, argmax agreement ${agree}/${tokens.length}`,
        );
        assert.ok(kl > 1e-9 && kl <= maxKl, `${name} ${quant}: mean KL ${kl} not in (0, ${maxKl}]`);
        assert.ok(frac >= minAgree, `${name} ${quant}: argmax agreement ${frac} < ${minAgree}`);
      } finally {
        engine.dispose();
      }
    },
  });
}
