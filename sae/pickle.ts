// A pickle reader for PyTorch state dicts that executes nothing. A pickle is a
// program: GLOBAL names any Python callable and REDUCE calls it, so loading an
// untrusted .pth with Python's pickle can run os.system. Here the program is
// first scanned, every opcode decoded and every GLOBAL checked against a short
// allow-list, and refused before a single opcode runs; then a small stack
// machine interprets the opcodes a state dict needs, and the allowed globals
// only build plain records (a dict, a storage reference, a tensor view).

export interface PickledStorage {
  kind: "storage";
  /** torch's storage class name: FloatStorage, BFloat16Storage or HalfStorage. */
  type: string;
  /** The zip entry `<folder>/data/<key>` holding the bytes. */
  key: string;
  location: string;
  numel: number;
}

export interface PickledTensor {
  kind: "tensor";
  storage: PickledStorage;
  /** In elements of the storage. */
  offset: number;
  shape: number[];
  stride: number[];
}

interface Tuple {
  kind: "tuple";
  items: Value[];
}
interface Global {
  kind: "global";
  name: string;
}
interface Dict {
  kind: "dict";
  map: Map<string | number, Value>;
}
import { FormatError } from "../engine/errors.ts";
import { decode, scanPickle, STORAGE_DTYPES } from "./pickle_scan.ts";

export { ALLOWED_GLOBALS, scanPickle, STORAGE_DTYPES } from "./pickle_scan.ts";

type Value =
  | null
  | boolean
  | number
  | string
  | Value[]
  | Tuple
  | Global
  | Dict
  | PickledStorage
  | PickledTensor;

function isCountList(v: Value): v is Tuple {
  return typeof v === "object" && v !== null && "kind" in v && v.kind === "tuple" &&
    v.items.every((x) => typeof x === "number" && Number.isSafeInteger(x) && x >= 0);
}

/** What a REDUCE of an allowed global with these arguments builds. */
function call(fn: Global, args: Tuple, where: string): Value {
  const a = args.items;
  const bad = (why: string): never => {
    throw new FormatError(where, `${fn.name} called with unexpected arguments: ${why}`);
  };
  switch (fn.name) {
    case "collections.OrderedDict":
      if (a.length !== 0) bad("expected ()");
      return { kind: "dict", map: new Map() };
    case "torch._utils._rebuild_tensor_v2": {
      // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
      const [storage, offset, size, stride] = a;
      if (a.length < 6 || a.length > 7) bad(`${a.length} arguments, expected 6 or 7`);
      if (
        typeof storage !== "object" || storage === null || !("kind" in storage) ||
        storage.kind !== "storage"
      ) bad("the first is not a storage");
      if (typeof offset !== "number" || !Number.isSafeInteger(offset) || offset < 0) {
        bad("bad storage offset");
      }
      if (!isCountList(size) || !isCountList(stride) || size.items.length !== stride.items.length) {
        bad("size and stride must be tuples of equal length");
      }
      return {
        kind: "tensor",
        storage: storage as PickledStorage,
        offset: offset as number,
        shape: (size as Tuple).items as number[],
        stride: (stride as Tuple).items as number[],
      };
    }
    case "torch._utils._rebuild_parameter": {
      // (data, requires_grad, backward_hooks): a Parameter is its tensor here.
      const t = a[0];
      if (typeof t !== "object" || t === null || !("kind" in t) || t.kind !== "tensor") {
        bad("the first is not a tensor");
      }
      return t;
    }
  }
  return bad("this global is not callable"); // storage classes only appear in persistent ids
}

/** The persistent id torch writes for a storage: ('storage', cls, key, location, numel). */
function persistentLoad(pid: Value, where: string): PickledStorage {
  const items = typeof pid === "object" && pid !== null && "kind" in pid && pid.kind === "tuple"
    ? pid.items
    : [];
  const [tag, cls, key, location, numel] = items;
  const clsName = typeof cls === "object" && cls !== null && "kind" in cls &&
      cls.kind === "global"
    ? cls.name
    : "";
  if (
    items.length !== 5 || tag !== "storage" || !Object.hasOwn(STORAGE_DTYPES, clsName) ||
    typeof key !== "string" || !/^[A-Za-z0-9_.-]+$/.test(key) || typeof location !== "string" ||
    typeof numel !== "number" || !Number.isSafeInteger(numel) || numel < 0
  ) {
    throw new FormatError(
      where,
      `persistent id is not a torch storage reference ` +
        `('storage', <FloatStorage|BFloat16Storage|HalfStorage>, key, location, numel)`,
    );
  }
  return { kind: "storage", type: clsName, key, location, numel };
}

/**
 * Runs a state-dict pickle (after scanPickle) and returns name -> tensor.
 * The top object must be a dict or OrderedDict of tensors.
 */
export function loadStateDict(bytes: Uint8Array, where: string): Map<string, PickledTensor> {
  scanPickle(bytes, where);
  const stack: Value[] = [];
  const marks: number[] = [];
  const memo = new Map<number, Value>();
  const pop = (): Value => {
    if (stack.length === 0 || stack.length === marks[marks.length - 1]) {
      throw new FormatError(where, `pickle stack underflow`);
    }
    return stack.pop()!;
  };
  const popMark = (): Value[] => {
    const m = marks.pop();
    if (m === undefined) throw new FormatError(where, `pickle has no MARK to pop to`);
    return stack.splice(m);
  };
  const asDict = (v: Value): Dict => {
    if (typeof v !== "object" || v === null || !("kind" in v) || v.kind !== "dict") {
      throw new FormatError(where, `SETITEM(S) on something that is not a dict`);
    }
    return v;
  };
  const setItem = (d: Dict, k: Value, v: Value) => {
    if (typeof k !== "string" && typeof k !== "number") {
      throw new FormatError(where, `dict key of an unsupported type`);
    }
    d.map.set(k, v);
  };
  for (let pos = 0;;) {
    const op = decode(bytes, pos, where);
    pos = op.end;
    switch (op.code) {
      case 0x80: // PROTO
      case 0x95: // FRAME
        break;
      case 0x2e: { // STOP
        const top = pop();
        if (typeof top !== "object" || top === null || !("kind" in top) || top.kind !== "dict") {
          throw new FormatError(where, `the pickle is not a state dict (a dict of tensors)`);
        }
        const out = new Map<string, PickledTensor>();
        for (const [k, v] of top.map) {
          if (
            typeof k !== "string" || typeof v !== "object" || v === null || !("kind" in v) ||
            v.kind !== "tensor"
          ) throw new FormatError(where, `state dict entry ${String(k)} is not a tensor`);
          out.set(k, v);
        }
        return out;
      }
      case 0x28:
        marks.push(stack.length);
        break;
      case 0x29:
        stack.push({ kind: "tuple", items: [] });
        break;
      case 0x74:
        stack.push({ kind: "tuple", items: popMark() });
        break;
      case 0x85:
      case 0x86:
      case 0x87: {
        const n = op.code - 0x84;
        const items: Value[] = [];
        for (let i = 0; i < n; i++) items.unshift(pop());
        stack.push({ kind: "tuple", items });
        break;
      }
      case 0x5d:
        stack.push([]);
        break;
      case 0x6c:
        stack.push(popMark());
        break;
      case 0x61:
      case 0x65: {
        const items = op.code === 0x61 ? [pop()] : popMark();
        const list = pop();
        if (!Array.isArray(list)) throw new FormatError(where, `APPEND to something not a list`);
        // One push per item: push(...items) passes every item as an argument and
        // overflows the stack from about 130,000 of them.
        for (const item of items) list.push(item);
        stack.push(list);
        break;
      }
      case 0x7d:
        stack.push({ kind: "dict", map: new Map() });
        break;
      case 0x64: {
        const items = popMark();
        const d: Dict = { kind: "dict", map: new Map() };
        for (let i = 0; i + 1 < items.length; i += 2) setItem(d, items[i], items[i + 1]);
        stack.push(d);
        break;
      }
      case 0x73: {
        const v = pop(), k = pop();
        setItem(asDict(stack[stack.length - 1] ?? null), k, v);
        break;
      }
      case 0x75: {
        const items = popMark();
        const d = asDict(stack[stack.length - 1] ?? null);
        if (items.length % 2) throw new FormatError(where, `SETITEMS with an odd item count`);
        for (let i = 0; i < items.length; i += 2) setItem(d, items[i], items[i + 1]);
        break;
      }
      case 0x71:
      case 0x72:
      case 0x94:
        if (stack.length === 0) throw new FormatError(where, `memo put on an empty stack`);
        memo.set(op.code === 0x94 ? memo.size : op.arg as number, stack[stack.length - 1]);
        break;
      case 0x68:
      case 0x6a: {
        if (!memo.has(op.arg as number)) throw new FormatError(where, `memo ${op.arg} is unset`);
        stack.push(memo.get(op.arg as number)!);
        break;
      }
      case 0x4b:
      case 0x4d:
      case 0x4a:
      case 0x8a:
      case 0x47:
      case 0x58:
      case 0x8c:
        stack.push(op.arg as number | string);
        break;
      case 0x88:
      case 0x89:
        stack.push(op.code === 0x88);
        break;
      case 0x4e:
        stack.push(null);
        break;
      case 0x63:
        stack.push({ kind: "global", name: (op.arg as [string, string]).join(".") });
        break;
      case 0x52: { // REDUCE
        const args = pop(), fn = pop();
        if (
          typeof fn !== "object" || fn === null || !("kind" in fn) || fn.kind !== "global" ||
          typeof args !== "object" || args === null || !("kind" in args) || args.kind !== "tuple"
        ) throw new FormatError(where, `REDUCE needs a global and an argument tuple`);
        stack.push(call(fn, args, where));
        break;
      }
      case 0x62: { // BUILD: only the state_dict's `_metadata` attribute
        const state = pop();
        const target = stack[stack.length - 1];
        const ok = typeof target === "object" && target !== null && "kind" in target &&
          target.kind === "dict" && typeof state === "object" && state !== null &&
          "kind" in state && state.kind === "dict" &&
          [...state.map.keys()].every((k) => k === "_metadata");
        if (!ok) throw new FormatError(where, `BUILD other than a state dict's _metadata`);
        break;
      }
      case 0x51: // BINPERSID
        stack.push(persistentLoad(pop(), where));
        break;
      case 0x30:
        pop();
        break;
      case 0x31:
        popMark();
        break;
      case 0x32:
        stack.push(stack[stack.length - 1] ?? null);
        break;
    }
  }
}
