// Attribution graphs over attached SAEs: circuit-tracer's recipe (Ameisen et
// al. 2025) with residual-stream (or MLP / attention output) SAEs in place of
// transcoders. Nodes: every active SAE feature at every site and position, one
// error node per (site, position) (x - decode(f), held constant), one
// embedding node per position, and the target logit l_y at the last position.
// Edges are direct effects in the *frozen* model (engine/model/frozen_backward.ts):
// attention probabilities, RMSNorm scales and the MLPs' SiLU(gate) held at
// their values on the prompt, so everything between nodes is linear. For a
// source s and target t, edge = activation(s) * d(t's pre-activation)/d(s)
// along paths through no other node; a site's output is replaced by its nodes,
// so paths end there. Targets are computed by batched frozen backwards (the
// logit first, then features in order of influence on it, circuit-tracer's
// order), sources read off at the sites and the embedding.
//
// Completeness: the frozen model is linear with no constant term, so the
// target logit equals the sum of its incoming edges plus `bias` (the sites'
// decoder biases pushed through), up to f32 rounding.

import type { Engine, ForwardResult } from "../engine/engine.ts";
import { UsageError } from "../engine/errors.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { FrozenBackwardPlan, sitePoint } from "../engine/model/frozen_backward.ts";
import { LlamaModules } from "../engine/model/modules.ts";
import { linear } from "../shaders/linear.ts";
import { linearBackward } from "../shaders/linear_backward.ts";
import type { SaeAttachment } from "./attach.ts";
import { nodeInfluence } from "./attribution_graph_prune.ts";

/** Options of {@link attributionGraph}. */
export interface AttributionGraphOptions {
  /** The target token (the logit node); default the greedy next token. */
  target?: number;
  /**
   * Features whose incoming edges are computed, chosen by influence on the
   * logit as rows arrive (default 512). Others stay nodes with outgoing edges only.
   */
  maxFeatureNodes?: number;
  /**
   * Frozen backward passes per submission (default 16), fewer if their packed
   * outputs would not fit one storage binding.
   */
  batch?: number;
}

/** One node of an attribution graph. */
export interface GraphNode {
  /** "feature", "error" (SAE reconstruction error), "embedding" or "logit". */
  kind: "feature" | "error" | "embedding" | "logit";
  /** Index into `sites` for features and errors, else null. */
  site: number | null;
  /** The decoder layer of the site; null for embeddings and the logit. */
  layer: number | null;
  /** Prompt position (the last one for the logit). */
  position: number;
  /** Feature id; the token id for embeddings and the logit; -1 for errors. */
  id: number;
  /** Feature activation; the logit's value; |error| and |embedding| as L2 norms. */
  activation: number;
}

/** What {@link attributionGraph} returns (host data; nothing to dispose). */
export interface AttributionGraph {
  /** The prompt. */
  tokens: number[];
  /** The attached modules, in the order of `GraphNode.site`. */
  sites: string[];
  /** The model's decoder layer count (the logit node's layer is one past it, as circuit-tracer draws it). */
  modelLayers: number;
  /** The target token. */
  target: number;
  /** Its logit at the last position (the logit node's value). */
  logit: number;
  /** Its probability at the last position. */
  probability: number;
  /** Nodes: features (site, position, feature order), errors (site, position), embeddings, the logit. */
  nodes: GraphNode[];
  /** [n, n] direct effects, row = target node, column = source node. */
  adjacency: Float64Array;
  /** Per node: the constant part of its value not on any edge (sites' decoder biases; for features also not b_enc). */
  bias: Float64Array;
  /** Per node: whether its incoming edges were computed (the logit and the chosen features). */
  computed: boolean[];
}

/** Index of the largest value (the first on a tie). */
function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
  return s;
}

/**
 * The attribution graph of `tokens` for the logit of `options.target` at the
 * last position, over the SAEs attached at `sites` (distinct layers, one
 * engine, one device; f32, q8 or q4 weights). See the file comment for the
 * frozen model and ARCHITECTURE.md, "Attribution graphs".
 */
export async function attributionGraph(
  sites: readonly SaeAttachment[],
  tokens: ArrayLike<number>,
  options: AttributionGraphOptions = {},
): Promise<AttributionGraph> {
  if (sites.length === 0) {
    throw new UsageError("attributionGraph: no SAE attached; attach one with attachSae first");
  }
  const engine: Engine = sites[0].engine, c = engine.config, T = tokens.length;
  const h = c.hiddenSize, V = c.vocabSize;
  if (sites.some((s) => s.engine !== engine)) {
    throw new UsageError("attributionGraph: the sites are attached to different engines");
  }
  const points = sites.map((s) => sitePoint(c, s.module));
  points.forEach((p, i) => {
    if (points.findIndex((q) => q.layer === p.layer) !== i) {
      throw new UsageError(`attributionGraph: two sites on layer ${p.layer}; use one per layer`);
    }
  });
  if (T === 0) throw new UsageError("attributionGraph: an empty prompt");
  const ids = Array.from(engine.checkTokens(tokens));
  const y = options.target;
  if (y !== undefined && !(Number.isInteger(y) && y >= 0 && y < V)) {
    throw new UsageError(`attributionGraph: target ${y} is not a token id in [0, ${V})`);
  }
  const maxRows = options.maxFeatureNodes ?? 512, asked = options.batch ?? 16;
  if (!(Number.isInteger(maxRows) && maxRows >= 0) || !(Number.isInteger(asked) && asked >= 1)) {
    throw new UsageError(
      "attributionGraph: maxFeatureNodes must be >= 0 and batch >= 1 (integers)",
    );
  }
  const weights = engine.weights, gpu = engine.gpu;
  for (const s of sites) {
    if (s.sae.gpu !== gpu) {
      throw new UsageError(`attributionGraph: ${s.module}'s SAE is on another device`);
    }
  }
  const tree = LlamaModules.of(c);
  const residualNames = [tree.embed_tokens.name, ...tree.layers.map((m) => m.name)];
  // Each packed tensor must fit one storage binding (128 MiB on software adapters), and the
  // per-layer rows repeated B times at most 256 MiB.
  const binding = gpu.device.limits.maxStorageBufferBindingSize, nOut = sites.length + 1;
  const qDim = c.numAttentionHeads * c.headDim, kvDim = c.numKeyValueHeads * c.headDim;
  const widest = Math.max(nOut * h, c.intermediateSize, ...sites.map((s) => s.sae.dSae));
  const keptRow = c.numHiddenLayers * (2 * h + qDim + 2 * kvDim + 2 * c.intermediateSize);
  const batch = Math.max(
    1,
    Math.min(
      asked,
      Math.floor(binding / (T * widest * 4)),
      Math.floor(2 ** 28 / (T * keptRow * 4)),
    ),
  );
  const plan = new FrozenBackwardPlan(gpu, c, weights, T, sites.map((s) => s.module), batch);
  const made: Tensor[] = [];
  let fwd: ForwardResult | null = null;
  try {
    fwd = await engine.forward(ids, {
      cache: [...residualNames, ...sites.flatMap((s) => [s.features, s.error])],
    });
    const cached = fwd.cache;
    const logits = await fwd.logits.toArray();
    const target = y ?? argmax(logits);
    let z = 0;
    for (const l of logits) z += Math.exp(l - logits[target]);
    const residuals = residualNames.map((n) => cached.get(n)!);
    const embed = await residuals[0].toArray();
    const feats = await Promise.all(sites.map((s) => cached.get(s.features)!.toArray()));
    const errs = await Promise.all(sites.map((s) => cached.get(s.error)!.toArray()));
    const bDec = await Promise.all(sites.map((s) => s.sae.weights.bDec.toArray()));

    // ---- nodes ----
    const nodes: GraphNode[] = [];
    const norm = (a: Float32Array, o: number) => Math.sqrt(dot(a, o, a, o, h));
    sites.forEach((s, k) => {
      const d = s.sae.dSae;
      for (let t = 0; t < T; t++) {
        for (let f = 0; f < d; f++) {
          const a = feats[k][t * d + f];
          if (a !== 0) {
            nodes.push({
              kind: "feature",
              site: k,
              layer: points[k].layer,
              position: t,
              id: f,
              activation: a,
            });
          }
        }
      }
    });
    const nFeatures = nodes.length;
    sites.forEach((_, k) => {
      for (let t = 0; t < T; t++) {
        nodes.push({
          kind: "error",
          site: k,
          layer: points[k].layer,
          position: t,
          id: -1,
          activation: norm(errs[k], t * h),
        });
      }
    });
    const embedStart = nodes.length;
    for (let t = 0; t < T; t++) {
      nodes.push({
        kind: "embedding",
        site: null,
        layer: null,
        position: t,
        id: ids[t],
        activation: norm(embed, t * h),
      });
    }
    const logitNode = nodes.length;
    nodes.push({
      kind: "logit",
      site: null,
      layer: null,
      position: T - 1,
      id: target,
      activation: logits[target],
    });
    const n = nodes.length;
    const featureIndex = sites.map(() => new Map<number, number>()); // t * dSae + f -> node
    nodes.forEach((nd, i) => {
      if (nd.kind === "feature") {
        featureIndex[nd.site!].set(nd.position * sites[nd.site!].sae.dSae + nd.id, i);
      }
    });
    const errorIndex = (k: number, t: number) => nFeatures + k * T + t;
    const adjacency = new Float64Array(n * n), bias = new Float64Array(n);
    const computed = new Array<boolean>(n).fill(false);

    // ---- packed GPU tensors: one readback each per batch; rows t * batch + b ----
    const names = plan.outputNames, R = T * batch;
    const mk = (name: string, shape: number[]) => {
      const t = Tensor.empty(gpu, `attributionGraph.${name}`, shape, "f32");
      made.push(t);
      return t;
    };
    const width = Math.max(V, ...sites.map((s) => s.sae.dSae));
    const grads = mk("grads", [nOut * R, h]);
    const out = new Map(names.map((m, o) => [m, grads.rows(o * R, R)]));
    const prods = sites.map((s) => mk(`prod.${s.module}`, [R, s.sae.dSae]));
    const seedAt = new Map(sites.map((s) => [s.module, mk(`seed.${s.module}`, [R, h])]));
    const onehots = mk("onehots", [batch, width]);
    const prep = new Recorder(gpu, "attributionGraph.prepare");
    plan.prepare(prep, residuals);
    prep.submit();

    const rowsOf = async (targets: number[]) => {
      for (let b0 = 0; b0 < targets.length; b0 += batch) {
        const chunk = targets.slice(b0, b0 + batch);
        const hot = new Float32Array(batch * width);
        chunk.forEach((ti, b) => hot[b * width + nodes[ti].id] = 1);
        gpu.device.queue.writeBuffer(onehots.buffer, onehots.offset, hot);
        const logit = chunk.indexOf(logitNode);
        if (logit > 0) throw new Error("attributionGraph: the logit's row must be slot 0");
        const rec = new Recorder(gpu, "attributionGraph");
        try {
          for (const t of seedAt.values()) rec.clear(t.buffer, t.offset, R * h * 4);
          let from = logit === 0 ? c.numHiddenLayers - 1 : 0;
          chunk.forEach((ti, b) => {
            const nd = nodes[ti];
            if (nd.kind === "logit") return;
            // d pre-activation / d x = W_enc[f] at the feature's position, in target b's row.
            const cols = sites[nd.site!].sae.dSae;
            const onehot = onehots.rows(b, 1).reshape([width]).rows(0, cols).reshape([1, cols]);
            const seed = seedAt.get(sites[nd.site!].module)!;
            linearBackward(
              rec,
              onehot,
              sites[nd.site!].sae.weights.wEnc,
              seed.rows(nd.position * batch + b, 1),
            );
            from = Math.max(from, nd.layer!);
          });
          const dLogits = logit === 0
            ? onehots.rows(0, 1).reshape([width]).rows(0, V).reshape([1, V])
            : undefined;
          plan.record(rec, { dLogits, at: seedAt, from }, out);
          sites.forEach((s, k) => linear(rec, out.get(s.module)!, s.sae.weights.wDec, prods[k]));
        } catch (e) {
          rec.abandon();
          throw e;
        }
        rec.submit();
        const g = await grads.toArray(), p = await Promise.all(prods.map((t) => t.toArray()));
        for (let b = 0; b < chunk.length; b++) {
          const r = chunk[b], base = r * n;
          const at = (o: number, t: number) => ((o * T + t) * batch + b) * h; // output o, row t
          for (let k = 0; k < sites.length; k++) {
            const d = sites[k].sae.dSae;
            for (const [key, i] of featureIndex[k]) {
              const t = Math.floor(key / d), f = key % d;
              adjacency[base + i] = nodes[i].activation * p[k][(t * batch + b) * d + f];
            }
            for (let t = 0; t < T; t++) {
              adjacency[base + errorIndex(k, t)] = dot(g, at(k, t), errs[k], t * h, h);
              bias[r] += dot(g, at(k, t), bDec[k], 0, h);
            }
          }
          for (let t = 0; t < T; t++) {
            adjacency[base + embedStart + t] = dot(g, at(nOut - 1, t), embed, t * h, h);
          }
          computed[r] = true;
        }
      }
    };

    // ---- the logit's row, then features by influence on it ----
    await rowsOf([logitNode]);
    const weightsOut = new Float64Array(n);
    weightsOut[logitNode] = 1 / z;
    let left = Math.min(maxRows, nFeatures);
    while (left > 0) {
      const influence = nodeInfluence(adjacency, n, weightsOut);
      const pending = [];
      for (let i = 0; i < nFeatures; i++) if (!computed[i]) pending.push(i);
      pending.sort((a, b) => influence[b] - influence[a] || a - b);
      const next = pending.slice(0, Math.min(left, batch));
      if (next.length === 0) break;
      await rowsOf(next);
      left -= next.length;
    }
    return {
      tokens: ids,
      sites: sites.map((s) => s.module),
      modelLayers: c.numHiddenLayers,
      target,
      logit: logits[target],
      probability: 1 / z,
      nodes,
      adjacency,
      bias,
      computed,
    };
  } finally {
    for (const t of made) t.dispose();
    plan.dispose();
    fwd?.dispose();
  }
}
