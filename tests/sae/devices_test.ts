// SAEs on engines spread over several devices: an SAE lives on the device of
// its layer, and whatever it computes there (cached features and error,
// steering) stays there. Compared with the one-device results and the
// reference.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { attachSae, Sae } from "../../sae/mod.ts";
import { UsageError } from "../../engine/errors.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";
import { assertClose } from "../util/compare.ts";
import { readReference as readOutput } from "../util/fixtures.ts";

const DIR = `${FIXTURES}saes/stories260K-layer2`;
const CLI = new URL("../../demo/cli.ts", import.meta.url).pathname;

Deno.test("SAE features and error cached on a layer of the second device equal the reference", async () => {
  const ref = await readReference(DIR, "reference.safetensors");
  const tokens = Array.from(ref.get("tokens")!);
  const engine = await Engine.load(modelPath("stories260K"), { devices: 2, placement: [2, 3] });
  try {
    const sae = await Sae.load(`${DIR}/goodfire.pth`, engine.deviceOf("model.layers.2"));
    const site = attachSae(engine, "model.layers.2", sae);
    const r = await engine.forward(tokens, { cache: [site.features, site.error, site.module] });
    const f = r.cache.get(site.features)!;
    assert.equal(f.gpu, engine.devices[1]);
    assertClose("features", await f.toArray(), ref.get("features") as Float32Array, { rel: 1e-4 });
    const x = ref.get("input") as Float32Array, recon = ref.get("reconstruction") as Float32Array;
    const err = await r.cache.get(site.error)!.toArray();
    assertClose("error", err, x.map((v, i) => v - recon[i]), { rel: 1e-4 });
    r.dispose();
    sae.dispose();
  } finally {
    engine.dispose();
  }
});

Deno.test("3 devices: SAE features cached and steered on every device equal one device's", async () => {
  const layers = ["model.layers.0", "model.layers.2", "model.layers.4"];
  const tokens = Array.from((await readReference(DIR, "reference.safetensors")).get("tokens")!);
  async function runOn(engine: Engine) {
    // stories260K's layers are all 64 wide: the layer-2 SAE fits each of them.
    const saes = await Promise.all(
      layers.map((l) => Sae.load(`${DIR}/goodfire.pth`, engine.deviceOf(l))),
    );
    const sites = layers.map((l, i) => attachSae(engine, l, saes[i]));
    try {
      const r = await engine.forward(tokens, {
        allLogits: true,
        cache: sites.map((s) => s.features),
        interventions: Object.assign({}, ...sites.map((s) => s.steer([{ feature: 989, add: 2 }]))),
      });
      const out = {
        logits: await r.logits.toArray(),
        features: await Promise.all(sites.map((s) => r.cache.get(s.features)!.toArray())),
        devices: sites.map((s) => r.cache.get(s.features)!.gpu),
      };
      r.dispose();
      return out;
    } finally {
      for (const s of saes) s.dispose();
    }
  }
  const one = await Engine.load(modelPath("stories260K"));
  const want = await runOn(one).finally(() => one.dispose());
  const three = await Engine.load(modelPath("stories260K"), { devices: 3, placement: [1, 2, 2] });
  try {
    const got = await runOn(three);
    assert.deepEqual(got.devices, three.devices, "each layer's features on its own device");
    assertClose("logits", got.logits, want.logits, { rel: 1e-5 });
    for (let i = 0; i < layers.length; i++) {
      assertClose(layers[i], got.features[i], want.features[i], { rel: 1e-5 });
    }
  } finally {
    three.dispose();
  }
});

Deno.test("abortWhen on a layer of the first device stops a 2-device generation (its flag read on its own)", async () => {
  const tokens = Array.from((await readReference(DIR, "reference.safetensors")).get("tokens")!);
  // Layers 0-1 on device 0, the rest (and sampling) on device 1.
  const engine = await Engine.load(modelPath("stories260K"), { devices: 2, placement: [2, 3] });
  try {
    const sae = await Sae.load(`${DIR}/goodfire.pth`, engine.deviceOf("model.layers.1"));
    assert.equal(sae.gpu, engine.devices[0]);
    const site = attachSae(engine, "model.layers.1", sae);
    const plain: number[] = [];
    for await (const s of engine.generate(tokens, { maxNewTokens: 3, ignoreEos: true })) {
      plain.push(s.token);
    }
    // Features are never negative: the first generated position (fed in step 1) stops it.
    const abortWhen = [{
      feature: 989,
      above: -1,
      reason: "first generated",
      scope: "generated" as const,
    }];
    const stream = engine.generate(tokens, {
      maxNewTokens: 3,
      ignoreEos: true,
      interventions: site.steer([], { abortWhen }),
    });
    const got: number[] = [];
    for await (const s of stream) got.push(s.token);
    assert.deepEqual(got, plain.slice(0, 1));
    assert.deepEqual(stream.aborted, {
      reason: "first generated",
      position: tokens.length,
      step: 1,
    });
    sae.dispose();
  } finally {
    engine.dispose();
  }
});

Deno.test("a direct effect returned on one device is cleaned up on another", async () => {
  const ref = await readReference(modelPath("stories260K"), "interventions.safetensors");
  const tokens = Array.from(ref.get("tokens")!);
  const engine = await Engine.load(modelPath("stories260K"), { devices: 2, placement: [2, 3] });
  try {
    // The reference cleanup: add `vector` at model.layers.1 (gpu0), subtract it at model.layers.4 (gpu1).
    const vector = engine.tensorFor("model.layers.1", ref.get("vector") as Float32Array, [64]);
    const r = await engine.forward(tokens, {
      allLogits: true,
      interventions: { "model.layers.1": (x) => [x.addVector(vector), vector] },
      cleanupLayer: "model.layers.4",
    });
    const want = ref.get("logits_cleanup") as Float32Array;
    assertClose("logits_cleanup", await r.logits.toArray(), want, { rel: 1e-4 });
    r.dispose();
    vector.dispose();
  } finally {
    engine.dispose();
  }
});

Deno.test("loupe run --devices 2 with an SAE on a layer of the second device steers and caches", async () => {
  const cli = async (devices: string, out: string) => {
    const r = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        CLI,
        "run",
        "--tokens",
        "1,403,407,261,378",
        "--devices",
        devices,
        "--sae",
        `${DIR}/goodfire.pth`,
        "--layer",
        "model.layers.3",
        "--steer",
        "1:add=3",
        "--cache",
        "model.layers.3.sae.features",
        "--out",
        out,
      ],
      stdin: "null",
    }).output();
    assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
  };
  const dir = await Deno.makeTempDir();
  try {
    await cli("2", `${dir}/two.safetensors`);
    await cli("1", `${dir}/one.safetensors`);
    const two = await readOutput(dir, "two.safetensors");
    const one = await readOutput(dir, "one.safetensors");
    assert.deepEqual([...two.keys()].sort(), ["cache.model.layers.3.sae.features", "logits"]);
    for (const [name, want] of one) assertClose(name, two.get(name)!, want, { rel: 1e-5 });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("Sae.load(src, engine, { module }) loads on the module's device; without module, 2 devices refuse to guess", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { devices: 2, placement: [2, 3] });
  try {
    const sae = await Sae.load(`${DIR}/goodfire.pth`, engine, { module: "model.layers.3" });
    try {
      assert.equal(
        sae.gpu.name,
        engine.devices[1].name,
        "model.layers.3 runs on the second device",
      );
      attachSae(engine, "model.layers.3", sae).detach();
    } finally {
      sae.dispose();
    }
    const first = await Sae.load(`${DIR}/goodfire.pth`, engine, { module: "model.layers.0" });
    try {
      assert.equal(first.gpu.name, engine.devices[0].name);
      assert.throws(
        () => attachSae(engine, "model.layers.3", first),
        (e: Error) =>
          e instanceof UsageError &&
          /Sae\.load\(src, engine, \{ module: "model\.layers\.3" \}\)/.test(e.message),
      );
    } finally {
      first.dispose();
    }
    await assert.rejects(
      Sae.load(`${DIR}/goodfire.pth`, engine),
      (e: Error) => e instanceof UsageError && /runs on 2 devices; name the module/.test(e.message),
    );
    await assert.rejects(
      Sae.load(`${DIR}/goodfire.pth`, engine, { module: "model.layers.9" }),
      /unknown module|model\.layers\.9/,
    );
  } finally {
    engine.dispose();
  }
});

Deno.test("SAE calls compose in engine.trace on the second device, like Tensor ops; a foreign tensor is a UsageError", async () => {
  const tokens = Array.from((await readReference(DIR, "reference.safetensors")).get("tokens")!);
  const engine = await Engine.load(modelPath("stories260K"), { devices: 2, placement: [2, 3] });
  const layer = "model.layers.3", edits = [{ feature: 989, add: 2 }];
  const sae = await Sae.load(`${DIR}/goodfire.pth`, engine, { module: layer });
  const site = attachSae(engine, layer, sae);
  try {
    // In a trace function's turn: no recorder in sight, results made on x's device.
    const traced = await engine.trace(tokens, async (m) => {
      const x = await m.layers[3].output;
      const features = sae.encode(x).save();
      const top = sae.topFeatures(x, 3);
      const error = sae.error(x).add(sae.decode(sae.encode(x))).save();
      const input = x.clone().save(); // before steer, which edits x in place
      m.layers[3].output = sae.steer(x, edits);
      return { features, indices: top.indices.save(), error, input };
    }, { allLogits: true });
    const { features, indices, error, input } = traced.value;
    // Names, not Gpu objects: a failing comparison would print whole devices.
    const where = [features, indices, error].map((t) => t.gpu.name);
    assert.deepEqual(where, Array(3).fill(engine.devices[1].name));
    // The same through the attachment: the cached features of the plain pass,
    // the logits of the steering intervention.
    const plain = await engine.forward(tokens, { cache: [site.features] });
    const direct = await engine.forward(tokens, {
      allLogits: true,
      interventions: site.steer(edits),
    });
    assert.deepEqual(await features.toArray(), await plain.cache.get(site.features)!.toArray());
    assert.deepEqual(await traced.logits.toArray(), await direct.logits.toArray());
    const x = await input.toArray(), topIds = await indices.toArray();
    assertClose("error + decode(encode(x))", await error.toArray(), x, { rel: 1e-5 });
    const want = await sae.topFeaturesToArray(x, 3);
    assert.deepEqual(topIds, want.indices);
    for (const t of [features, indices, error, input]) t.dispose();
    for (const r of [traced, plain, direct]) r.dispose();

    // x on the first device: refused by the SAE, not left to a WebGPU validation error.
    const foreign = engine.tensorFor("model.layers.0", new Float32Array(64 * 2), [2, 64]);
    try {
      for (const call of [() => sae.encode(foreign), () => sae.steer(foreign, edits)]) {
        assert.throws(call, (e: Error) =>
          e instanceof UsageError &&
          /lives on .*; load the SAE on the device of its module/.test(e.message));
      }
    } finally {
      foreign.dispose();
    }
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
});
