// Attribution graphs (sae/attribution_graph.ts) on stories260K with its
// layer-2 SAE: every edge against the float64 frozen-model reference run
// forward from each source (sae/attribution_graph_reference.ts), completeness
// at the logit, pruning properties and bad input.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { readHostModel } from "../../engine/model/backward_reference.ts";
import { Sae } from "../../sae/sae.ts";
import { attachSae } from "../../sae/attach.ts";
import { attributionGraph } from "../../sae/attribution_graph.ts";
import { attributionGraphReference } from "../../sae/attribution_graph_reference.ts";
import { pruneGraph } from "../../sae/attribution_graph_prune.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";

const DIR = `${FIXTURES}saes/stories260K-layer2`;

Deno.test("attributionGraph: stories260K layer 2 edges match the f64 frozen model; completeness", async () => {
  const gpu = await testGpu();
  const ref = await readReference(DIR, "attribution.safetensors");
  const tokens = Array.from(ref.get("tokens")!).slice(0, 8);
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(`${DIR}/goodfire-f32.pth`, engine);
  const site = attachSae(engine, "model.layers.2", sae);
  try {
    const t0 = performance.now();
    const g = await attributionGraph([site], tokens);
    const ms = performance.now() - t0;
    const n = g.nodes.length, nF = g.nodes.filter((x) => x.kind === "feature").length;
    console.log(`  ${n} nodes (${nF} features), graph in ${ms.toFixed(0)} ms`);
    const host = await readHostModel(engine.config, engine.weights);
    const w = await sae.readWeights();
    const r = attributionGraphReference(host, tokens, [
      { module: site.module, weights: w, dSae: sae.dSae, center: sae.applyBDecToInput },
    ], g.nodes);
    // Compare computed rows only; scale: the largest |edge| of each row.
    let worst = 0;
    for (let i = 0; i < n; i++) {
      if (!g.computed[i]) continue;
      let max = 0, diff = 0;
      for (let j = 0; j < n; j++) {
        max = Math.max(max, Math.abs(r.adjacency[i * n + j]));
        diff = Math.max(diff, Math.abs(r.adjacency[i * n + j] - g.adjacency[i * n + j]));
      }
      if (max > 0) worst = Math.max(worst, diff / max);
    }
    console.log(`  worst edge error ${worst.toExponential(2)} of its row's largest edge`);
    assert.ok(worst <= 1e-4, `edge error ${worst}`);
    const logitRow = n - 1;
    let sum = g.bias[logitRow];
    for (let j = 0; j < n; j++) sum += g.adjacency[logitRow * n + j];
    let refSum = r.bias;
    for (let j = 0; j < n; j++) refSum += r.adjacency[logitRow * n + j];
    console.log(
      `  logit ${g.logit}, sum of edges + bias ${sum} (gap ${
        (sum - g.logit).toExponential(2)
      }); f64: ${r.logit} vs ${refSum}`,
    );
    assert.ok(Math.abs(refSum - r.logit) <= 1e-9 * Math.max(1, Math.abs(r.logit)));
    assert.ok(Math.abs(sum - g.logit) <= 1e-4 * Math.max(1, Math.abs(g.logit)));
    const p = pruneGraph(g);
    console.log(`  pruned: ${p.nodeCount} nodes, ${p.edgeCount} edges`);
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
});
