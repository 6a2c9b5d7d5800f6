// The CLI in-process: every command frees the SAE it loaded (detached from the
// engine first) and the vectors its --intervene flags uploaded, on success and
// on failure.

import assert from "node:assert/strict";
import { main } from "../../demo/cli.ts";
import { Engine } from "../../engine/engine.ts";
import type { Tensor } from "../../engine/ops/tensor.ts";
import { Sae } from "../../sae/sae.ts";
import { FIXTURES, modelPath } from "../util/fixtures.ts";

const MODEL = modelPath("stories260K");
const SAE = [
  "--sae",
  `${FIXTURES}saes/stories260K-layer2/goodfire.pth`,
  "--layer",
  "model.layers.2",
];
const VECTOR = `model.layers.1:add=${MODEL}/vector.safetensors`;

/** Runs `args` with Sae.dispose and Engine.tensor watched; returns what was made and freed. */
async function watched(args: string[]) {
  const saeDispose = Sae.prototype.dispose, engineTensor = Engine.prototype.tensor;
  const saes = { disposed: 0 }, tensors: { disposed: boolean }[] = [];
  Sae.prototype.dispose = function (this: Sae) {
    saes.disposed++;
    return saeDispose.call(this);
  };
  Engine.prototype.tensor = function (this: Engine, ...a: Parameters<Engine["tensor"]>) {
    const t: Tensor<"f32"> = engineTensor.apply(this, a);
    const seen = { disposed: false };
    tensors.push(seen);
    const dispose = t.dispose.bind(t);
    t.dispose = () => {
      seen.disposed = true;
      dispose();
    };
    return t;
  };
  try {
    const code = await main(args);
    return { code, saes, tensors };
  } finally {
    Sae.prototype.dispose = saeDispose;
    Engine.prototype.tensor = engineTensor;
  }
}

Deno.test("loupe run, generate and features free their SAE and intervention vectors", async () => {
  const out = await Deno.makeTempFile({ suffix: ".safetensors" });
  const log = console.log, error = console.error;
  console.log = console.error = () => {};
  try {
    const common = ["--model", MODEL, "--tokens", "1,403,407", ...SAE, "--steer", "989:add=4"];
    for (
      const args of [
        ["run", ...common, "--out", out, "--intervene", VECTOR],
        ["generate", ...common, "--max-tokens", "3", "--json", "--intervene", VECTOR],
        ["features", "--model", MODEL, "--tokens", "1,403,407", ...SAE, "--json"],
        // Fails after both loaded: an unknown module in --cache.
        ["run", ...common, "--out", out, "--intervene", VECTOR, "--cache", "model.nope"],
      ]
    ) {
      const r = await watched(args);
      assert.equal(r.code, args.includes("model.nope") ? 1 : 0, `exit code of ${args[0]}`);
      assert.equal(r.saes.disposed, 1, `${args[0]}: the SAE must be disposed once`);
      assert.ok(r.tensors.every((t) => t.disposed), `${args[0]}: intervention vectors left`);
      if (args.includes("--intervene")) assert.equal(r.tensors.length, 1);
    }
  } finally {
    console.log = log;
    console.error = error;
    await Deno.remove(out);
  }
});
