// Attribution graphs (sae/attribution_graph.ts) on stories260K with its
// layer-2 SAE: every edge against the float64 frozen-model reference run
// forward from each source (sae/attribution_graph_reference.ts), completeness
// at the logit; two seeded SAEs on llama3-tiny (an MLP site and a residual
// site: feature -> feature edges); pruning properties, the JSON export's
// schema and bad input.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { readHostModel } from "../../engine/model/backward_reference.ts";
import { Sae } from "../../sae/sae.ts";
import { attachSae } from "../../sae/attach.ts";
import { attributionGraph } from "../../sae/attribution_graph.ts";
import { attributionGraphReference } from "../../sae/attribution_graph_reference.ts";
import { findThreshold, influence, pruneGraph } from "../../sae/attribution_graph_prune.ts";
import { attributionGraphJson, type GraphJson } from "../../sae/attribution_graph_json.ts";
import type { AttributionGraph } from "../../sae/attribution_graph.ts";
import type { SaeAttachment } from "../../sae/attach.ts";
import type { ReferenceSite } from "../../sae/attribution_graph_reference.ts";
import { UsageError } from "../../engine/errors.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";
import { randomSae, saeLensFiles, writeFolder } from "../util/sae_build.ts";

const DIR = `${FIXTURES}saes/stories260K-layer2`;

/** Worst |GPU - f64| over every computed row, of that row's largest |edge|. */
function edgeError(g: AttributionGraph, ref: Float64Array): number {
  const n = g.nodes.length;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    if (!g.computed[i]) continue;
    let max = 0, diff = 0;
    for (let j = 0; j < n; j++) {
      max = Math.max(max, Math.abs(ref[i * n + j]));
      diff = Math.max(diff, Math.abs(ref[i * n + j] - g.adjacency[i * n + j]));
    }
    if (max > 0) worst = Math.max(worst, diff / max);
  }
  return worst;
}

/** Sum of the logit's incoming edges plus its bias, minus the logit. */
function completenessGap(g: AttributionGraph): number {
  const n = g.nodes.length, row = g.nodes.findIndex((x) => x.kind === "logit");
  let sum = g.bias[row];
  for (let j = 0; j < n; j++) sum += g.adjacency[row * n + j];
  return sum - g.logit;
}

async function referenceSites(sites: SaeAttachment[]): Promise<ReferenceSite[]> {
  return await Promise.all(sites.map(async (s) => ({
    module: s.module,
    weights: await s.sae.readWeights(),
    dSae: s.sae.dSae,
    center: s.sae.applyBDecToInput,
  })));
}

/** circuit-tracer's frontend fields, types and references. */
function checkSchema(doc: GraphJson, g: AttributionGraph): void {
  for (const k of ["slug", "scan", "prompt"] as const) {
    assert.equal(typeof doc.metadata[k], "string");
  }
  assert.equal(doc.metadata.prompt_tokens.length, g.tokens.length);
  assert.deepEqual(Object.keys(doc.qParams).sort(), [
    "clickedId",
    "linkType",
    "pinnedIds",
    "sg_pos",
    "supernodes",
  ]);
  const ids = new Set(doc.nodes.map((x) => x.node_id));
  assert.equal(ids.size, doc.nodes.length, "node ids are unique");
  const types = ["cross layer transcoder", "mlp reconstruction error", "embedding", "logit"];
  for (const x of doc.nodes) {
    assert.ok(types.includes(x.feature_type), x.feature_type);
    for (const k of ["feature", "ctx_idx", "token_prob", "run_idx", "reverse_ctx_idx"] as const) {
      assert.equal(typeof x[k], "number", `${x.node_id}.${k}`);
    }
    for (const k of ["layer", "jsNodeId", "clerp"] as const) assert.equal(typeof x[k], "string");
    assert.equal(typeof x.is_target_logit, "boolean");
  }
  assert.equal(doc.nodes.filter((x) => x.is_target_logit).length, 1);
  assert.equal(doc.nodes.filter((x) => x.feature_type === "embedding").length, g.tokens.length);
  for (const l of doc.links) {
    assert.ok(ids.has(l.source) && ids.has(l.target), `${l.source} -> ${l.target}`);
    assert.ok(Number.isFinite(l.weight) && l.weight !== 0);
  }
  JSON.parse(JSON.stringify(doc)); // plain data
}

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
    const r = attributionGraphReference(host, tokens, await referenceSites([site]), g.nodes);
    assert.ok(g.computed.every((c, i) => c || g.nodes[i].kind !== "feature"), "every row computed");
    const worst = edgeError(g, r.adjacency);
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
    // Pruning: embeddings and the logit always stay; kept features have edges in
    // and out; a lower node threshold keeps a subset.
    g.nodes.forEach((nd, i) => {
      if (nd.kind === "embedding" || nd.kind === "logit") assert.ok(p.nodeMask[i]);
      if (!p.nodeMask[i] || (nd.kind !== "feature" && nd.kind !== "error")) return;
      let into = false, out = false;
      for (let j = 0; j < n; j++) {
        into ||= p.edgeMask[i * n + j] === 1;
        out ||= p.edgeMask[j * n + i] === 1;
      }
      assert.ok(out && (into || nd.kind === "error"), `node ${i} kept without edges`);
    });
    const tight = pruneGraph(g, { nodeThreshold: 0.5 });
    assert.ok(tight.nodeMask.every((k, i) => !k || p.nodeMask[i]), "0.5 keeps a subset of 0.8");
    assert.ok(tight.nodeCount < p.nodeCount);
    const all = pruneGraph(g, { nodeThreshold: 1, edgeThreshold: 1 });
    assert.ok(all.nodeCount >= p.nodeCount);
    const doc = attributionGraphJson(g, { pruned: p });
    checkSchema(doc, g);
    assert.equal(doc.links.length, p.edgeCount);
    // A feature's influence (cumulative share) is in (0, 1].
    for (const x of doc.nodes) {
      if (x.influence !== null) assert.ok(x.influence > 0 && x.influence <= 1);
    }
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
});

Deno.test("attributionGraph: two seeded SAEs on llama3-tiny (mlp 1, layer 3) match the f64 frozen model", async () => {
  const gpu = await testGpu();
  const engine = await Engine.load(modelPath("llama3-tiny"), { gpu });
  const h = engine.config.hiddenSize, dSae = 24;
  const specs = [
    { module: "model.layers.1.mlp", seed: 31, cfg: { architecture: "standard" } },
    {
      module: "model.layers.3",
      seed: 32,
      cfg: { architecture: "jumprelu", apply_b_dec_to_input: true },
    },
  ];
  const sites: SaeAttachment[] = [];
  const dirs: string[] = [];
  try {
    for (const s of specs) {
      const w = randomSae(s.seed, h, dSae, s.cfg.architecture === "jumprelu");
      dirs.push(await writeFolder(saeLensFiles(w, h, dSae, s.cfg)));
      const sae = await Sae.load(dirs[dirs.length - 1], engine);
      sites.push(attachSae(engine, s.module, sae));
    }
    const tokens = [1, 57, 300, 12, 99, 410];
    const g = await attributionGraph(sites, tokens, { batch: 7 });
    const host = await readHostModel(engine.config, engine.weights);
    const r = attributionGraphReference(host, tokens, await referenceSites(sites), g.nodes);
    const n = g.nodes.length;
    // Feature -> feature edges exist (layer 1's MLP features into layer 3's).
    let crossLayer = 0;
    g.nodes.forEach((t, i) => {
      if (t.kind !== "feature" || t.site !== 1) return;
      g.nodes.forEach((s, j) => {
        if (s.kind === "feature" && s.site === 0 && g.adjacency[i * n + j] !== 0) crossLayer++;
      });
    });
    const worst = edgeError(g, r.adjacency), gap = completenessGap(g);
    const nF = g.nodes.filter((x) => x.kind === "feature").length;
    console.log(
      `  ${n} nodes (${nF} features), ${crossLayer} feature->feature edges; worst edge error ` +
        `${worst.toExponential(2)}; completeness gap ${gap.toExponential(2)} on logit ${g.logit}`,
    );
    assert.ok(crossLayer > 0);
    assert.ok(worst <= 1e-4, `edge error ${worst}`);
    assert.ok(Math.abs(gap) <= 1e-4 * Math.max(1, Math.abs(g.logit)), `gap ${gap}`);
    // Completeness at every feature: its incoming edges + bias + b_enc (- W_enc b_dec when
    // centering) give its pre-activation, which equals its activation where it fires.
    const host2 = await referenceSites(sites);
    let worstFeature = 0;
    g.nodes.forEach((nd, i) => {
      if (nd.kind !== "feature" || !g.computed[i]) return;
      const w = host2[nd.site!].weights;
      let pre = g.bias[i] + w.bEnc[nd.id];
      if (host2[nd.site!].center) {
        for (let k = 0; k < h; k++) pre -= w.wEnc[nd.id * h + k] * w.bDec[k];
      }
      for (let j = 0; j < n; j++) pre += g.adjacency[i * n + j];
      worstFeature = Math.max(
        worstFeature,
        Math.abs(pre - nd.activation) / Math.max(1, Math.abs(nd.activation)),
      );
    });
    console.log(`  feature completeness: worst ${worstFeature.toExponential(2)}`);
    assert.ok(worstFeature <= 1e-4, `feature completeness ${worstFeature}`);
    // Feature activations agree with the f64 SAE on the f64 forward.
    g.nodes.forEach((nd, i) => {
      if (nd.kind !== "feature") return;
      assert.ok(
        Math.abs(nd.activation - r.activation[i]) <= 1e-4 * Math.max(1, Math.abs(r.activation[i])),
      );
    });
    // With few rows allowed, only that many features get incoming edges, chosen by influence.
    const few = await attributionGraph(sites, tokens, { maxFeatureNodes: 5, batch: 3 });
    assert.equal(few.computed.filter((c, i) => c && few.nodes[i].kind === "feature").length, 5);
  } finally {
    for (const s of sites) {
      s.detach();
      s.sae.dispose();
    }
    engine.dispose();
    for (const d of dirs) await Deno.remove(d, { recursive: true });
  }
});

Deno.test("attributionGraph: bad input is a UsageError naming the problem", async () => {
  const gpu = await testGpu();
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(`${DIR}/goodfire-f32.pth`, engine);
  const a = attachSae(engine, "model.layers.2", sae);
  const b = attachSae(engine, "model.layers.2.mlp", sae);
  const norm = attachSae(engine, "model.layers.1.input_layernorm", sae);
  try {
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => attributionGraph([], [1, 2]), /no SAE attached/],
      [() => attributionGraph([a], [1, 2], { target: 512 }), /target 512 is not a token id/],
      [() => attributionGraph([a], [1, 2], { target: 1.5 }), /not a token id/],
      [() => attributionGraph([a, b], [1, 2]), /two sites on layer 2/],
      [() => attributionGraph([norm], [1, 2]), /not a site; want model.layers.N/],
      [() => attributionGraph([a], [1, 2], { batch: 0 }), /batch >= 1/],
      [() => attributionGraph([a], []), /an empty prompt/],
    ];
    for (const [f, msg] of cases) {
      await assert.rejects(f, (e: Error) => e instanceof UsageError && msg.test(e.message));
    }
    await assert.rejects(() => attributionGraph([a], [1, 9999]), /9999/);
    assert.throws(
      () => pruneGraph({ nodes: [] } as unknown as AttributionGraph, { nodeThreshold: 2 }),
      /nodeThreshold/,
    );
  } finally {
    for (const s of [a, b, norm]) s.detach();
    sae.dispose();
    engine.dispose();
  }
});

Deno.test("pruning helpers: influence through a small graph and the cumulative threshold", () => {
  // 0 -> 1 -> 2 (logit) and 0 -> 2; rows are targets.
  const n = 3, a = new Float64Array(n * n);
  a[1 * n + 0] = 1;
  a[2 * n + 1] = 0.5;
  a[2 * n + 0] = 0.5;
  const w = Float64Array.of(0, 0, 1);
  const inf = influence(a, n, w);
  // Node 1: 0.5; node 0: 0.5 directly + 0.5 * 1 through node 1.
  assert.deepEqual(Array.from(inf), [1, 0.5, 0]);
  assert.equal(findThreshold([5, 3, 2], 0.5), 5);
  assert.equal(findThreshold([5, 3, 2], 0.8), 3);
  assert.equal(findThreshold([5, 3, 2], 1), 2);
  const cyclic = Float64Array.of(0, 1, 1, 0);
  assert.throws(() => influence(cyclic, 2, Float64Array.of(1, 0)), /did not converge/);
});
