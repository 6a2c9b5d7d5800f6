// SAEs on engines spread over several devices: an SAE lives on the device of
// its layer, and whatever it computes there (cached features and error,
// steering) stays there. Compared with the one-device results and the
// reference.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { attachSae, Sae } from "../../sae/mod.ts";
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
