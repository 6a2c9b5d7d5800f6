// PyTorch .pth files (torch.save of a state dict), read by hand: no npm
// package reads them safely. The JS pickle readers either execute globals or
// ignore them, none streams tensors by byte range from a zip over HTTP, and
// none refuses a hostile file before anything happens. The format is a zip
// (sae/zip.ts) holding `<folder>/data.pkl`, a pickle (sae/pickle.ts) that
// references raw little-endian storages `<folder>/data/<key>`; the folder name
// varies by writer ("archive", the file's stem), so only its shape is relied on.

import { FormatError } from "../engine/errors.ts";
import type { ByteReader } from "../engine/platform/bytes.ts";
import { DTYPE_BYTES, toFloat32 } from "../engine/formats/dtype.ts";
import { checkWeightRange } from "../engine/formats/weight_range.ts";
import { loadStateDict, type PickledTensor, STORAGE_DTYPES } from "./pickle.ts";
import type { WeightFile, WeightTensor } from "./weights.ts";
import { CRC32_INIT, crc32Final, crc32Update } from "./crc32.ts";
import { entryDataRange, readZipDirectory, type ZipEntry } from "./zip.ts";

const MAX_PICKLE_BYTES = 64 * 1024 * 1024;
/** Bytes per read when verify() reads the parts of an entry no tensor read streamed. */
const VERIFY_BLOCK = 16 * 1024 * 1024;

/**
 * An entry's CRC-32, accumulated as its bytes are read in order (the loaders
 * read each storage front to back, so this costs one pass over bytes being
 * read anyway); reads out of order are left for finish() to cover.
 */
class CrcCheck {
  #state = CRC32_INIT;
  #done = 0;
  constructor(
    readonly file: string,
    readonly entry: ZipEntry,
    readonly offset: number,
  ) {}

  /** Entry bytes [at, at + bytes.length) were just read. */
  see(at: number, bytes: Uint8Array): void {
    if (at > this.#done || at + bytes.length <= this.#done) return;
    const fresh = bytes.subarray(this.#done - at);
    this.#state = crc32Update(this.#state, fresh);
    this.#done += fresh.length;
    if (this.#done === this.entry.size) this.#compare();
  }

  /** Reads and checks whatever the loads did not stream through. */
  async finish(reader: ByteReader): Promise<void> {
    if (this.#done === this.entry.size) return this.#compare();
    while (this.#done < this.entry.size) {
      const n = Math.min(VERIFY_BLOCK, this.entry.size - this.#done);
      this.see(this.#done, await reader.read(this.offset + this.#done, n));
    }
  }

  #compare(): void {
    const got = crc32Final(this.#state);
    if (got !== this.entry.crc32) {
      const hex = (x: number) => x.toString(16).padStart(8, "0");
      throw new FormatError(
        this.file,
        `zip entry ${this.entry.name}: bad CRC-32 (computed ${hex(got)}, the archive says ` +
          `${hex(this.entry.crc32)}): the file is corrupt`,
        { tensor: this.entry.name },
      );
    }
  }
}

interface Storage {
  offset: number;
  size: number;
  crc: CrcCheck;
}

function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** Opens a .pth and checks every tensor against its storage; reads no tensor data. */
export async function openPth(reader: ByteReader): Promise<WeightFile> {
  const file = reader.name;
  const zip = await readZipDirectory(reader);
  const pickles = [...zip.entries.keys()].filter((n) => /^([^/]+\/)?data\.pkl$/.test(n));
  if (pickles.length !== 1) {
    throw new FormatError(
      file,
      `expected one <folder>/data.pkl in the archive (a torch.save file), found ` +
        `${pickles.length ? pickles.join(", ") : "none"}`,
    );
  }
  const folder = pickles[0].slice(0, -"data.pkl".length);
  const pklEntry = zip.entries.get(pickles[0])!;
  if (pklEntry.size > MAX_PICKLE_BYTES) {
    throw new FormatError(
      file,
      `${pickles[0]} is ${pklEntry.size} bytes, too large for a state dict`,
    );
  }
  const pklRange = await entryDataRange(reader, zip, pklEntry);
  const pkl = await reader.read(pklRange.offset, pklRange.size);
  new CrcCheck(file, pklEntry, pklRange.offset).see(0, pkl);
  const state = loadStateDict(pkl, `${file}: ${pickles[0]}`);

  const storages = new Map<string, Storage>();
  const tensors = new Map<string, WeightTensor>();
  for (const [name, t] of state) {
    tensors.set(name, await tensorFromStorage(reader, zip, folder, name, t, storages));
  }
  return {
    describe: file,
    tensors,
    async verify() {
      for (const s of storages.values()) await s.crc.finish(reader);
    },
    close: () => reader.close(),
  };
}

async function tensorFromStorage(
  reader: ByteReader,
  zip: Awaited<ReturnType<typeof readZipDirectory>>,
  folder: string,
  name: string,
  t: PickledTensor,
  storages: Map<string, Storage>,
): Promise<WeightTensor> {
  const where = `${reader.name}: tensor ${name}`;
  const dtype = STORAGE_DTYPES[t.storage.type];
  const itemBytes = DTYPE_BYTES[dtype];
  const entryName = `${folder}data/${t.storage.key}`;
  let range = storages.get(entryName);
  if (!range) {
    const entry = zip.entries.get(entryName);
    if (!entry) {
      throw new FormatError(where, `its storage ${entryName} is missing from the archive`);
    }
    const r = await entryDataRange(reader, zip, entry);
    range = { ...r, crc: new CrcCheck(reader.name, entry, r.offset) };
    if (range.size !== t.storage.numel * itemBytes) {
      throw new FormatError(
        where,
        `storage ${entryName} holds ${range.size} bytes, but the pickle says ` +
          `${t.storage.numel} ${dtype} elements (${t.storage.numel * itemBytes} bytes)`,
      );
    }
    storages.set(entryName, range);
  }
  const want = contiguousStrides(t.shape);
  if (t.shape.some((d, i) => d > 1 && t.stride[i] !== want[i])) {
    throw new FormatError(
      where,
      `stride [${t.stride}] for shape [${t.shape}] is not contiguous (want ` +
        `[${want}]); save tensor.contiguous() instead`,
    );
  }
  const numel = t.shape.reduce((a, b) => a * b, 1);
  if (t.offset + numel > t.storage.numel) {
    throw new FormatError(
      where,
      `elements [${t.offset}, ${t.offset + numel}) run past its storage of ` +
        `${t.storage.numel} elements`,
    );
  }
  const rows = t.shape.length === 0 ? 1 : t.shape[0];
  const rowElems = rows === 0 ? 0 : numel / rows;
  const base = range.offset + t.offset * itemBytes;
  const { crc, offset: dataStart } = range;
  return {
    name,
    shape: t.shape,
    dtype,
    async readRows(start, count) {
      if (!Number.isSafeInteger(start) || start < 0 || count < 0 || start + count > rows) {
        throw new FormatError(where, `rows [${start}, ${start + count}) outside its ${rows} rows`);
      }
      const at = base + start * rowElems * itemBytes;
      const bytes = await reader.read(at, count * rowElems * itemBytes);
      crc.see(at - dataStart, bytes);
      const values = toFloat32(bytes, dtype);
      checkWeightRange(values, reader.name, name, start * rowElems);
      return values;
    },
  };
}
