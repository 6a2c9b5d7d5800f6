// Typed access to GGUF metadata: each getter checks the stored value's type
// and range and fails with a FormatError naming the file and key, so that
// `llama.block_count` stored as the string "5" is reported as such instead of
// turning into NaN or "55" somewhere later.

import { FormatError } from "../errors.ts";
import type { GgufValue } from "./gguf_header.ts";

const INTEGER_TYPES = new Set(["uint8", "int8", "uint16", "int16", "uint32", "int32"]);

function show(v: GgufValue | undefined): string {
  if (v === undefined) return "nothing (missing)";
  if (v.type === "array") return `an array of ${v.value.length} ${v.itemType}`;
  const text = typeof v.value === "bigint" ? String(v.value) : JSON.stringify(v.value);
  return `${v.type} ${text.length > 80 ? text.slice(0, 80) + "..." : text}`;
}

export class GgufMetadata {
  constructor(readonly file: string, readonly values: ReadonlyMap<string, GgufValue>) {}

  has(key: string): boolean {
    return this.values.has(key);
  }

  fail(key: string, expected: string): never {
    throw new FormatError(
      this.file,
      `metadata ${key} must be ${expected}, got ${show(this.values.get(key))}`,
    );
  }

  /** An integer of any integer type, in [min, max]; `fallback` when absent. */
  integer(key: string, [min, max]: readonly [number, number], fallback?: number): number {
    const v = this.values.get(key);
    if (v === undefined && fallback !== undefined) return fallback;
    let n = NaN;
    if (v && INTEGER_TYPES.has(v.type)) n = v.value as number;
    if (v && (v.type === "uint64" || v.type === "int64")) {
      const big = v.value as bigint;
      if (big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)) {
        n = Number(big);
      }
    }
    if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
    return this.fail(key, `an integer in [${min}, ${max}]`);
  }

  /** A positive integer up to `max`. */
  count(key: string, max: number, fallback?: number): number {
    return this.integer(key, [1, max], fallback);
  }

  /** A finite float32/float64 in [min, max]. */
  number(key: string, [min, max]: readonly [number, number], fallback?: number): number {
    const v = this.values.get(key);
    if (v === undefined && fallback !== undefined) return fallback;
    if (v && (v.type === "float32" || v.type === "float64")) {
      const n = v.value as number;
      if (Number.isFinite(n) && n >= min && n <= max) return n;
    }
    return this.fail(key, `a float in [${min}, ${max}]`);
  }

  string(key: string, fallback?: string): string {
    const v = this.values.get(key);
    if (v === undefined && fallback !== undefined) return fallback;
    if (v?.type === "string") return v.value;
    return this.fail(key, "a string");
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.values.get(key);
    if (v === undefined) return fallback;
    if (v.type === "bool") return v.value;
    return this.fail(key, "a bool");
  }

  /** An array of strings; undefined when absent. */
  strings(key: string): string[] | undefined {
    const v = this.values.get(key);
    if (v === undefined) return undefined;
    if (v.type === "array" && v.itemType === "string") return v.value as string[];
    return this.fail(key, "an array of strings");
  }

  /** An array of float32 of length `length`; undefined when absent. */
  floats(key: string, length: number): Float32Array | undefined {
    const v = this.values.get(key);
    if (v === undefined) return undefined;
    if (v.type === "array" && v.itemType === "float32" && v.value.length === length) {
      return v.value as Float32Array;
    }
    return this.fail(key, `an array of ${length} float32`);
  }

  /** An array of 8-32-bit integers of length `length`, as Int32Array; undefined when absent. */
  ints(key: string, length: number): Int32Array | undefined {
    const v = this.values.get(key);
    if (v === undefined) return undefined;
    if (v.type === "array" && INTEGER_TYPES.has(v.itemType) && v.value.length === length) {
      return Int32Array.from(v.value as ArrayLike<number>);
    }
    return this.fail(key, `an array of ${length} integers`);
  }
}
