// An attribution graph as circuit-tracer's frontend JSON (their
// utils/create_graph_files.py and frontend/graph_models.py: `metadata`,
// `qParams`, `nodes`, `links`), so their viewer and Neuronpedia-style tools can
// read it. Where ours differs:
// - features are SAE features at one module (not cross-layer transcoder
//   features) but keep feature_type "cross layer transcoder" so the viewer
//   draws them; `layer` is the site's decoder layer;
// - error nodes are the SAE's reconstruction error x - decode(f) at the site
//   (feature_type "mlp reconstruction error", as their error nodes are the
//   transcoder's);
// - one logit node (the target), not the top tokens up to 0.95 probability;
//   its value is the logit l_y, not l_y minus the mean logit;
// - the MLPs' SiLU(gate) is frozen too (no transcoders replace our MLPs);
// - extra fields under `metadata.loupe` (sites, frozen parts, completeness) and
//   `loupe_site` on feature and error nodes.

import type { AttributionGraph } from "./attribution_graph.ts";
import { type PrunedGraph, pruneGraph, type PruneOptions } from "./attribution_graph_prune.ts";

/** A node as circuit-tracer's frontend reads it. */
export interface GraphJsonNode {
  /** "LAYER_FEATURE_POS", "0_LAYER_POS" (error), "E_TOKEN_POS", "LAYERS+1_TOKEN_POS" (logit). */
  node_id: string;
  /** Feature id; -1 for errors; the position for embeddings; the token for the logit. */
  feature: number;
  /** The site's layer, "E" for embeddings, layers + 1 for the logit. */
  layer: string;
  /** Prompt position. */
  ctx_idx: number;
  /** Node type, in circuit-tracer's words. */
  feature_type: "cross layer transcoder" | "mlp reconstruction error" | "embedding" | "logit";
  /** The target's probability (logit node; 0 elsewhere). */
  token_prob: number;
  /** True on the one logit node. */
  is_target_logit: boolean;
  /** Always 0 (circuit-tracer's field). */
  run_idx: number;
  /** Always 0 (circuit-tracer's field). */
  reverse_ctx_idx: number;
  /** The frontend's id, as circuit-tracer builds it. */
  jsNodeId: string;
  /** Label: the feature's label if any, the logit's token and probability. */
  clerp: string;
  /** Cumulative share of total influence up to this node by rank (null for the logit). */
  influence: number | null;
  /** Feature activation or the logit's value; null for errors and embeddings. */
  activation: number | null;
  /** The module of a feature or error node (ours). */
  loupe_site?: string;
}

/** circuit-tracer's graph file. */
export interface GraphJson {
  /** The prompt, thresholds, and what is ours under `loupe`. */
  metadata: {
    slug: string;
    scan: string;
    transcoder_list: string[];
    prompt_tokens: string[];
    prompt: string;
    node_threshold: number;
    loupe: {
      sites: string[];
      frozen: string[];
      edge_threshold: number;
      target: number;
      logit: number;
      /** Sum of the logit's incoming edges (unpruned) + its bias: equals `logit` up to rounding. */
      edge_sum_plus_bias: number;
      nodes_unpruned: number;
    };
  };
  /** The frontend's view state, empty. */
  qParams: {
    pinnedIds: string[];
    supernodes: string[][];
    linkType: string;
    clickedId: string;
    sg_pos: string;
  };
  /** Kept nodes with an edge, and every embedding and the logit. */
  nodes: GraphJsonNode[];
  /** Kept edges, weight = the unpruned direct effect. */
  links: { source: string; target: string; weight: number }[];
}

/** Options of {@link attributionGraphJson}. */
export interface GraphJsonOptions extends PruneOptions {
  /** The graph's name (default "loupe-graph"). */
  slug?: string;
  /** What identifies the SAEs (default the site names joined). */
  scan?: string;
  /** Token text for prompt_tokens and the logit's label (default the id). */
  tokenText?: (id: number) => string;
  /** A feature's label (clerp), if any. */
  featureLabel?: (site: number, feature: number) => string | undefined;
  /** A pruning already computed for this graph (otherwise pruneGraph with the thresholds). */
  pruned?: PrunedGraph;
}

/** The graph, pruned, as circuit-tracer's frontend JSON. */
export function attributionGraphJson(
  g: AttributionGraph,
  options: GraphJsonOptions = {},
): GraphJson {
  const nodeThreshold = options.nodeThreshold ?? 0.8, edgeThreshold = options.edgeThreshold ?? 0.98;
  const p = options.pruned ?? pruneGraph(g, { nodeThreshold, edgeThreshold });
  const text = options.tokenText ?? ((id: number) => String(id));
  const n = g.nodes.length;
  const logitLayer = String(g.modelLayers + 1);
  const made = g.nodes.map((nd, i): GraphJsonNode => {
    const base = {
      run_idx: 0,
      reverse_ctx_idx: 0,
      token_prob: 0,
      is_target_logit: false,
      clerp: "",
      influence: p.cumulative[i],
      ctx_idx: nd.position,
    };
    if (nd.kind === "feature") {
      const id = `${nd.layer}_${nd.id}_${nd.position}`;
      return {
        ...base,
        node_id: id,
        feature: nd.id,
        layer: String(nd.layer),
        feature_type: "cross layer transcoder",
        jsNodeId: `${nd.layer}_${nd.id}-0`,
        clerp: options.featureLabel?.(nd.site!, nd.id) ?? "",
        activation: nd.activation,
        loupe_site: g.sites[nd.site!],
      };
    }
    if (nd.kind === "error") {
      return {
        ...base,
        node_id: `0_${nd.layer}_${nd.position}`,
        feature: -1,
        layer: String(nd.layer),
        feature_type: "mlp reconstruction error",
        jsNodeId: `${nd.layer}_${nd.position}-0`,
        activation: null,
        loupe_site: g.sites[nd.site!],
      };
    }
    if (nd.kind === "embedding") {
      return {
        ...base,
        node_id: `E_${nd.id}_${nd.position}`,
        feature: nd.position,
        layer: "E",
        feature_type: "embedding",
        jsNodeId: `E_${nd.id}-${nd.position}`,
        activation: null,
      };
    }
    return {
      ...base,
      node_id: `${logitLayer}_${nd.id}_${nd.position}`,
      feature: nd.id,
      layer: logitLayer,
      feature_type: "logit",
      token_prob: g.probability,
      is_target_logit: true,
      jsNodeId: `L_${nd.id}-${nd.position}`,
      clerp: `Output "${text(nd.id)}" (p=${g.probability.toFixed(3)})`,
      influence: null,
      activation: nd.activation,
    };
  });
  const links: GraphJson["links"] = [];
  const used = new Set<number>();
  for (let t = 0; t < n; t++) {
    if (!p.nodeMask[t]) continue;
    for (let s = 0; s < n; s++) {
      if (!p.nodeMask[s] || !p.edgeMask[t * n + s]) continue;
      links.push({
        source: made[s].node_id,
        target: made[t].node_id,
        weight: g.adjacency[t * n + s],
      });
      used.add(s).add(t);
    }
  }
  const nodes = made.filter((_, i) =>
    p.nodeMask[i] && (used.has(i) || g.nodes[i].kind === "embedding" || g.nodes[i].kind === "logit")
  );
  const logitRow = g.nodes.findIndex((x) => x.kind === "logit");
  let sum = g.bias[logitRow];
  for (let s = 0; s < n; s++) sum += g.adjacency[logitRow * n + s];
  return {
    metadata: {
      slug: options.slug ?? "loupe-graph",
      scan: options.scan ?? g.sites.join("+"),
      transcoder_list: [...g.sites],
      prompt_tokens: g.tokens.map(text),
      prompt: g.tokens.map(text).join(""),
      node_threshold: nodeThreshold,
      loupe: {
        sites: [...g.sites],
        frozen: ["attention probabilities", "RMSNorm scales", "MLP SiLU(gate)"],
        edge_threshold: edgeThreshold,
        target: g.target,
        logit: g.logit,
        edge_sum_plus_bias: sum,
        nodes_unpruned: n,
      },
    },
    qParams: { pinnedIds: [], supernodes: [], linkType: "both", clickedId: "", sg_pos: "" },
    nodes,
    links,
  };
}
