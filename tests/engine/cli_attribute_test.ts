// `loupe attribute` in-process: the file it writes holds the metric, the
// target and every gradient, matching the float64 autograd reference.

import assert from "node:assert/strict";
import { attributeMain } from "../../demo/cli_attribute.ts";
import { openSafetensors } from "../../engine/formats/safetensors.ts";
import { openSource } from "../../engine/formats/source.ts";
import { assertClose } from "../util/compare.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";

Deno.test("loupe attribute: writes metric, target, grad.<module>, patching.<module> and SAE attribution", async () => {
  const folder = modelPath("stories260K");
  const ref = await readReference(folder, "gradients.safetensors");
  const tokens = (await readReference(folder, "reference.safetensors")).get("tokens")!;
  const corrupt = ref.get("corrupt_tokens")!;
  const dir = await Deno.makeTempDir();
  try {
    const code = await attributeMain([
      "--model",
      folder,
      "--tokens",
      Array.from(tokens).join(","),
      "--out",
      `${dir}/grads.safetensors`,
      "--corrupt",
      Array.from(corrupt).join(","),
      "--sae",
      `${FIXTURES}saes/stories260K-layer2/goodfire-f32.pth`,
      "--layer",
      "model.layers.2",
      "--json",
    ]);
    assert.equal(code, 0);
    const file = await openSafetensors(await openSource(dir), "grads.safetensors");
    try {
      const names = [...file.tensors.keys()];
      // 5 layers x (output, self_attn, mlp) + the embedding, and metric, target, tokens.
      assert.equal(names.filter((n) => n.startsWith("grad.")).length, 16, names.join(", "));
      assert.equal((await file.readTensor("target"))[0], 417);
      for (const name of ["grad.model.embed_tokens", "grad.model.layers.2.self_attn"]) {
        assertClose(name, await file.readTensor(name), ref.get(name)!, {
          rel: 1e-4,
          shape: [24, 64],
        });
      }
    } finally {
      file.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loupe attribute --graph: writes circuit-tracer graph JSON (no --out needed)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const code = await attributeMain([
      "--model",
      modelPath("stories260K"),
      "--tokens",
      "1,403,407,261,378",
      "--sae",
      `${FIXTURES}saes/stories260K-layer2/goodfire-f32.pth`,
      "--layer",
      "model.layers.2",
      "--graph",
      `${dir}/graph.json`,
    ]);
    assert.equal(code, 0);
    const doc = JSON.parse(await Deno.readTextFile(`${dir}/graph.json`));
    assert.deepEqual(Object.keys(doc).sort(), ["links", "metadata", "nodes", "qParams"]);
    assert.equal(doc.metadata.prompt_tokens.length, 5);
    assert.equal(
      doc.nodes.filter((n: { is_target_logit: boolean }) => n.is_target_logit).length,
      1,
    );
    assert.ok(doc.links.length > 0);
    const { logit, edge_sum_plus_bias: sum } = doc.metadata.loupe;
    assert.ok(Math.abs(sum - logit) <= 1e-4 * Math.max(1, Math.abs(logit)), `${sum} vs ${logit}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loupe attribute: usage errors exit 2", async () => {
  assert.equal(await attributeMain(["--tokens", "1,2"]), 2); // no --out
  assert.equal(await attributeMain(["--tokens", "1,x", "--out", "/dev/null"]), 2);
  assert.equal(await attributeMain(["--tokens", "1", "--out", "/dev/null", "--quant", "q5"]), 2);
  assert.equal(await attributeMain(["--bogus"]), 2);
  assert.equal(await attributeMain(["--tokens", "1,2", "--corrupt", "1", "--out", "/dev/null"]), 2);
  assert.equal(await attributeMain(["--tokens", "1", "--out", "/dev/null", "--sae", "x.pth"]), 2);
  assert.equal(await attributeMain(["--tokens", "1,2", "--graph", "/dev/null"]), 2); // no SAE
});
