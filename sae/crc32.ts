// CRC-32 (IEEE 802.3, the zip checksum), table-driven with slicing-by-8: eight
// 256-entry tables let the loop consume 8 bytes per step. A zip entry's data
// is checked as it streams by (sae/pth.ts), so the cost is one pass over bytes
// that are being read anyway.

// Int32Array and int32 arithmetic throughout: values kept below 2^31 stay
// small integers in V8 (unsigned ones above it would become heap doubles).
const TABLES: Int32Array[] = (() => {
  const t = Array.from({ length: 8 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0][n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) t[k][n] = (t[k - 1][n] >>> 8) ^ t[0][t[k - 1][n] & 0xff];
  }
  return t;
})();

/** The running state before any byte; pass it to crc32Update, then crc32Final. */
export const CRC32_INIT = 0xffffffff;

/** Feeds `bytes` into a running CRC state. */
export function crc32Update(state: number, bytes: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let c = state | 0;
  let i = 0;
  const n8 = bytes.length - (bytes.length % 8);
  for (; i < n8; i += 8) {
    const a = c ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    c = t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24] ^
      t3[bytes[i + 4]] ^ t2[bytes[i + 5]] ^ t1[bytes[i + 6]] ^ t0[bytes[i + 7]];
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return c >>> 0;
}

/** The CRC-32 of a finished state. */
export function crc32Final(state: number): number {
  return (state ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of one buffer. */
export function crc32(bytes: Uint8Array): number {
  return crc32Final(crc32Update(CRC32_INIT, bytes));
}
