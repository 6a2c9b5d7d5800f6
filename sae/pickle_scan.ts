// Pickle opcodes, decoded and checked without running anything: the first
// pass of sae/pickle.ts. A pickle is a program (GLOBAL names any Python
// callable, REDUCE calls it), so every opcode is decoded and every GLOBAL is
// checked against a short allow-list before a single opcode is interpreted.

import { FormatError } from "../engine/errors.ts";

/** Storage classes, by the dtype name the weight loaders use. */
export const STORAGE_DTYPES: Readonly<Record<string, "F32" | "BF16" | "F16">> = {
  "torch.FloatStorage": "F32",
  "torch.BFloat16Storage": "BF16",
  "torch.HalfStorage": "F16",
};

/** Every global a state dict may name; anything else is refused before the pickle runs. */
export const ALLOWED_GLOBALS: readonly string[] = [
  "collections.OrderedDict",
  "torch._utils._rebuild_tensor_v2",
  "torch._utils._rebuild_parameter",
  ...Object.keys(STORAGE_DTYPES),
];

const MAX_PICKLE_BYTES = 64 * 1024 * 1024;

export interface Op {
  code: number;
  /** Integer, string or [module, name], by opcode. */
  arg: number | string | [string, string] | null;
  end: number;
}

// Opcodes of protocols 0-2 that a torch state dict uses, plus a few harmless
// later ones; anything else (INST, OBJ, NEWOBJ, STACK_GLOBAL, EXT*, ...) is refused.
const NO_ARG = new Set([
  0x2e,
  /* STOP */ 0x28,
  /* MARK */ 0x29,
  /* EMPTY_TUPLE */ 0x74,
  /* TUPLE */ 0x85,
  0x86,
  0x87,
  /* TUPLE1-3 */ 0x5d,
  /* EMPTY_LIST */ 0x61,
  /* APPEND */ 0x65, /* APPENDS */
  0x6c,
  /* LIST */ 0x7d,
  /* EMPTY_DICT */ 0x64,
  /* DICT */ 0x73,
  /* SETITEM */ 0x75, /* SETITEMS */
  0x94,
  /* MEMOIZE */ 0x88,
  0x89,
  /* NEWTRUE, NEWFALSE */ 0x4e,
  /* NONE */ 0x52, /* REDUCE */
  0x62,
  /* BUILD */ 0x51,
  /* BINPERSID */ 0x30,
  /* POP */ 0x31,
  /* POP_MARK */ 0x32, /* DUP */
]);

function opName(code: number): string {
  const c = String.fromCharCode(code);
  return code >= 0x20 && code < 0x7f ? `'${c}' (0x${code.toString(16)})` : `0x${code.toString(16)}`;
}

/** Decodes the opcode at `pos` and its argument; never runs anything. */
export function decode(b: Uint8Array, pos: number, where: string): Op {
  const need = (n: number) => {
    if (pos + 1 + n > b.length) throw new FormatError(where, `pickle truncated at byte ${pos}`);
  };
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const code = b[pos];
  if (NO_ARG.has(code)) return { code, arg: null, end: pos + 1 };
  const text = (from: number, n: number) => {
    need(from - pos - 1 + n);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(b.subarray(from, from + n));
    } catch {
      throw new FormatError(
        where,
        `the ${n}-byte string at byte ${from} (opcode ${opName(code)} at byte ${pos}) ` +
          `is not valid UTF-8`,
      );
    }
  };
  switch (code) {
    case 0x80: // PROTO
    case 0x4b: // BININT1
    case 0x71: // BINPUT
    case 0x68: // BINGET
      need(1);
      return { code, arg: b[pos + 1], end: pos + 2 };
    case 0x4d: // BININT2
      need(2);
      return { code, arg: v.getUint16(pos + 1, true), end: pos + 3 };
    case 0x4a: // BININT
      need(4);
      return { code, arg: v.getInt32(pos + 1, true), end: pos + 5 };
    case 0x72: // LONG_BINPUT
    case 0x6a: // LONG_BINGET
      need(4);
      return { code, arg: v.getUint32(pos + 1, true), end: pos + 5 };
    case 0x95: // FRAME: a length hint only
      need(8);
      return { code, arg: null, end: pos + 9 };
    case 0x47: // BINFLOAT, big-endian
      need(8);
      return { code, arg: v.getFloat64(pos + 1, false), end: pos + 9 };
    case 0x8a: { // LONG1: little-endian two's complement of n bytes
      need(1);
      const n = b[pos + 1];
      need(1 + n);
      if (n > 7) throw new FormatError(where, `LONG1 of ${n} bytes is too large for a size`);
      let x = 0;
      for (let i = n - 1; i >= 0; i--) x = x * 256 + b[pos + 2 + i];
      if (n > 0 && b[pos + 1 + n] & 0x80) x -= 2 ** (8 * n);
      return { code, arg: x, end: pos + 2 + n };
    }
    case 0x58: { // BINUNICODE
      need(4);
      const n = v.getUint32(pos + 1, true);
      return { code, arg: text(pos + 5, n), end: pos + 5 + n };
    }
    case 0x8c: { // SHORT_BINUNICODE
      need(1);
      const n = b[pos + 1];
      return { code, arg: text(pos + 2, n), end: pos + 2 + n };
    }
    case 0x63: { // GLOBAL "module\nname\n"
      const line = (from: number) => {
        const nl = b.indexOf(0x0a, from);
        if (nl < 0 || nl - from > 256) throw new FormatError(where, `bad GLOBAL at byte ${pos}`);
        return [text(from, nl - from), nl + 1] as const;
      };
      const [module, afterModule] = line(pos + 1);
      const [name, end] = line(afterModule);
      return { code, arg: [module, name], end };
    }
  }
  throw new FormatError(
    where,
    `pickle opcode ${opName(code)} at byte ${pos} is not allowed in a state dict; ` +
      `refusing to load it`,
  );
}

/**
 * Decodes every opcode and refuses the pickle if any is outside the supported
 * set or any GLOBAL is outside ALLOWED_GLOBALS. Returns the globals named.
 */
export function scanPickle(bytes: Uint8Array, where: string): string[] {
  if (bytes.length > MAX_PICKLE_BYTES) {
    throw new FormatError(where, `${bytes.length}-byte pickle is too large for a state dict`);
  }
  const globals: string[] = [];
  for (let pos = 0;;) {
    if (pos >= bytes.length) throw new FormatError(where, `pickle ends without STOP`);
    const op = decode(bytes, pos, where);
    if (op.code === 0x63) {
      const name = (op.arg as [string, string]).join(".");
      if (!ALLOWED_GLOBALS.includes(name)) {
        throw new FormatError(
          where,
          `pickle refers to global ${name}, which a state dict never needs; ` +
            `refusing to load it (allowed: ${ALLOWED_GLOBALS.join(", ")})`,
        );
      }
      globals.push(name);
    }
    if (op.code === 0x2e) return globals;
    pos = op.end;
  }
}
