// The CLI's steering specs: --steer FEATURE:OP=V[,generated][,when=G>T] and
// --abort-when FEATURE>V[,generated]:REASON, parsed into the edits and stop
// conditions steering() takes. Bounds are checked against the SAE later.

import type { AbortCondition, FeatureCondition } from "../sae/conditions.ts";
import type { FeatureEdit } from "../sae/steer.ts";

const STEER_FORMS = "FEATURE:add=V, set=V, mul=V, nudge=V, pin=V, clamp=MAX, clamp=MIN,MAX or " +
  "FEATURE:ablate, optionally followed by ,generated and ,when=G>T or ,when=G<T";

/**
 * --steer specs: FEATURE:add=V | set=V | mul=V | nudge=V | pin=V | clamp=MAX |
 * clamp=MIN,MAX | ablate, then options: `generated` (scope: generated
 * positions only) and `when=G>T` / `when=G<T` (only while feature G's
 * activation is above / below T; both bounds on one G may be given).
 */
export function parseSteer(specs: readonly string[], usage: (m: string) => Error): FeatureEdit[] {
  return specs.map((spec) => {
    const bad = (why: string) => usage(`--steer expects ${STEER_FORMS}; got "${spec}" (${why})`);
    const head = /^(\d+):(.+)$/.exec(spec);
    if (!head) throw bad("no FEATURE:");
    const num = (s: string | undefined) => {
      const n = Number(s);
      if (s === undefined || s.trim() === "" || !Number.isFinite(n)) {
        throw bad(`"${s ?? ""}" is not a number`);
      }
      return n;
    };
    const feature = Number(head[1]);
    const parts = head[2].split(",");
    const first = parts.shift()!;
    let edit: FeatureEdit;
    const op = /^(add|set|mul|nudge|pin|clamp)=(.*)$/.exec(first);
    if (first === "ablate") edit = { feature, ablate: true };
    else if (!op) throw bad(`unknown edit "${first}"`);
    else if (op[1] === "nudge" || op[1] === "pin") {
      edit = { feature, mode: op[1], value: num(op[2]) };
    } else if (op[1] === "clamp") {
      // clamp=MIN,MAX when a number follows; clamp=MAX (Ember's clamp mode) otherwise.
      const next = parts[0];
      if (next !== undefined && next.trim() !== "" && Number.isFinite(Number(next))) {
        parts.shift();
        edit = { feature, clamp: [num(op[2]), num(next)] };
      } else edit = { feature, mode: "clamp", value: num(op[2]) };
    } else edit = { feature, [op[1]]: num(op[2]) } as FeatureEdit;
    let when: FeatureCondition | undefined;
    for (const part of parts) {
      if (part === "generated" || part === "all") {
        edit.scope = part;
        continue;
      }
      const w = /^when=(\d+)([<>])(.+)$/.exec(part);
      if (!w) throw bad(`unknown option "${part}"`);
      const g = Number(w[1]);
      if (when && when.feature !== g) throw bad("a condition on two features");
      when ??= { feature: g };
      when[w[2] === ">" ? "above" : "below"] = num(w[3]);
    }
    if (when) edit.when = when;
    return edit;
  });
}

/** --abort-when specs: FEATURE>V[,generated]:REASON or FEATURE<V[,generated]:REASON. */
export function parseAbortWhen(
  specs: readonly string[],
  usage: (m: string) => Error,
): AbortCondition[] {
  return specs.map((spec) => {
    const m = /^(\d+)([<>])([^,:]+)(,generated|,all)?:(.+)$/.exec(spec);
    const v = m && Number(m[3]);
    if (!m || m[3].trim() === "" || !Number.isFinite(v)) {
      throw usage(
        `--abort-when expects FEATURE>V:REASON or FEATURE<V:REASON (optionally FEATURE>V,generated:REASON), got "${spec}"`,
      );
    }
    const c: AbortCondition = { feature: Number(m[1]), reason: m[5].trim() };
    c[m[2] === ">" ? "above" : "below"] = v!;
    if (m[4]) c.scope = m[4].slice(1) as "all" | "generated";
    return c;
  });
}
