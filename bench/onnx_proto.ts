// The slice of ONNX's protobuf schema (onnx.proto) that the peers' plain Llama
// graphs use, written and read by hand: ModelProto, GraphProto, NodeProto,
// AttributeProto, TensorProto and ValueInfoProto. A message is built as a list
// of byte chunks that reference the tensors' data rather than copy it, so a
// 1 GB model is written to disk without being joined in memory. The reader
// turns any message into its raw fields (number, wire type, value), enough to
// compare a written graph with a template field by field.

/** TensorProto.DataType values used here. */
export const DT = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, BOOL: 9 } as const;

/** AttributeProto.AttributeType values used here. */
const AT = { FLOAT: 1, INT: 2, STRING: 3, INTS: 7 } as const;

const enc = new TextEncoder();

/** A protobuf message under construction: chunks in order and their total length. */
export class Message {
  readonly chunks: Uint8Array[] = [];
  length = 0;

  #push(b: Uint8Array): this {
    this.chunks.push(b);
    this.length += b.length;
    return this;
  }
  #varint(v: number | bigint): Uint8Array {
    let x = BigInt.asUintN(64, BigInt(v));
    const out: number[] = [];
    do {
      const low = Number(x & 0x7fn);
      x >>= 7n;
      out.push(x ? low | 0x80 : low);
    } while (x);
    return new Uint8Array(out);
  }
  #tag(field: number, wire: number) {
    return this.#push(this.#varint((field << 3) | wire));
  }
  /** int32/int64/enum field (negative values as ten-byte two's complement, as protobuf does). */
  int(field: number, v: number | bigint): this {
    return this.#tag(field, 0).#push(this.#varint(v));
  }
  float(field: number, v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    return this.#tag(field, 5).#push(b);
  }
  bytes(field: number, b: Uint8Array): this {
    return this.#tag(field, 2).#push(this.#varint(b.length)).#push(b);
  }
  string(field: number, s: string): this {
    return this.bytes(field, enc.encode(s));
  }
  /** A nested message: its chunks are appended, not copied. */
  message(field: number, m: Message): this {
    this.#tag(field, 2).#push(this.#varint(m.length));
    for (const c of m.chunks) this.#push(c);
    return this;
  }
  /** The message as one array (small messages and tests). */
  bytesOut(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) out.set(c, at), at += c.length;
    return out;
  }
}

/** A tensor: `raw` holds little-endian values; scalars (dims []) may use float_data / int32_data. */
export interface OnnxTensor {
  name: string;
  dataType: number;
  dims: readonly number[];
  raw?: Uint8Array;
  floatData?: readonly number[];
  int32Data?: readonly number[];
}

export function tensorProto(t: OnnxTensor): Message {
  const m = new Message();
  for (const d of t.dims) m.int(1, d);
  m.int(2, t.dataType);
  if (t.floatData) {
    const b = new Uint8Array(4 * t.floatData.length);
    const v = new DataView(b.buffer);
    t.floatData.forEach((x, i) => v.setFloat32(4 * i, x, true));
    m.bytes(4, b); // packed
  }
  if (t.int32Data) {
    const packed = new Message();
    for (const x of t.int32Data) packed.chunks.push(new Message().int(1, x).bytesOut().subarray(1));
    packed.length = packed.chunks.reduce((a, c) => a + c.length, 0);
    m.message(5, packed);
  }
  m.string(8, t.name);
  if (t.raw) m.bytes(9, t.raw);
  return m;
}

/** Attribute values: number (INT), {f} (FLOAT), string (STRING), number[] (INTS). */
export type AttrValue = number | { f: number } | string | readonly number[];

export interface OnnxNode {
  op: string;
  name?: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attrs?: Readonly<Record<string, AttrValue>>;
  domain?: string;
}

export function nodeProto(n: OnnxNode): Message {
  const m = new Message();
  for (const i of n.inputs) m.string(1, i);
  for (const o of n.outputs) m.string(2, o);
  if (n.name !== undefined) m.string(3, n.name);
  m.string(4, n.op);
  for (const [name, v] of Object.entries(n.attrs ?? {})) {
    const a = new Message().string(1, name);
    if (typeof v === "number") a.int(3, v).int(20, AT.INT);
    else if (typeof v === "string") a.string(4, v).int(20, AT.STRING);
    else if (Array.isArray(v)) {
      for (const x of v) a.int(8, x);
      a.int(20, AT.INTS);
    } else a.float(2, (v as { f: number }).f).int(20, AT.FLOAT);
    m.message(5, a);
  }
  if (n.domain !== undefined) m.string(7, n.domain);
  return m;
}

/** A graph input or output: element type and dims (a string is a symbolic dim). */
export interface OnnxValue {
  name: string;
  elemType: number;
  dims: readonly (number | string)[];
}

export function valueInfoProto(v: OnnxValue): Message {
  const shape = new Message();
  for (const d of v.dims) {
    const dim = new Message();
    if (typeof d === "number") dim.int(1, d);
    else dim.string(2, d);
    shape.message(1, dim);
  }
  const tensorType = new Message().int(1, v.elemType).message(2, shape);
  return new Message().string(1, v.name).message(2, new Message().message(1, tensorType));
}

export interface OnnxModel {
  producer: string;
  producerVersion?: string;
  graphName: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  inputs: readonly OnnxValue[];
  outputs: readonly OnnxValue[];
  /** metadata_props (onnxruntime's quantizer writes onnx.infer = onnxruntime.quant). */
  metadata?: Readonly<Record<string, string>>;
}

/** ModelProto: IR version 8, opsets "" 17 and com.microsoft 1 (as the peers' templates). */
export function modelProto(g: OnnxModel): Message {
  const graph = new Message();
  for (const n of g.nodes) graph.message(1, nodeProto(n));
  graph.string(2, g.graphName);
  for (const t of g.initializers) graph.message(5, tensorProto(t));
  for (const v of g.inputs) graph.message(11, valueInfoProto(v));
  for (const v of g.outputs) graph.message(12, valueInfoProto(v));
  const m = new Message().int(1, 8).string(2, g.producer);
  if (g.producerVersion !== undefined) m.string(3, g.producerVersion);
  m.message(7, graph);
  for (const [domain, version] of [["", 17], ["com.microsoft", 1]] as const) {
    m.message(8, new Message().string(1, domain).int(2, version));
  }
  for (const [key, value] of Object.entries(g.metadata ?? {})) {
    m.message(14, new Message().string(1, key).string(2, value));
  }
  return m;
}

/** Writes a message's chunks to a file in order. */
export async function writeMessage(path: string, m: Message): Promise<void> {
  const f = await Deno.open(path, { write: true, create: true, truncate: true });
  try {
    for (const c of m.chunks) {
      for (let o = 0; o < c.length;) o += await f.write(c.subarray(o));
    }
  } finally {
    f.close();
  }
}

// ---------------------------------------------------------------- reading

/** One field of a message: number, wire type (0 varint, 1 fixed64, 2 bytes, 5 fixed32), value. */
export type Field = [field: number, wire: number, value: bigint | Uint8Array];

/** The raw fields of one message (not recursive: nested messages stay bytes). */
export function readFields(b: Uint8Array): Field[] {
  let i = 0;
  const varint = () => {
    let x = 0n, s = 0n;
    for (;;) {
      if (i >= b.length) throw new Error(`readFields: truncated varint at byte ${i}`);
      const c = b[i++];
      x |= BigInt(c & 0x7f) << s;
      s += 7n;
      if (!(c & 0x80)) return x;
    }
  };
  const out: Field[] = [];
  while (i < b.length) {
    const key = Number(varint()), field = key >> 3, wire = key & 7;
    if (wire === 0) out.push([field, wire, varint()]);
    else if (wire === 2) {
      const n = Number(varint());
      out.push([field, wire, b.subarray(i, i + n)]);
      i += n;
    } else if (wire === 5 || wire === 1) {
      const n = wire === 5 ? 4 : 8;
      out.push([field, wire, b.subarray(i, i + n)]);
      i += n;
    } else throw new Error(`readFields: wire type ${wire} (field ${field}) at byte ${i}`);
  }
  if (i !== b.length) throw new Error(`readFields: message overruns its ${b.length} bytes`);
  return out;
}
