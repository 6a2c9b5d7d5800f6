// Pruning an attribution graph as circuit-tracer does (circuit_tracer/graph.py,
// prune_graph), in our own code over a dense row-major adjacency (row =
// target, column = source):
//
// 1. Normalize: |A| with each row divided by its sum (a target's inputs as
//    shares).
// 2. Influence of every node on the output: w (A + A^2 + ...), w = the logit
//    node's probability (the series ends: the graph is acyclic).
// 3. Keep the nodes with the largest influence that together hold
//    `nodeThreshold` of the total (default 0.8), always the embeddings and the
//    logit; zero the others' rows and columns.
// 4. Edge score = normalized weight x (influence of its target + w), recomputed
//    on the pruned matrix; keep the largest edges holding `edgeThreshold`
//    (default 0.98) of the total score.
// 5. Drop feature and error nodes with no kept outgoing edge and features with
//    no kept incoming edge, repeatedly until nothing changes.

import { UsageError } from "../engine/errors.ts";
import type { AttributionGraph } from "./attribution_graph.ts";

/** Rows of |A| scaled to sum to 1 (rows of zeros stay zero). */
export function normalizeRows(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.abs(a[i * n + j]);
    const d = Math.max(s, 1e-10);
    for (let j = 0; j < n; j++) out[i * n + j] = Math.abs(a[i * n + j]) / d;
  }
  return out;
}

/** w (A + A^2 + ...) for a nilpotent A (an acyclic graph); throws after n steps. */
export function influence(a: Float64Array, n: number, w: Float64Array): Float64Array {
  const total = new Float64Array(n);
  let current = w;
  for (let step = 0; step <= n; step++) {
    const next = new Float64Array(n);
    let any = false;
    for (let i = 0; i < n; i++) {
      const v = current[i];
      if (v === 0) continue;
      for (let j = 0; j < n; j++) next[j] += v * a[i * n + j];
    }
    for (let j = 0; j < n; j++) {
      total[j] += next[j];
      if (next[j] !== 0) any = true;
    }
    if (!any) return total;
    current = next;
  }
  throw new Error(`attribution graph: influence did not converge in ${n} steps (a cycle?)`);
}

/** Each node's influence on the output through the normalized graph. */
export function nodeInfluence(a: Float64Array, n: number, w: Float64Array): Float64Array {
  return influence(normalizeRows(a, n), n, w);
}

/** The score at which the largest scores first hold `fraction` of their total. */
export function findThreshold(scores: ArrayLike<number>, fraction: number): number {
  const sorted = Float64Array.from(scores).sort().reverse();
  let total = 0;
  for (const s of sorted) total += s;
  let acc = 0;
  for (let i = 0; i < sorted.length; i++) {
    acc += sorted[i];
    if (acc / total >= fraction) return sorted[i];
  }
  return sorted[sorted.length - 1];
}

/** Options of {@link pruneGraph}. */
export interface PruneOptions {
  /** Fraction of total node influence the kept nodes hold (default 0.8). */
  nodeThreshold?: number;
  /** Fraction of total edge score the kept edges hold (default 0.98). */
  edgeThreshold?: number;
}

/** What {@link pruneGraph} keeps. */
export interface PrunedGraph {
  /** Per node: kept. */
  nodeMask: boolean[];
  /** [n, n] per edge (row = target): kept. */
  edgeMask: Uint8Array;
  /** Per node: its influence on the output (unpruned graph). */
  influence: Float64Array;
  /** Per node: the cumulative share of total influence up to and including it, by rank. */
  cumulative: Float64Array;
  /** Kept nodes. */
  nodeCount: number;
  /** Kept edges. */
  edgeCount: number;
}

/** Prunes `g` by influence on its logit, as circuit-tracer's prune_graph. */
export function pruneGraph(g: AttributionGraph, options: PruneOptions = {}): PrunedGraph {
  const nodeThreshold = options.nodeThreshold ?? 0.8, edgeThreshold = options.edgeThreshold ?? 0.98;
  for (
    const [name, v] of [["nodeThreshold", nodeThreshold], ["edgeThreshold", edgeThreshold]] as const
  ) {
    if (!(v >= 0 && v <= 1)) {
      throw new UsageError(`pruneGraph: ${name} must be in [0, 1], got ${v}`);
    }
  }
  const n = g.nodes.length, a = g.adjacency;
  const w = new Float64Array(n);
  g.nodes.forEach((nd, i) => {
    if (nd.kind === "logit") w[i] = g.probability;
  });
  const inf = nodeInfluence(a, n, w);
  const cut = findThreshold(inf, nodeThreshold);
  const keep = g.nodes.map((nd, i) =>
    inf[i] >= cut || nd.kind === "embedding" || nd.kind === "logit"
  );
  const pruned = a.slice();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (!keep[i] || !keep[j]) pruned[i * n + j] = 0;
  }
  const norm = normalizeRows(pruned, n);
  const prunedInf = influence(norm, n, w);
  const scores = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const s = prunedInf[i] + w[i];
    for (let j = 0; j < n; j++) scores[i * n + j] = norm[i * n + j] * s;
  }
  const edgeCut = findThreshold(scores, edgeThreshold);
  const edgeMask = new Uint8Array(n * n);
  for (let e = 0; e < n * n; e++) edgeMask[e] = scores[e] >= edgeCut && scores[e] > 0 ? 1 : 0;
  // Features and errors need a kept outgoing edge, features a kept incoming one.
  const inner = (i: number) => g.nodes[i].kind === "feature" || g.nodes[i].kind === "error";
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (!keep[i] || !inner(i)) continue;
      let out = false, into = false;
      for (let t = 0; t < n && !out; t++) out = edgeMask[t * n + i] === 1;
      for (let s = 0; s < n && !into; s++) into = edgeMask[i * n + s] === 1;
      if (!out || (g.nodes[i].kind === "feature" && !into)) {
        keep[i] = false;
        changed = true;
        for (let j = 0; j < n; j++) edgeMask[i * n + j] = edgeMask[j * n + i] = 0;
      }
    }
  }
  const order = Array.from(inf.keys()).sort((x, y) => inf[y] - inf[x] || x - y);
  const total = inf.reduce((s, v) => s + v, 0), cumulative = new Float64Array(n);
  let acc = 0;
  for (const i of order) cumulative[i] = total > 0 ? (acc += inf[i]) / total : 0;
  let edgeCount = 0;
  for (const e of edgeMask) edgeCount += e;
  return {
    nodeMask: keep,
    edgeMask,
    influence: inf,
    cumulative,
    nodeCount: keep.filter(Boolean).length,
    edgeCount,
  };
}
