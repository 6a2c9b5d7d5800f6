// Compares two ONNX models as graphs: nodes by their outputs (op, domain, name,
// inputs, attributes), initializers by name (dims, type, values), and the
// graph's inputs and outputs. Node order is reported but not required (the
// q8 template was topologically re-sorted by onnxruntime's quantizer).
// Float initializers may differ by rounding (RoPE tables computed elsewhere);
// uint8 ones by one step in a few elements (round-half-to-even ties).

import { type Field, readFields } from "./onnx_proto.ts";

const td = new TextDecoder();
const str = (v: Field[2]) => td.decode(v as Uint8Array);
const int = (v: Field[2]) => BigInt.asIntN(64, v as bigint);
const all = (fs: Field[], n: number) => fs.filter((f) => f[0] === n);
const one = (fs: Field[], n: number) => fs.find((f) => f[0] === n)?.[2];

function packedVarints(b: Uint8Array): bigint[] {
  const out: bigint[] = [];
  let x = 0n, s = 0n;
  for (const c of b) {
    x |= BigInt(c & 0x7f) << s;
    s += 7n;
    if (!(c & 0x80)) out.push(BigInt.asIntN(64, x)), x = 0n, s = 0n;
  }
  return out;
}

function attribute(b: Uint8Array): string {
  const fs = readFields(b), parts: string[] = [];
  for (const [n, w, v] of fs) {
    if (n === 1) continue;
    if (n === 2) {
      parts.push(`f=${new DataView((v as Uint8Array).slice().buffer).getFloat32(0, true)}`);
    } else if (n === 3) parts.push(`i=${int(v)}`);
    else if (n === 4) parts.push(`s=${str(v)}`);
    else if (n === 8) parts.push(`ints=${w === 2 ? packedVarints(v as Uint8Array) : int(v)}`);
    else if (n === 20) parts.push(`type=${v}`);
    else parts.push(`field${n}`);
  }
  return `${str(one(fs, 1)!)}(${parts.join(",")})`;
}

function node(b: Uint8Array) {
  const fs = readFields(b);
  return {
    outputs: all(fs, 2).map((f) => str(f[2])).join(","),
    text:
      `${str(one(fs, 4)!)}[${one(fs, 7) ? str(one(fs, 7)!) : ""}] ${
        one(fs, 3) ? str(one(fs, 3)!) : "-"
      }: ` +
      `(${all(fs, 1).map((f) => str(f[2])).join(", ")}) ${
        all(fs, 5).map((f) => attribute(f[2] as Uint8Array)).join(" ")
      }`,
  };
}

interface Tensor {
  dims: string;
  type: number;
  values: Float64Array;
}

function tensor(b: Uint8Array): [string, Tensor] {
  const fs = readFields(b);
  const type = Number(one(fs, 2)), dims = all(fs, 1).map((f) => Number(f[2]));
  const raw = one(fs, 9) as Uint8Array | undefined;
  let values: Float64Array;
  if (raw) {
    const buf = raw.slice().buffer;
    values = type === 1
      ? Float64Array.from(new Float32Array(buf))
      : type === 7
      ? Float64Array.from(new BigInt64Array(buf), Number)
      : Float64Array.from(new Uint8Array(buf));
  } else if (one(fs, 4)) {
    values = Float64Array.from(new Float32Array((one(fs, 4) as Uint8Array).slice().buffer));
  } else if (one(fs, 5)) {
    values = Float64Array.from(packedVarints(one(fs, 5) as Uint8Array), Number);
  } else if (one(fs, 7)) {
    values = Float64Array.from(packedVarints(one(fs, 7) as Uint8Array), Number);
  } else values = new Float64Array(0);
  return [str(one(fs, 8)!), { dims: dims.join("x"), type, values }];
}

function valueInfo(b: Uint8Array): string {
  const fs = readFields(b);
  const tt = readFields(one(readFields(one(fs, 2) as Uint8Array), 1) as Uint8Array);
  const shape = one(tt, 2) as Uint8Array | undefined;
  const dims = shape
    ? all(readFields(shape), 1).map((d) => {
      const [n, , v] = readFields(d[2] as Uint8Array)[0] ?? [0, 0, 0n];
      return n === 1 ? String(v) : n === 2 ? str(v) : "?";
    })
    : ["no shape"];
  return `${str(one(fs, 1)!)}:${one(tt, 1)}[${dims.join(",")}]`;
}

function graph(model: Uint8Array) {
  const g = readFields(one(readFields(model), 7) as Uint8Array);
  const nodes = all(g, 1).map((f) => node(f[2] as Uint8Array));
  return {
    nodes,
    inits: new Map(all(g, 5).map((f) => tensor(f[2] as Uint8Array))),
    io: [...all(g, 11), ...all(g, 12)].map((f) => valueInfo(f[2] as Uint8Array)),
  };
}

/** `ok` when both models hold the same graph (up to node order and rounding, see above). */
export function compareOnnx(mine: Uint8Array, template: Uint8Array) {
  const a = graph(mine), b = graph(template), problems: string[] = [];
  const bNodes = new Map(b.nodes.map((n) => [n.outputs, n.text]));
  const aNodes = new Map(a.nodes.map((n) => [n.outputs, n.text]));
  for (const [out, text] of aNodes) {
    if (!bNodes.has(out)) problems.push(`extra node ${text} -> ${out}`);
    else if (bNodes.get(out) !== text) {
      problems.push(`node -> ${out}: ${text} vs template ${bNodes.get(out)}`);
    }
  }
  for (const [out, text] of bNodes) {
    if (!aNodes.has(out)) problems.push(`missing node ${text} -> ${out}`);
  }
  let roundedFloats = 0, offByOne = 0, maxRel = 0;
  for (const [name, t] of b.inits) {
    const m = a.inits.get(name);
    if (!m) {
      problems.push(`missing initializer ${name}`);
      continue;
    }
    if (m.dims !== t.dims || m.type !== t.type || m.values.length !== t.values.length) {
      problems.push(`initializer ${name}: ${m.type}[${m.dims}] vs template ${t.type}[${t.dims}]`);
      continue;
    }
    let big = 0, diff = 0, steps = 0;
    for (let i = 0; i < t.values.length; i++) {
      big = Math.max(big, Math.abs(t.values[i]));
      const d = Math.abs(m.values[i] - t.values[i]);
      diff = Math.max(diff, d);
      if (d) steps++;
    }
    if (!diff) continue;
    if (t.type === 1 && diff <= 1e-6 * Math.max(big, 1e-30)) {
      roundedFloats++, maxRel = Math.max(maxRel, diff / big);
    } else if (t.type === 2 && diff <= 1 && steps <= 0.01 * t.values.length) offByOne += steps;
    else {problems.push(
        `initializer ${name}: ${steps} of ${t.values.length} values differ, max |diff| ${diff}`,
      );}
  }
  for (const name of a.inits.keys()) {
    if (!b.inits.has(name)) problems.push(`extra initializer ${name}`);
  }
  if (a.io.join(";") !== b.io.join(";")) {
    problems.push(`inputs/outputs: ${a.io.join(" ")} vs template ${b.io.join(" ")}`);
  }
  const sameOrder =
    a.nodes.map((n) => n.outputs).join(";") === b.nodes.map((n) => n.outputs).join(";");
  return {
    ok: problems.length === 0,
    problems,
    summary:
      `${a.nodes.length} vs ${b.nodes.length} nodes (${sameOrder ? "same" : "different"} order), ` +
      `${a.inits.size} vs ${b.inits.size} initializers; ${roundedFloats} float tensors differ by rounding ` +
      `(max rel ${maxRel.toExponential(1)}), ${offByOne} uint8 values by one step`,
  };
}
