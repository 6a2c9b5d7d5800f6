// The central directory of a zip archive, read as untrusted input through a
// ByteReader (local file, HTTP ranges or the hub), so that only the directory
// and the byte ranges of the entries we need are ever fetched. torch.save
// writes a zip with "stored" (uncompressed) entries, zip64 records once the
// archive passes 4 GiB, and data descriptors after each entry; that is all
// this reader supports. Compressed entries are refused by name: their bytes
// cannot be read by range, and torch never writes them.

import type { ByteReader } from "../engine/formats/bytes.ts";

export interface ZipEntry {
  name: string;
  /** 0 = stored; anything else is refused when the entry is opened. */
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  headerOffset: number;
}

export interface ZipDirectory {
  file: string;
  entries: Map<string, ZipEntry>;
  /** Where the central directory starts: entry data must end before it. */
  directoryOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** The EOCD record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
/** A state dict has a handful of entries; refuse directories built to exhaust memory. */
const MAX_ENTRIES = 1_000_000;
const MAX_DIRECTORY_BYTES = 256 * 1024 * 1024;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(v: DataView, at: number, what: string, file: string): number {
  const n = v.getBigUint64(at, true);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`${file}: zip ${what} ${n} is too large`);
  }
  return Number(n);
}

/** Reads the central directory; every offset and size is checked against the file. */
export async function readZipDirectory(reader: ByteReader): Promise<ZipDirectory> {
  const file = reader.name;
  const fail = (what: string): never => {
    throw new Error(`${file}: not a valid zip archive (torch .pth): ${what}`);
  };
  if (reader.size < 22) fail(`only ${reader.size} bytes, truncated`);
  const tailStart = Math.max(0, reader.size - EOCD_SEARCH);
  const tail = await reader.read(tailStart, reader.size - tailStart);
  const tv = view(tail);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail("no end-of-central-directory record (truncated, or not a zip file)");
  let entries = tv.getUint16(eocd + 10, true);
  let dirSize = tv.getUint32(eocd + 12, true);
  let dirOffset = tv.getUint32(eocd + 16, true);
  const eocdAbs = tailStart + eocd;
  let dirEnd = eocdAbs;
  {
    // A zip64 locator sits right before the EOCD when the archive has one (torch
    // always writes one).
    const loc = eocd - 20;
    if (loc >= 0 && tv.getUint32(loc, true) === ZIP64_LOCATOR) {
      const recordAt = u64(tv, loc + 8, "zip64 record offset", file);
      if (recordAt + 56 > tailStart + loc) fail(`zip64 record offset ${recordAt} is out of range`);
      const rec = view(await reader.read(recordAt, 56));
      if (rec.getUint32(0, true) !== ZIP64_EOCD) fail(`no zip64 record at ${recordAt}`);
      entries = u64(rec, 32, "entry count", file);
      dirSize = u64(rec, 40, "directory size", file);
      dirOffset = u64(rec, 48, "directory offset", file);
      dirEnd = recordAt;
    } else if (entries === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      fail("the archive needs zip64 records but has none");
    }
  }
  if (entries > MAX_ENTRIES || dirSize > MAX_DIRECTORY_BYTES) {
    fail(`${entries} entries in ${dirSize} bytes of directory is more than a state dict holds`);
  }
  if (dirOffset + dirSize > dirEnd) {
    fail(`central directory [${dirOffset}, ${dirOffset + dirSize}) runs past its end record`);
  }
  const dir = await reader.read(dirOffset, dirSize);
  const dv = view(dir);
  const map = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > dir.length || dv.getUint32(at, true) !== CENTRAL) {
      fail(`central directory entry ${i} is missing or corrupt`);
    }
    const nameLen = dv.getUint16(at + 28, true), extraLen = dv.getUint16(at + 30, true);
    const commentLen = dv.getUint16(at + 32, true);
    if (at + 46 + nameLen + extraLen + commentLen > dir.length) fail(`entry ${i} runs past it`);
    const name = new TextDecoder().decode(dir.subarray(at + 46, at + 46 + nameLen));
    let compressedSize = dv.getUint32(at + 20, true);
    let size = dv.getUint32(at + 24, true);
    let headerOffset = dv.getUint32(at + 42, true);
    // zip64 extra field: the 8-byte values replace the 32-bit fields that are all ones, in order.
    for (let e = at + 46 + nameLen; e + 4 <= at + 46 + nameLen + extraLen;) {
      const id = dv.getUint16(e, true), len = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let p = e + 4;
        const next = (what: string) => {
          if (p + 8 > e + 4 + len) fail(`entry ${name}: zip64 field lacks the ${what}`);
          const v = u64(dv, p, what, file);
          p += 8;
          return v;
        };
        if (size === 0xffffffff) size = next("size");
        if (compressedSize === 0xffffffff) compressedSize = next("compressed size");
        if (headerOffset === 0xffffffff) headerOffset = next("header offset");
      }
      e += 4 + len;
    }
    if (map.has(name)) fail(`entry ${name} appears twice`);
    map.set(name, {
      name,
      method: dv.getUint16(at + 10, true),
      flags: dv.getUint16(at + 8, true),
      compressedSize,
      size,
      headerOffset,
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return { file, entries: map, directoryOffset: dirOffset };
}

/**
 * The absolute byte range of a stored entry's data, after checking its local
 * header and its data descriptor (when it has one) against the directory: a
 * size that lies in either place is caught here, before any data is read.
 */
export async function entryDataRange(
  reader: ByteReader,
  zip: ZipDirectory,
  entry: ZipEntry,
): Promise<{ offset: number; size: number }> {
  const where = `${zip.file}: zip entry ${entry.name}`;
  if (entry.method !== 0) {
    throw new Error(
      `${where} is compressed (method ${entry.method}); only stored entries can be read by ` +
        `byte range. torch.save never compresses; re-save the file with torch.save`,
    );
  }
  if (entry.flags & 1) throw new Error(`${where} is encrypted`);
  if (entry.compressedSize !== entry.size) {
    throw new Error(`${where}: stored entry with size ${entry.size} != ${entry.compressedSize}`);
  }
  if (entry.headerOffset + 30 > zip.directoryOffset) {
    throw new Error(`${where}: local header at ${entry.headerOffset} is past the data area`);
  }
  const head = view(await reader.read(entry.headerOffset, 30));
  if (head.getUint32(0, true) !== LOCAL) {
    throw new Error(`${where}: no local file header at offset ${entry.headerOffset}`);
  }
  const offset = entry.headerOffset + 30 + head.getUint16(26, true) + head.getUint16(28, true);
  const end = offset + entry.size;
  if (end > zip.directoryOffset) {
    throw new Error(
      `${where}: data [${offset}, ${end}) runs past the data area, which ends at ` +
        `${zip.directoryOffset}: the entry's size is wrong or the file is truncated`,
    );
  }
  const localSize = head.getUint32(22, true);
  if (entry.flags & 8) {
    // Sizes follow the data, with or without a signature, as 4- or 8-byte fields.
    const n = Math.min(24, zip.directoryOffset - end);
    const d = view(await reader.read(end, n));
    const base = n >= 4 && d.getUint32(0, true) === DESCRIPTOR ? 8 : 4;
    const small = base + 8 <= n && d.getUint32(base, true) === entry.size &&
      d.getUint32(base + 4, true) === entry.size;
    const large = base + 16 <= n && d.getBigUint64(base, true) === BigInt(entry.size) &&
      d.getBigUint64(base + 8, true) === BigInt(entry.size);
    if (!small && !large) {
      throw new Error(
        `${where}: the data descriptor after the entry does not confirm its size ` +
          `${entry.size}: the directory's size is wrong or the file is corrupt`,
      );
    }
  } else if (localSize !== 0xffffffff && localSize !== entry.size) {
    throw new Error(
      `${where}: local header says ${localSize} bytes, central directory ${entry.size}`,
    );
  }
  return { offset, size: entry.size };
}
