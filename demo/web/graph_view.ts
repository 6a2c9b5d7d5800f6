// Draws an attribution graph (circuit-tracer's JSON, sae/attribution_graph_json.ts)
// as a clickable SVG: x = prompt position, y = node type and layer (token
// embeddings at the bottom, then each SAE layer's features and error nodes,
// the target logit on top); edges as lines whose width is |weight| and whose
// colour is the sign (blue raises the target, red lowers it). Clicking a node
// shows its details and strongest edges.

/// <reference lib="dom" />

import type { GraphJson, GraphJsonNode } from "../../mod.ts";
import { el } from "./views.ts";

const SVG = "http://www.w3.org/2000/svg";
const COL = 92, ROW = 110, PAD = 40, SPREAD = 16;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** What the view needs besides the graph. */
export interface GraphViewOptions {
  /** A token id as text. */
  piece(id: number): string;
  /** A feature's label, if any. */
  label(feature: number): string | undefined;
  /** Opens a feature's panel. */
  openFeature(feature: number): void;
}

/** Row of a node: embeddings 0, then layers in order, the logit last. */
function rowsOf(nodes: GraphJsonNode[]): Map<string, number> {
  const layers = [...new Set(nodes.filter((n) => n.layer !== "E").map((n) => Number(n.layer)))]
    .sort((a, b) => a - b);
  return new Map([["E", 0], ...layers.map((l, i) => [String(l), i + 1] as [string, number])]);
}

function describe(n: GraphJsonNode, o: GraphViewOptions): string {
  if (n.feature_type === "embedding") return `token "${o.piece(Number(n.node_id.split("_")[1]))}"`;
  if (n.feature_type === "logit") return n.clerp;
  if (n.feature_type === "mlp reconstruction error") return `SAE error at layer ${n.layer}`;
  const label = o.label(n.feature);
  return `feature #${n.feature}${label ? ` (${label})` : ""}`;
}

/** Renders `doc` into `root` (replacing it) with the details in `details`. */
export function renderGraph(
  root: HTMLElement,
  details: HTMLElement,
  doc: GraphJson,
  o: GraphViewOptions,
): void {
  const rows = rowsOf(doc.nodes), nRows = rows.size;
  const T = doc.metadata.prompt_tokens.length;
  const width = PAD * 2 + COL * T, height = PAD * 2 + ROW * (nRows - 1) + 20;
  const cells = new Map<string, GraphJsonNode[]>();
  for (const n of doc.nodes) {
    const key = `${n.layer}|${n.ctx_idx}`;
    cells.set(key, [...(cells.get(key) ?? []), n]);
  }
  const at = new Map<string, [number, number]>();
  for (const list of cells.values()) {
    list.sort((a, b) => (a.feature_type > b.feature_type ? 1 : -1) || a.feature - b.feature);
    list.forEach((n, i) => {
      const row = rows.get(n.layer)!;
      const x = PAD + COL * n.ctx_idx + COL / 2 + (i - (list.length - 1) / 2) * SPREAD;
      at.set(n.node_id, [x, height - PAD - row * ROW]);
    });
  }
  const max = Math.max(1e-12, ...doc.links.map((l) => Math.abs(l.weight)));
  const root_ = svg("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: "graph-svg",
  });
  const edges = svg("g", { class: "graph-edges" });
  for (const l of doc.links) {
    const [x1, y1] = at.get(l.source)!, [x2, y2] = at.get(l.target)!;
    const line = svg("line", {
      x1,
      y1,
      x2,
      y2,
      stroke: l.weight > 0 ? "#2563eb" : "#dc2626",
      "stroke-width": (0.5 + 4 * Math.abs(l.weight) / max).toFixed(2),
      "stroke-opacity": 0.55,
    });
    line.dataset.source = l.source;
    line.dataset.target = l.target;
    edges.append(line);
  }
  root_.append(edges);
  doc.metadata.prompt_tokens.forEach((tok, t) => {
    const text = svg("text", {
      x: PAD + COL * t + COL / 2,
      y: height - 6,
      "text-anchor": "middle",
      class: "graph-token",
    });
    text.textContent = JSON.stringify(tok).slice(1, -1);
    root_.append(text);
  });
  for (const [layer, row] of rows) {
    const text = svg("text", { x: 4, y: height - PAD - row * ROW + 4, class: "graph-row-label" });
    text.textContent = layer === "E"
      ? "emb"
      : doc.nodes.some((n) => n.layer === layer && n.feature_type === "logit")
      ? "logit"
      : `L${layer}`;
    root_.append(text);
  }
  const nodes = svg("g", { class: "graph-nodes" });
  for (const n of doc.nodes) {
    const [x, y] = at.get(n.node_id)!;
    const shape = n.feature_type === "cross layer transcoder"
      ? svg("circle", { cx: x, cy: y, r: 6 })
      : n.feature_type === "logit"
      ? svg("rect", {
        x: x - 9,
        y: y - 9,
        width: 18,
        height: 18,
        transform: `rotate(45 ${x} ${y})`,
      })
      : svg("rect", { x: x - 6, y: y - 6, width: 12, height: 12 });
    shape.setAttribute("class", `graph-node type-${n.feature_type.split(" ")[0]}`);
    shape.dataset.node = n.node_id;
    const title = svg("title", {});
    title.textContent = describe(n, o);
    shape.append(title);
    shape.addEventListener("click", () => select(n));
    nodes.append(shape);
  }
  root_.append(nodes);
  root.replaceChildren(root_);

  function select(n: GraphJsonNode) {
    root_.querySelectorAll(".graph-node.selected").forEach((e) => e.classList.remove("selected"));
    root_.querySelector(`[data-node="${n.node_id}"]`)?.classList.add("selected");
    const byId = new Map(doc.nodes.map((x) => [x.node_id, x]));
    const top = (list: typeof doc.links, end: "source" | "target") =>
      list.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 6).map((l) =>
        el(
          "li",
          { "data-weight": l.weight },
          `${l.weight >= 0 ? "+" : ""}${l.weight.toPrecision(3)}  ${
            describe(byId.get(l[end])!, o)
          } @${byId.get(l[end])!.ctx_idx}`,
        )
      );
    const into = top(doc.links.filter((l) => l.target === n.node_id), "source");
    const out = top(doc.links.filter((l) => l.source === n.node_id), "target");
    const parts: (HTMLElement | null)[] = [
      el("div", { class: "section-title" }, `${describe(n, o)} at position ${n.ctx_idx}`),
      el(
        "div",
        { class: "muted small" },
        `node ${n.node_id} · ${n.feature_type}` +
          (n.activation !== null ? ` · activation ${n.activation.toPrecision(4)}` : "") +
          (n.influence !== null ? ` · cumulative influence ${n.influence.toFixed(3)}` : ""),
      ),
      n.feature_type === "cross layer transcoder"
        ? el("button", { onclick: () => o.openFeature(n.feature) }, `open feature #${n.feature}`)
        : null,
      into.length
        ? el("div", {}, "strongest inputs:", el("ul", { class: "graph-edges-in" }, into))
        : null,
      out.length
        ? el("div", {}, "strongest outputs:", el("ul", { class: "graph-edges-out" }, out))
        : null,
    ];
    details.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    details.dataset.node = n.node_id;
  }
}
