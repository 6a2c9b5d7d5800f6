// The attribution graph's edges in plain-TS float64 (tests): the frozen model
// run *forward* from each source node alone (engine/model/frozen_reference.ts),
// reading every target at once; ReLU / JumpReLU SAEs. Given the node list of a
// GPU graph, it returns its own activations and the dense adjacency in the
// same order, so the two can be compared entry by entry.

import type { HostModel } from "../engine/model/backward_reference.ts";
import { frozenForward, frozenRun } from "../engine/model/frozen_reference.ts";
import type { GraphNode } from "./attribution_graph.ts";
import type { SaeHostWeights } from "./reference.ts";

/** An SAE on the host with where it hangs. */
export interface ReferenceSite {
  module: string;
  weights: SaeHostWeights;
  dSae: number;
  /** Whether encoding subtracts b_dec first. */
  center: boolean;
}

/** Reference edges, activations and the logit for `nodes` (a GPU graph's, same order). */
export function attributionGraphReference(
  model: HostModel,
  tokens: number[],
  sites: readonly ReferenceSite[],
  nodes: readonly GraphNode[],
): { adjacency: Float64Array; activation: Float64Array; logit: number; bias: number } {
  const h = model.config.hiddenSize, T = tokens.length, n = nodes.length;
  const run = frozenRun(model, tokens);
  const siteSet = new Set(sites.map((s) => s.module));
  // Features and errors of every site from the real forward (the SAE inserted as x' = x).
  const pre = sites.map((s) => {
    const x = run.outputs.get(s.module)!, w = s.weights, out = new Float64Array(T * s.dSae);
    for (let t = 0; t < T; t++) {
      for (let f = 0; f < s.dSae; f++) {
        let acc = w.bEnc[f];
        for (let i = 0; i < h; i++) {
          acc += w.wEnc[f * h + i] * (x[t * h + i] - (s.center ? w.bDec[i] : 0));
        }
        out[t * s.dSae + f] = acc;
      }
    }
    return out;
  });
  const act = sites.map((s, k) =>
    pre[k].map((v, i) => {
      const th = s.weights.threshold;
      return th ? (v > th[i % s.dSae] ? v : 0) : Math.max(v, 0);
    })
  );
  const err = sites.map((s, k) => {
    const x = run.outputs.get(s.module)!, e = x.slice();
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < h; i++) e[t * h + i] -= s.weights.bDec[i];
      for (let f = 0; f < s.dSae; f++) {
        const a = act[k][t * s.dSae + f];
        if (a !== 0) { for (let i = 0; i < h; i++) e[t * h + i] -= a * s.weights.wDec[f * h + i]; }
      }
    }
    return e;
  });
  const activation = Float64Array.from(nodes, (nd) => {
    if (nd.kind === "feature") return act[nd.site!][nd.position * sites[nd.site!].dSae + nd.id];
    if (nd.kind === "logit") return run.logits[nd.id];
    return NaN; // errors and embeddings are vectors
  });
  const embedName = "model.embed_tokens";
  const row = (module: string, t: number, v: ArrayLike<number>, scale = 1) => {
    const x = new Float64Array(T * h);
    for (let i = 0; i < h; i++) x[t * h + i] = scale * v[i];
    return new Map([[module, x]]);
  };
  /** The target values of one frozen forward, per node (feature pre-activations w/o b_enc, the logit). */
  const targets = (f: ReturnType<typeof frozenForward>) =>
    nodes.map((nd) => {
      if (nd.kind === "logit") return f.logits[nd.id];
      if (nd.kind !== "feature") return 0;
      const s = sites[nd.site!], x = f.at.get(s.module)!;
      let acc = 0;
      for (let i = 0; i < h; i++) acc += s.weights.wEnc[nd.id * h + i] * x[nd.position * h + i];
      return acc;
    });
  const adjacency = new Float64Array(n * n);
  nodes.forEach((src, j) => {
    let inject: Map<string, Float64Array>;
    if (src.kind === "feature") {
      const s = sites[src.site!], a = activation[j];
      inject = row(
        s.module,
        src.position,
        s.weights.wDec.subarray(src.id * h, (src.id + 1) * h),
        a,
      );
    } else if (src.kind === "error") {
      inject = row(
        sites[src.site!].module,
        src.position,
        err[src.site!].subarray(src.position * h),
      );
    } else if (src.kind === "embedding") {
      inject = row(embedName, src.position, model.embed.subarray(tokens[src.position] * h));
    } else return;
    const got = targets(frozenForward(run, inject, siteSet));
    got.forEach((v, i) => adjacency[i * n + j] = v);
  });
  // The decoder biases at every position of every site, pushed through alone.
  const biasInject = new Map(sites.map((s) => {
    const x = new Float64Array(T * h);
    for (let t = 0; t < T; t++) for (let i = 0; i < h; i++) x[t * h + i] = s.weights.bDec[i];
    return [s.module, x] as [string, Float64Array];
  }));
  const logitNode = nodes.findIndex((nd) => nd.kind === "logit");
  const bias = targets(frozenForward(run, biasInject, siteSet))[logitNode];
  return { adjacency, activation, logit: run.logits[nodes[logitNode].id], bias };
}
