// Seeded mutations of loader inputs: bytes (bit flips, truncations, inserted,
// deleted or overwritten bytes, biased towards the structured part of a file)
// and JSON values (types, ranges, keys). Each mutation says what it did, so a
// failing case can be reproduced from its seed and description.

import { rng } from "../util/compare.ts";

/** A seeded source of choices (mulberry32 from tests/util/compare.ts). */
export class Random {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = rng(seed);
  }
  float(): number {
    return this.#next();
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.#next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.#next() < p;
  }
}

export interface Mutated<T> {
  value: T;
  /** What was done, for the failure report. */
  what: string;
}

const INTERESTING_INTS = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0xffffffff];

/**
 * One byte-level mutation; with probability 1/2 its position falls in `hot`
 * ([start, end): a header or directory, where a change alters structure
 * rather than a weight).
 */
export function mutateBytes(
  bytes: Uint8Array,
  r: Random,
  hot?: [number, number],
): Mutated<Uint8Array> {
  const at = () => hot && r.chance(0.5) ? hot[0] + r.int(hot[1] - hot[0]) : r.int(bytes.length);
  const kind = r.pick(["flip", "flip", "truncate", "insert", "delete", "overwrite"] as const);
  if (kind === "flip") {
    const out = bytes.slice(), i = at(), bit = r.int(8);
    out[i] ^= 1 << bit;
    return { value: out, what: `flip bit ${bit} of byte ${i}` };
  }
  if (kind === "truncate") {
    const n = r.int(bytes.length);
    return { value: bytes.slice(0, n), what: `truncate to ${n} bytes` };
  }
  const i = at(), n = 1 + r.int(16);
  if (kind === "insert") {
    const extra = Uint8Array.from({ length: n }, () => r.int(256));
    const out = new Uint8Array(bytes.length + n);
    out.set(bytes.subarray(0, i)), out.set(extra, i), out.set(bytes.subarray(i), i + n);
    return { value: out, what: `insert ${n} bytes at ${i}` };
  }
  if (kind === "delete") {
    const m = Math.min(n, bytes.length - i);
    const out = new Uint8Array(bytes.length - m);
    out.set(bytes.subarray(0, i)), out.set(bytes.subarray(i + m), i);
    return { value: out, what: `delete ${m} bytes at ${i}` };
  }
  // Overwrite a little-endian field with an interesting integer.
  const width = r.pick([1, 2, 4, 8]);
  const v = BigInt(r.pick(INTERESTING_INTS)) + BigInt(r.pick([0, 0, 1, -1]));
  const out = bytes.slice();
  for (let k = 0; k < width && i + k < out.length; k++) {
    out[i + k] = Number((BigInt.asUintN(64, v) >> BigInt(8 * k)) & 255n);
  }
  return { value: out, what: `overwrite ${width} bytes at ${i} with ${v}` };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Slot = { parent: Json[] | Record<string, Json>; key: string | number; path: string };

/** Every value slot of a JSON tree (reservoir-free: trees here have < 10^5 nodes). */
function slots(root: Json, path = "$", out: Slot[] = []): Slot[] {
  if (Array.isArray(root)) {
    root.forEach((v, i) => {
      out.push({ parent: root, key: i, path: `${path}[${i}]` });
      slots(v, `${path}[${i}]`, out);
    });
  } else if (root !== null && typeof root === "object") {
    for (const [k, v] of Object.entries(root)) {
      out.push({ parent: root, key: k, path: `${path}.${k}` });
      slots(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** A replacement for `v`: another type, an edge of a range, or a neighbour. */
function strangeValue(v: Json, r: Random): Json {
  const numeric = typeof v === "number"
    ? [v + 1, v - 1, v * 2, -v, v / 3, v * 1e6, Math.floor(v / 2)]
    : [];
  return r.pick<Json>([
    ...numeric,
    ...numeric,
    0,
    -1,
    1,
    0.5,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 31 - 1,
    2 ** 53,
    1e-300,
    "",
    String(v),
    "toString",
    "__proto__",
    true,
    false,
    null,
    [],
    {},
    [v],
    { content: v },
  ]);
}

/** One mutation of a JSON tree (the input is not modified). */
export function mutateJson(
  root: Json,
  r: Random,
  focus?: (path: string) => boolean,
): Mutated<Json> {
  const copy = structuredClone(root);
  let all = slots(copy);
  if (focus && r.chance(0.7)) {
    const focused = all.filter((s) => focus(s.path));
    if (focused.length > 0) all = focused;
  }
  if (all.length === 0) return { value: strangeValue(copy, r), what: "replace the root" };
  const s = r.pick(all);
  const old = (s.parent as Record<string, Json>)[s.key as string];
  const kind = r.pick(["value", "value", "value", "delete", "addKey", "renameKey"] as const);
  if (kind === "delete") {
    if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
    else delete s.parent[s.key as string];
    return { value: copy, what: `delete ${s.path}` };
  }
  if ((kind === "addKey" || kind === "renameKey") && !Array.isArray(s.parent)) {
    const key = r.pick(["__proto__", "toString", "constructor", `${s.key}_`, "", "0"]);
    // defineProperty: a plain assignment to "__proto__" would set the prototype instead.
    Object.defineProperty(s.parent, key, {
      value: kind === "renameKey" ? old : strangeValue(old, r),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (kind === "renameKey" && key !== s.key) delete s.parent[s.key as string];
    return { value: copy, what: `${kind} ${s.path} -> ${JSON.stringify(key)}` };
  }
  const v = strangeValue(old, r);
  if (Array.isArray(s.parent)) s.parent[s.key as number] = v;
  else {
    Object.defineProperty(s.parent, s.key, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { value: copy, what: `set ${s.path} = ${JSON.stringify(v)?.slice(0, 60)}` };
}

export type { Json };
