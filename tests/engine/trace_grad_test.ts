// Gradients inside engine.trace (engine/trace_grad.ts, engine/trace_backward.ts):
// the same bits as gradients()/gradientsOf() (same kernels, same forward),
// within 1e-4 of max of the float64 autograd fixtures; a metric at any
// position against central differences of the f64 forward over the prefix
// (rows after it exactly 0); an SAE's feature gradients equal to
// featureAttribution's; and the errors (no gradient path, read before the
// backward, marked too late, no metric, replaced outputs, ambiguity).

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { gradients, gradientsOf } from "../../engine/backward.ts";
import { UsageError } from "../../engine/errors.ts";
import { forwardF64, logProbF64, readHostModel } from "../../engine/model/backward_reference.ts";
import { Sae } from "../../sae/sae.ts";
import { attachSae } from "../../sae/attach.ts";
import { featureAttribution } from "../../sae/attribution.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";

const gpu = await testGpu();
const folder = modelPath("llama3-tiny");
const tokens = Array.from((await readReference(folder, "reference.safetensors")).get("tokens")!);

function sameBits(what: string, got: Float32Array, want: Float32Array): void {
  assert.equal(got.length, want.length, `${what}: length`);
  const at = got.findIndex((v, i) => !Object.is(v, want[i]));
  assert.equal(at, -1, `${what}: element ${at} is ${got[at]}, gradients() gave ${want[at]}`);
}

Deno.test("trace .grad: equals gradients()/gradientsOf() bit for bit and the f64 autograd fixture", async () => {
  const ref = await readReference(folder, "gradients.safetensors");
  const engine = await Engine.load(folder, { gpu });
  try {
    const names = ["model.embed_tokens", "model.layers.0.self_attn", "model.layers.1.mlp"];
    const r = await engine.trace(tokens, async (m) => {
      const marked = {
        embed: m.embed_tokens.grad,
        attn: m.layers[0].self_attn.grad,
        mlp: m.module("model.layers.1.mlp").grad,
        layer: m.layers[2].grad,
        input: m.grad("model.layers.3.input"),
      };
      const h = (await m.layers[1].output).save(); // outputs can be read as usual meanwhile
      const run = m.backward(m.logits.logProb());
      return { marked, h, run };
    });
    const want = await gradients(engine, tokens);
    try {
      const { marked, run } = r.value;
      assert.equal(await run.target(), want.target);
      assert.equal(await run.value(), want.metric);
      const pairs = [
        [marked.embed, names[0]],
        [marked.attn, names[1]],
        [marked.mlp, names[2]],
        [marked.layer, "model.layers.2"],
        [marked.input, "model.layers.2"], // the residual entering layer 3
      ] as const;
      for (const [g, name] of pairs) {
        const got = await g.toArray();
        sameBits(`${g.name}.grad`, got, await want.grads.get(name)!.toArray());
        assertClose(`${g.name}.grad vs f64`, got, ref.get(`grad.${name}`)!, {
          rel: 1e-4,
          shape: [tokens.length, engine.config.hiddenSize],
        });
        assert.deepEqual(g.tensor.shape, [tokens.length, engine.config.hiddenSize]);
      }
      // The residuals kept for the backward do not leak into the user's cache.
      assert.equal(r.cache.size, 0);
    } finally {
      want.dispose();
      r.value.h.dispose();
      r.dispose();
    }

    // Several metrics, one forward: the handles' grads equal gradientsOf's.
    const [a, b] = [3, 7];
    const r2 = await engine.trace(tokens, (m) => {
      const lp = m.logits.logProb().backward();
      const ld = m.logits.logitDiff(a, b).backward();
      return { lp: lp.grad(m.layers[1]), ld: ld.grad("model.layers.1"), ldv: ld };
    });
    const rs = await gradientsOf(engine, tokens, [{ kind: "logProb" }, {
      kind: "logitDiff",
      a,
      b,
    }]);
    try {
      const want1 = rs.map((x) => x.grads.get("model.layers.1")!);
      sameBits("logProb grad", await r2.value.lp.toArray(), await want1[0].toArray());
      sameBits("logitDiff grad", await r2.value.ld.toArray(), await want1[1].toArray());
      assert.equal(await r2.value.ldv.value(), rs[1].metric);
    } finally {
      rs.forEach((x) => x.dispose());
      r2.dispose();
    }
  } finally {
    engine.dispose();
  }
});

Deno.test("trace .grad: a metric at an earlier position matches central differences; later rows are 0", async () => {
  const engine = await Engine.load(folder, { gpu });
  try {
    const host = await readHostModel(engine.config, engine.weights);
    const T = tokens.length, h = engine.config.hiddenSize, p = T - 3;
    const prefix = tokens.slice(0, p + 1);
    const logits = forwardF64(host, prefix); // position p's logits (causal)
    let y = 0;
    for (let i = 1; i < logits.length; i++) if (logits[i] > logits[y]) y = i;
    const modules = ["model.embed_tokens", "model.layers.1.self_attn", "model.layers.3"];
    const r = await engine.trace(tokens, (m) => {
      const gs = modules.map((n) => m.grad(n));
      const run = m.logits.logProb(undefined, p).backward();
      return { gs, run };
    });
    try {
      assert.equal(await r.value.run.target(), y, "greedy target at position p");
      const m0 = await r.value.run.value();
      assert.ok(Math.abs(m0 - logProbF64(logits, y)) <= 1e-4 * Math.abs(m0) + 1e-6);
      for (const g of r.value.gs) {
        const got = await g.toArray();
        for (let i = (p + 1) * h; i < T * h; i++) {
          assert.equal(got[i], 0, `${g.name}.grad row ${Math.floor(i / h)} after position ${p}`);
        }
        let at = 0;
        for (let i = 1; i < got.length; i++) if (Math.abs(got[i]) > Math.abs(got[at])) at = i;
        const position = Math.floor(at / h), index = at % h, step = 1e-4;
        const f = (delta: number) =>
          logProbF64(forwardF64(host, prefix, { module: g.name, position, index, delta }), y);
        const fd = (f(step) - f(-step)) / (2 * step);
        assert.ok(
          Math.abs(fd - got[at]) <= 1e-4 * Math.abs(got[at]),
          `${g.name}.grad[${position}, ${index}]: GPU ${got[at]}, central difference ${fd}`,
        );
      }
    } finally {
      r.dispose();
    }
    await assert.rejects(
      () => engine.trace(tokens, (m) => m.logits.logProb(1, T).backward()),
      /metric position \d+ is outside the prompt/,
    );
  } finally {
    engine.dispose();
  }
});

Deno.test("trace .grad: an attached SAE's feature gradients equal featureAttribution's", async () => {
  const dir = `${FIXTURES}saes/stories260K-layer2`;
  const ref = await readReference(dir, "attribution.safetensors");
  const ids = Array.from(ref.get("tokens")!);
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  try {
    const sae = await Sae.load(`${dir}/goodfire-f32.pth`, engine);
    const site = attachSae(engine, "model.layers.2", sae);
    const r = await engine.trace(ids, (m) => {
      const g = m.grad(site.features);
      m.logits.logProb().backward();
      return g;
    });
    const want = await featureAttribution(site, ids);
    try {
      const got = await r.value.toArray();
      sameBits("features.grad", got, await want.grad.toArray());
      assertClose("features.grad vs f64", got, ref.get("grad.features")!, {
        rel: 1e-4,
        shape: [ids.length, sae.dSae],
      });
      // The error term has no gradient defined: refused by name.
      await assert.rejects(
        () => engine.trace(ids, (m) => m.grad(site.error)),
        /model\.layers\.2\.sae\.error \(attached to model\.layers\.2\) defines no gradient/,
      );
    } finally {
      want.dispose();
      r.dispose();
    }
  } finally {
    engine.dispose();
  }
});

Deno.test("trace .grad: refused with a UsageError naming what is wrong, and nothing left behind", async () => {
  const engine = await Engine.load(folder, { gpu });
  try {
    const cases: [string, (m: Parameters<Parameters<Engine["trace"]>[1]>[0]) => unknown, RegExp][] =
      [
        ["no gradient path", (m) => m.norm.grad, /model\.norm has no gradient path/],
        ["unknown module", (m) => m.grad("model.layers.9"), /unknown module "model\.layers\.9"/],
        [
          "read before the backward",
          (m) => (m.logits.logProb().backward(), m.layers[0].grad.tensor),
          /model\.layers\.0\.grad was read before the backward ran/,
        ],
        [
          "marked after the pass started",
          async (m) => {
            await m.layers[0].output;
            return m.layers[2].grad;
          },
          /model\.layers\.2\.grad after the pass started; mark gradients/,
        ],
        [
          "no metric",
          async (m) => await m.layers[1].grad.toArray(),
          /model\.layers\.1\.grad: no metric was back-propagated/,
        ],
        [
          "an assigned output",
          async (m) => {
            const g = m.layers[1].grad;
            m.logits.logProb().backward();
            m.layers[0].output = (await m.layers[0].output).scale(0);
            return g;
          },
          /cannot back-propagate through replaced outputs \(model\.layers\.0\)/,
        ],
        [
          "ambiguous",
          async (m) => {
            const g = m.layers[1].grad;
            m.logits.logProb().backward();
            m.logits.logProb(5).backward();
            return await g.toArray();
          },
          /model\.layers\.1\.grad is ambiguous: 2 metrics/,
        ],
        ["a bad token id", (m) => m.logits.logProb(1 << 20).backward(), /is not a token id/],
      ];
    const refuse = async () => {
      for (const [what, fn, message] of cases) {
        await assert.rejects(() => engine.trace(tokens, fn), (e: Error) => {
          assert.ok(e instanceof UsageError, `${what}: ${e}`);
          assert.match(e.message, message, what);
          return true;
        });
      }
      await assert.rejects(
        () =>
          engine.trace(tokens, (m) => {
            m.logits.logProb().backward();
          }, { interventions: { "model.layers.1": (x) => x.scale(2) } }),
        /replaced outputs \(model\.layers\.1\)/,
      );
      await assert.rejects(
        () => engine.trace([tokens, tokens], (m) => m.layers[0].grad),
        /gradients are only available in a single-prompt trace/,
      );
    };
    // The first round makes the pools' buffers (transient tensors, batch scratch); count after it.
    await refuse();
    const before = gpu.liveBuffers.count;
    await refuse();
    assert.equal(gpu.liveBuffers.count, before, "GPU buffers after the refused traces");
  } finally {
    engine.dispose();
  }
});
