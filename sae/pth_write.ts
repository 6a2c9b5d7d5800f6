// Writes a torch.save-style .pth of f32 tensors, streamed: a zip of stored
// entries (`<folder>/data.pkl`, `byteorder`, `data/<i>`, `version`) with a
// protocol-2 state-dict pickle, data descriptors after each entry (the CRC is
// known only once the data has gone by), data aligned to 64 bytes by an "FB"
// padding field as torch's writer does, and zip64 end records (plus zip64
// offsets for entries past 4 GiB). Tensor data comes from a callback slab by
// slab, so a 4 GiB SAE is written with one slab in memory. No Deno APIs: the
// caller's sink writes the bytes. sae/pth.ts reads what this writes.

/** Where the bytes go, in order. */
export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
}

/** One tensor: its shape, and its rows [start, start + count) as f32 on demand. */
export interface PthTensorSource {
  name: string;
  shape: readonly number[];
  rows(start: number, count: number): Float32Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  // Slicing-by-4: four bytes per step (about 3x the byte-at-a-time loop).
  for (let n = 0; n < 256; n++) {
    for (let s = 1; s < 4; s++) {
      t[s * 256 + n] = (t[(s - 1) * 256 + n] >>> 8) ^ t[t[(s - 1) * 256 + n] & 255];
    }
  }
  return t;
})();

/** CRC-32 (zip's polynomial) of `d`, continuing from `crc` (0 to start). */
export function crc32(d: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0, i = 0;
  const T = CRC_TABLE;
  const n4 = d.length & ~3;
  for (; i < n4; i += 4) {
    c ^= d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24);
    c = T[768 + (c & 255)] ^ T[512 + ((c >>> 8) & 255)] ^ T[256 + ((c >>> 16) & 255)] ^
      T[c >>> 24];
  }
  for (; i < d.length; i++) c = T[(c ^ d[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}

class Pickler {
  out: number[] = [];
  op(...b: number[]) {
    this.out.push(...b);
    return this;
  }
  str(s: string) {
    const u = new TextEncoder().encode(s), n = u.length;
    return this.op(0x58, n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24, ...u);
  }
  int(v: number) {
    if (v >= 0 && v < 2 ** 31) {
      return this.op(0x4a, v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255);
    }
    // LONG1 for counts past 2^31 (a 70B SAE's storages are 2^29 elements; kept general).
    const bytes: number[] = [];
    let x = BigInt(v);
    while (x > 0n) bytes.push(Number(x & 255n)), x >>= 8n;
    if (bytes[bytes.length - 1] & 0x80) bytes.push(0);
    return this.op(0x8a, bytes.length, ...bytes);
  }
  global(module: string, name: string) {
    return this.op(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  }
  tuple(values: readonly number[]) {
    this.op(0x28);
    for (const v of values) this.int(v);
    return this.op(0x74);
  }
}

/** The state-dict pickle torch.save writes for contiguous f32 tensors in storages "0", "1", … */
export function stateDictPickle(tensors: readonly { name: string; shape: readonly number[] }[]) {
  const p = new Pickler().op(0x80, 2).global("collections", "OrderedDict").op(0x29, 0x52, 0x28);
  tensors.forEach((t, i) => {
    const numel = t.shape.reduce((a, b) => a * b, 1);
    const stride = t.shape.map((_, d) => t.shape.slice(d + 1).reduce((a, b) => a * b, 1));
    p.str(t.name).global("torch._utils", "_rebuild_tensor_v2").op(0x28, 0x28).str("storage")
      .global("torch", "FloatStorage").str(String(i)).str("cpu").int(numel).op(0x74, 0x51)
      .int(0).tuple(t.shape).tuple(stride).op(0x89)
      .global("collections", "OrderedDict").op(0x29, 0x52, 0x74, 0x52);
  });
  return new Uint8Array(p.op(0x75, 0x2e).out);
}

class LittleEndian {
  bytes: number[] = [];
  put(v: number, n: number) {
    for (let i = 0; i < n; i++) this.bytes.push(Number((BigInt(v) >> BigInt(8 * i)) & 255n));
    return this;
  }
  raw(u: Uint8Array | number[]) {
    this.bytes.push(...u);
    return this;
  }
  get u8() {
    return new Uint8Array(this.bytes);
  }
}

const ALIGN = 64;
const SLAB_BYTES = 16 << 20;

/** Streams a .pth of `tensors` (f32) under `folder/` into `sink`; returns the bytes written. */
export async function writePth(
  sink: ByteSink,
  tensors: readonly PthTensorSource[],
  folder = "archive",
  onBytes?: (written: number) => void,
): Promise<number> {
  let at = 0;
  const central: { name: Uint8Array; crc: number; size: number; offset: number }[] = [];
  const emit = async (b: Uint8Array) => {
    await sink.write(b);
    at += b.length;
    onBytes?.(at);
  };
  const entry = async (
    name: string,
    size: number,
    body: (put: (b: Uint8Array) => Promise<void>) => Promise<void>,
  ) => {
    const n = new TextEncoder().encode(`${folder}/${name}`);
    const offset = at;
    const pad = (ALIGN - ((offset + 30 + n.length + 4) % ALIGN)) % ALIGN;
    const h = new LittleEndian().put(0x04034b50, 4).put(45, 2).put(8, 2).put(0, 2).put(0, 4)
      .put(0, 4).put(0, 4).put(0, 4).put(n.length, 2).put(4 + pad, 2).raw(n)
      .put(0x4246, 2).put(pad, 2).raw(new Array(pad).fill(0x5a)); // "FB" field of "Z"s
    await emit(h.u8);
    let crc = 0, written = 0;
    await body(async (b) => {
      crc = crc32(b, crc);
      written += b.length;
      await emit(b);
    });
    if (written !== size) throw new Error(`writePth: ${name} wrote ${written} of ${size} bytes`);
    await emit(new LittleEndian().put(0x08074b50, 4).put(crc, 4).put(size, 4).put(size, 4).u8);
    central.push({ name: n, crc, size, offset });
  };
  const small = (name: string, data: Uint8Array) => entry(name, data.length, (put) => put(data));

  await small("data.pkl", stateDictPickle(tensors));
  await small("byteorder", new TextEncoder().encode("little"));
  for (const [i, t] of tensors.entries()) {
    const rows = t.shape.length ? t.shape[0] : 1;
    const rowElems = t.shape.slice(1).reduce((a, b) => a * b, 1);
    const slab = Math.max(1, Math.floor(SLAB_BYTES / (rowElems * 4)));
    await entry(`data/${i}`, rows * rowElems * 4, async (put) => {
      for (let r = 0; r < rows; r += slab) {
        const f = t.rows(r, Math.min(slab, rows - r));
        await put(new Uint8Array(f.buffer, f.byteOffset, f.byteLength));
      }
    });
  }
  await small("version", new TextEncoder().encode("3\n"));

  const dirStart = at;
  for (const c of central) {
    const far = c.offset >= 0xffffffff;
    const d = new LittleEndian().put(0x02014b50, 4).put(45, 2).put(45, 2).put(8, 2).put(0, 2)
      .put(0, 4).put(c.crc, 4).put(c.size, 4).put(c.size, 4).put(c.name.length, 2)
      .put(far ? 12 : 0, 2).put(0, 2).put(0, 2).put(0, 2).put(0, 4)
      .put(far ? 0xffffffff : c.offset, 4).raw(c.name);
    if (far) d.put(0x0001, 2).put(8, 2).put(c.offset, 8);
    await emit(d.u8);
  }
  const dirSize = at - dirStart, z64 = at, n = central.length;
  await emit(
    new LittleEndian().put(0x06064b50, 4).put(44, 8).put(45, 2).put(45, 2).put(0, 4).put(0, 4)
      .put(n, 8).put(n, 8).put(dirSize, 8).put(dirStart, 8)
      .put(0x07064b50, 4).put(0, 4).put(z64, 8).put(1, 4)
      .put(0x06054b50, 4).put(0, 2).put(0, 2).put(Math.min(n, 0xffff), 2)
      .put(Math.min(n, 0xffff), 2).put(Math.min(dirSize, 0xffffffff), 4)
      .put(Math.min(dirStart, 0xffffffff), 4).put(0, 2).u8,
  );
  return at;
}
