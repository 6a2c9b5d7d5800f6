// The central directory of a zip archive, read as untrusted input through a
// ByteReader (local file, HTTP ranges or the hub), so that only the directory
// and the byte ranges of the entries we need are ever fetched. torch.save
// writes a zip with "stored" (uncompressed) entries, zip64 records once the
// archive passes 4 GiB, and data descriptors after each entry; that is all
// this reader supports. Compressed entries are refused by name: their bytes
// cannot be read by range, and torch never writes them.

import { FormatError } from "../engine/errors.ts";
import type { ByteReader } from "../engine/platform/bytes.ts";

export interface ZipEntry {
  name: string;
  /** 0 = stored; anything else is refused when the entry is opened. */
  method: number;
  flags: number;
  /** CRC-32 of the data, from the central directory. */
  crc32: number;
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

/**
 * Little-endian fields of a byte block read from an untrusted file: every read
 * is bounds-checked, so a record that claims more bytes than it has is a
 * FormatError naming the record, never a RangeError from DataView.
 */
class Fields {
  readonly #v: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
    readonly what: string,
  ) {
    this.#v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  #at(at: number, n: number, field: string): number {
    if (!Number.isSafeInteger(at) || at < 0 || at + n > this.bytes.length) {
      throw new FormatError(
        this.file,
        `not a valid zip archive (torch .pth): ${this.what} is cut short: its ${field} at byte ` +
          `${at} needs ${n} bytes, but only ${Math.max(0, this.bytes.length - at)} remain`,
      );
    }
    return at;
  }
  u16(at: number, field: string): number {
    return this.#v.getUint16(this.#at(at, 2, field), true);
  }
  u32(at: number, field: string): number {
    return this.#v.getUint32(this.#at(at, 4, field), true);
  }
  u64(at: number, field: string): number {
    const n = this.#v.getBigUint64(this.#at(at, 8, field), true);
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new FormatError(this.file, `zip ${this.what}: ${field} ${n} is too large`);
    }
    return Number(n);
  }
  /** Whether n bytes at `at` exist (optional trailing fields). */
  has(at: number, n: number): boolean {
    return at >= 0 && at + n <= this.bytes.length;
  }
}

/** Reads the central directory; every offset and size is checked against the file. */
export async function readZipDirectory(reader: ByteReader): Promise<ZipDirectory> {
  const file = reader.name;
  const fail = (what: string): never => {
    throw new FormatError(file, `not a valid zip archive (torch .pth): ${what}`);
  };
  if (reader.size < 22) fail(`only ${reader.size} bytes, truncated`);
  const tailStart = Math.max(0, reader.size - EOCD_SEARCH);
  const tail = new Fields(
    await reader.read(tailStart, reader.size - tailStart),
    file,
    "end-of-central-directory record",
  );
  let eocd = -1;
  for (let i = tail.bytes.length - 22; i >= 0; i--) {
    if (tail.u32(i, "signature") === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail("no end-of-central-directory record (truncated, or not a zip file)");
  let entries = tail.u16(eocd + 10, "entry count");
  let dirSize = tail.u32(eocd + 12, "directory size");
  let dirOffset = tail.u32(eocd + 16, "directory offset");
  let dirEnd = tailStart + eocd;
  {
    // A zip64 locator sits right before the EOCD when the archive has one (torch
    // always writes one).
    const loc = eocd - 20;
    if (loc >= 0 && tail.u32(loc, "zip64 locator") === ZIP64_LOCATOR) {
      const recordAt = tail.u64(loc + 8, "zip64 record offset");
      if (recordAt + 56 > tailStart + loc) fail(`zip64 record offset ${recordAt} is out of range`);
      const rec = new Fields(await reader.read(recordAt, 56), file, "zip64 end record");
      if (rec.u32(0, "signature") !== ZIP64_EOCD) fail(`no zip64 record at ${recordAt}`);
      entries = rec.u64(32, "entry count");
      dirSize = rec.u64(40, "directory size");
      dirOffset = rec.u64(48, "directory offset");
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
  const dir = new Fields(await reader.read(dirOffset, dirSize), file, "central directory");
  const map = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > dir.bytes.length || dir.u32(at, "signature") !== CENTRAL) {
      fail(`central directory entry ${i} is missing or corrupt`);
    }
    const nameLen = dir.u16(at + 28, "name length"), extraLen = dir.u16(at + 30, "extra length");
    const commentLen = dir.u16(at + 32, "comment length");
    const extraEnd = at + 46 + nameLen + extraLen;
    if (extraEnd + commentLen > dir.bytes.length) fail(`entry ${i} runs past it`);
    const name = new TextDecoder().decode(dir.bytes.subarray(at + 46, at + 46 + nameLen));
    let compressedSize = dir.u32(at + 20, "compressed size");
    let size = dir.u32(at + 24, "size");
    let headerOffset = dir.u32(at + 42, "header offset");
    // zip64 extra field: the 8-byte values replace the 32-bit fields that are all ones, in order.
    for (let e = at + 46 + nameLen; e + 4 <= extraEnd;) {
      const id = dir.u16(e, "extra field id"), len = dir.u16(e + 2, "extra field length");
      if (e + 4 + len > extraEnd) {
        fail(`entry ${name}: extra field 0x${id.toString(16)} of ${len} bytes runs past its end`);
      }
      if (id === 0x0001) {
        let p = e + 4;
        const next = (what: string) => {
          if (p + 8 > e + 4 + len) fail(`entry ${name}: zip64 field lacks the ${what}`);
          const v = dir.u64(p, `entry ${name}'s zip64 ${what}`);
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
      method: dir.u16(at + 10, "method"),
      flags: dir.u16(at + 8, "flags"),
      crc32: dir.u32(at + 16, "CRC-32"),
      compressedSize,
      size,
      headerOffset,
    });
    at = extraEnd + commentLen;
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
  const fail = (what: string): never => {
    throw new FormatError(zip.file, `zip entry ${entry.name}${what}`, { tensor: entry.name });
  };
  if (entry.method !== 0) {
    fail(
      ` is compressed (method ${entry.method}); only stored entries can be read by ` +
        `byte range. torch.save never compresses; re-save the file with torch.save`,
    );
  }
  if (entry.flags & 1) fail(" is encrypted");
  if (entry.compressedSize !== entry.size) {
    fail(`: stored entry with size ${entry.size} != ${entry.compressedSize}`);
  }
  if (entry.headerOffset + 30 > zip.directoryOffset) {
    fail(`: local header at ${entry.headerOffset} is past the data area`);
  }
  const head = new Fields(
    await reader.read(entry.headerOffset, 30),
    zip.file,
    `local header of ${entry.name}`,
  );
  if (head.u32(0, "signature") !== LOCAL) {
    fail(`: no local file header at offset ${entry.headerOffset}`);
  }
  const offset = entry.headerOffset + 30 + head.u16(26, "name length") +
    head.u16(28, "extra length");
  const end = offset + entry.size;
  if (end > zip.directoryOffset) {
    fail(
      `: data [${offset}, ${end}) runs past the data area, which ends at ` +
        `${zip.directoryOffset}: the entry's size is wrong or the file is truncated`,
    );
  }
  const localSize = head.u32(22, "size");
  if (entry.flags & 8) {
    // Sizes follow the data, with or without a signature, as 4- or 8-byte fields.
    const n = Math.min(24, zip.directoryOffset - end);
    const d = new Fields(await reader.read(end, n), zip.file, `data descriptor of ${entry.name}`);
    const base = d.has(0, 4) && d.u32(0, "signature") === DESCRIPTOR ? 8 : 4;
    const lo = entry.size % 2 ** 32, hi = Math.floor(entry.size / 2 ** 32);
    const small = hi === 0 && d.has(base, 8) && d.u32(base, "size") === lo &&
      d.u32(base + 4, "size") === lo;
    const large = d.has(base, 16) &&
      [0, 8].every((f) => d.u32(base + f, "size") === lo && d.u32(base + f + 4, "size") === hi);
    if (!small && !large) {
      fail(
        `: the data descriptor after the entry does not confirm its size ` +
          `${entry.size}: the directory's size is wrong or the file is corrupt`,
      );
    }
  } else if (localSize !== 0xffffffff && localSize !== entry.size) {
    fail(`: local header says ${localSize} bytes, central directory ${entry.size}`);
  }
  return { offset, size: entry.size };
}
