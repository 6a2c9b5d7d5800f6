// Interventions through the API against the fixtures' interventions.safetensors
// (tests/fixtures/README.md, "models/"): add a vector, zero an MLP, patch a position,
// direct-effect cleanup, and greedy generation with the vector added.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import type { Tensor } from "../../engine/ops/tensor.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath, MODELS, readReference } from "../util/fixtures.ts";
import { ContextLengthError } from "../../engine/errors.ts";

const gpu = await testGpu();
const TOLERANCE = 1e-4;

interface Plan {
  add_vector: { module: string };
  zero_mlp: { module: string };
  patch: { module: string; position: number };
  cleanup: { module: string; cleanup_layer: string };
}

for (const name of MODELS) {
  Deno.test(`interventions ${name}: add, zero, patch, cleanup and greedy-with-add match the reference`, async () => {
    const dir = modelPath(name);
    const ref = await readReference(dir, "interventions.safetensors");
    const plan: Plan = JSON.parse(await Deno.readTextFile(`${dir}/interventions.json`));
    const engine = await Engine.load(dir, { gpu });
    const tokens = Array.from(ref.get("tokens")!), tokens2 = Array.from(ref.get("tokens2")!);
    const shape = [tokens.length, engine.config.vocabSize];
    const vector = engine.tensor(ref.get("vector") as Float32Array, [engine.config.hiddenSize]);
    const check = async (label: string, logits: Tensor<"f32">, want: string) => {
      const r = assertClose(`${name} ${label}`, await logits.toArray(), ref.get(want)!, {
        rel: TOLERANCE,
        shape,
      });
      console.log(`  ${name} ${label}: ${r.maxRel.toExponential(2)} of max|logit|`);
    };
    try {
      let r = await engine.forward(tokens, {
        allLogits: true,
        interventions: { [plan.add_vector.module]: (x) => x.addVector(vector) },
      });
      await check("add", r.logits, "logits_add");
      r.dispose();

      r = await engine.forward(tokens, {
        allLogits: true,
        interventions: { [plan.zero_mlp.module]: (x) => x.zerosLike() },
      });
      await check("zero_mlp", r.logits, "logits_zero_mlp");
      r.dispose();

      const source = await engine.forward(tokens2, { cache: [plan.patch.module] });
      const patchRow = source.cache.get(plan.patch.module)!.selectRows([plan.patch.position]);
      r = await engine.forward(tokens, {
        allLogits: true,
        interventions: {
          [plan.patch.module]: (x, ctx) =>
            x.withRows(plan.patch.position - ctx.positionStart, patchRow),
        },
      });
      await check("patch", r.logits, "logits_patch");
      r.dispose();
      patchRow.dispose();
      source.dispose();

      r = await engine.forward(tokens, {
        allLogits: true,
        interventions: { [plan.cleanup.module]: (x) => [x.addVector(vector), vector] },
        cleanupLayer: plan.cleanup.cleanup_layer,
      });
      await check("cleanup", r.logits, "logits_cleanup");
      r.dispose();

      const greedy: number[] = [];
      for await (
        const step of engine.generate(tokens, {
          maxNewTokens: 32,
          ignoreEos: true,
          interventions: { [plan.add_vector.module]: (x) => x.addVector(vector) },
        })
      ) greedy.push(step.token);
      assert.deepEqual(
        greedy,
        Array.from(ref.get("greedy_add")!),
        `${name}: greedy ids with the vector added`,
      );
    } finally {
      vector.dispose();
      engine.dispose();
    }
  });
}

Deno.test("caching: layers.N.input is layers.(N-1)'s output; an intervention leaves earlier layers unchanged", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  try {
    const tokens = [1, 403, 407, 261, 378, 432];
    const names = engine.moduleNames.filter((n) => n !== "lm_head");
    const plain = await engine.forward(tokens, { cache: names });
    const emb = await plain.cache.get("model.embed_tokens")!.toArray();
    assert.deepEqual(await plain.cache.get("model.layers.0.input")!.toArray(), emb);
    for (let l = 1; l < engine.config.numHiddenLayers; l++) {
      assert.deepEqual(
        await plain.cache.get(`model.layers.${l}.input`)!.toArray(),
        await plain.cache.get(`model.layers.${l - 1}`)!.toArray(),
      );
    }
    const edited = await engine.forward(tokens, {
      cache: names,
      interventions: { "model.layers.2.mlp": (x) => x.scale(3) },
    });
    const at = names.indexOf("model.layers.2.mlp");
    for (const [i, n] of names.entries()) {
      const a = await plain.cache.get(n)!.toArray(), b = await edited.cache.get(n)!.toArray();
      if (i < at) assert.deepEqual(b, a, `${n} precedes the intervention and must not change`);
      else if (n === "model.layers.2.mlp" || n === "model.norm") {
        assert.notDeepEqual(b, a, `${n} must change`);
      }
    }
    plain.dispose();
    edited.dispose();
  } finally {
    engine.dispose();
  }
});

Deno.test("continuing a KV cache gives the logits of one pass over the whole sequence", async () => {
  const engine = await Engine.load(modelPath("llama3-tiny"), { gpu, maxChunk: 7 });
  try {
    const ref = await readReference(modelPath("llama3-tiny"), "reference.safetensors");
    const tokens = Array.from(ref.get("tokens")!);
    const kvCache = engine.createCache();
    const first = await engine.forward(tokens.slice(0, 10), { kvCache });
    assert.equal(kvCache.length, 10);
    const rest = await engine.forward(tokens.slice(10), { kvCache, allLogits: true });
    const want = (ref.get("logits") as Float32Array).subarray(10 * 512);
    assertClose("continued logits", await rest.logits.toArray(), want, {
      rel: TOLERANCE,
      shape: [14, 512],
    });
    // A cache from another engine is refused.
    const other = await Engine.load(modelPath("llama3-tiny"), { gpu });
    await assert.rejects(other.forward([5], { kvCache }), /belongs to another engine/);
    other.dispose();
    // Continuing past the context is refused with the numbers.
    await assert.rejects(
      engine.forward(new Array(engine.contextLength).fill(5), { kvCache }),
      (e) =>
        e instanceof ContextLengthError &&
        /after 24 cached exceeds the context length/.test(e.message),
    );
    assert.equal(kvCache.length, 24, "a refused call adds no positions");
    first.dispose();
    rest.dispose();
    kvCache.dispose();
    await assert.rejects(engine.forward([5], { kvCache }), /disposed/);
  } finally {
    engine.dispose();
  }
});

Deno.test("bad interventions: wrong shape, NaN (debug), unknown names, direct effect without cleanup", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  try {
    const tokens = [1, 403, 407];
    const before = gpu.liveBuffers.count;
    await assert.rejects(
      engine.forward(tokens, { interventions: { "model.layers.1": (x) => x.selectRows([0]) } }),
      /model\.layers\.1: the intervention returned f32 \[1,64\], expected f32 \[3,64\]/,
    );
    await assert.rejects(
      engine.forward(tokens, {
        debug: true,
        // Overflows to Inf on the GPU where |x| > 1 (a non-finite factor is refused at once).
        interventions: { "model.layers.1": (x) => x.scale(3.4e38) },
      }),
      /model\.layers\.1: the intervention produced (Infinity|-Infinity|NaN) at row 0, column \d+ \(debug check\)/,
    );
    await assert.rejects(
      engine.forward(tokens, { interventions: { "model.layer.1": (x) => x } }),
      /interventions: unknown module "model\.layer\.1"/,
    );
    await assert.rejects(
      engine.forward(tokens, { cache: ["mlp"] }),
      /cache: unknown module "mlp"; valid names/,
    );
    await assert.rejects(
      engine.forward(tokens, { interventions: { "model.layers.1": (x) => [x, x] } }),
      /returned a direct effect but no cleanupLayer/,
    );
    await assert.rejects(
      engine.forward(tokens, {
        interventions: { "model.layers.3": (x) => x },
        cleanupLayer: "model.layers.1",
      }),
      /cleanupLayer model\.layers\.1 must come after the intervention at model\.layers\.3/,
    );
    assert.throws(() => engine.generate(tokens, { cache: ["nope"] }), /unknown module "nope"/);
    // Failed passes return their buffers: nothing but pool entries may remain.
    const r = await engine.forward(tokens);
    r.dispose();
    assert.ok(
      gpu.liveBuffers.count <= before + 4,
      `${gpu.liveBuffers.count - before} buffers leaked`,
    );
  } finally {
    engine.dispose();
  }
});

Deno.test("trace: save, assignment, one module's output used at a later one, order errors", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  try {
    const tokens = [1, 403, 407, 261, 378];
    // Adding layer 1's output to layer 3's, nnsight style ...
    const traced = await engine.trace(tokens, async (m) => {
      const h1 = (await m.layers[1].output).save();
      const mlp = (await m.module("model.layers.2.mlp").output).save();
      m.layers[3].output = (await m.layers[3].output).add(h1);
      return { h1, mlp };
    }, { allLogits: true });
    // ... equals the same edit through forward's interventions.
    let h1Copy: Tensor<"f32"> | undefined;
    const direct = await engine.forward(tokens, {
      allLogits: true,
      interventions: {
        "model.layers.1": (x) => void (h1Copy = x.clone().keep()),
        "model.layers.3": (x) => x.add(h1Copy!),
      },
    });
    assert.deepEqual(await traced.logits.toArray(), await direct.logits.toArray());
    const plain = await engine.forward(tokens, { cache: ["model.layers.1", "model.layers.2.mlp"] });
    assert.deepEqual(
      await traced.value.h1.toArray(),
      await plain.cache.get("model.layers.1")!.toArray(),
    );
    assert.deepEqual(
      await traced.value.mlp.toArray(),
      await plain.cache.get("model.layers.2.mlp")!.toArray(),
    );
    traced.value.h1.dispose();
    traced.value.mlp.dispose();
    h1Copy!.dispose();
    for (const r of [traced, direct, plain]) r.dispose();

    await assert.rejects(
      engine.trace(tokens, async (m) => {
        await m.layers[2].output;
        await m.layers[1].output;
      }),
      /model\.layers\.1 was accessed after model\.layers\.2 had run; access modules in execution order/,
    );
    await assert.rejects(
      engine.trace(tokens, (m) => m.module("model.layers.7.mlp")),
      /trace: unknown module "model\.layers\.7\.mlp"/,
    );
    await assert.rejects(
      engine.trace(tokens, async (m) => {
        await m.layers[0].output;
        throw new Error("user code failed");
      }),
      /user code failed/,
    );
    // The engine is still usable after an aborted trace.
    const again = await engine.forward(tokens);
    again.dispose();
  } finally {
    engine.dispose();
  }
});

Deno.test("generate: each step carries its cached values; interventions apply at every step", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  try {
    const prompt = [1, 403, 407, 261, 378];
    const widths: number[][] = [];
    const tokens: number[] = [];
    for await (
      const step of engine.generate(prompt, { maxNewTokens: 4, cache: ["model.layers.2"] })
    ) {
      const t = step.cache!.get("model.layers.2")!;
      widths.push([...t.shape]);
      tokens.push(step.token);
    }
    assert.deepEqual(widths, [[5, 64], [1, 64], [1, 64], [1, 64]]);
    // The cached rows equal one forward pass over the whole sequence.
    const seq = [...prompt, ...tokens.slice(0, 3)];
    const full = await engine.forward(seq, { cache: ["model.layers.2"] });
    const rows = await full.cache.get("model.layers.2")!.toArray();
    const cached: number[] = [];
    for await (
      const step of engine.generate(prompt, { maxNewTokens: 4, cache: ["model.layers.2"] })
    ) {
      cached.push(...await step.cache!.get("model.layers.2")!.toArray());
    }
    assertClose("per-step cache", cached.slice(0, rows.length), rows, { rel: 1e-5 });
    full.dispose();
  } finally {
    engine.dispose();
  }
});
