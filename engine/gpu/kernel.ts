// The one kernel interface. A kernel is a WGSL source with a readable key (also
// its GPU label and pipeline-cache key) plus the `override` constants that make
// this variant. Every kernel binds the same way:
//
//   @group(0) @binding(0) var<uniform> p: Params;      // only if it has params
//   @group(0) @binding(1..n) var<storage, ...> ...;    // buffers, in order
//
// so that one `Recorder.dispatch` serves all of them.

export interface Kernel {
  /** Readable, unique per variant: "matmul_t16x16", "rmsnorm_wg64". */
  readonly key: string;
  readonly source: string;
  readonly entryPoint?: string;
  readonly constants?: Record<string, number>;
}

/** WGSL sources may be assembled from shared snippets; placeholders must be gone. */
export function wgsl(key: string, ...parts: string[]): string {
  const source = parts.join("\n");
  const leftover = source.match(/\{\{\s*\w+\s*\}\}/);
  if (leftover) throw new Error(`kernel ${key}: unreplaced template placeholder ${leftover[0]}`);
  return source;
}

/** Generated WGSL lines, indented by `n` spaces and joined, for a template slot. */
export function indent(lines: readonly string[], n: number): string {
  return lines.map((s) => " ".repeat(n) + s).join("\n");
}

/** A uniform field: `u` u32, `i` i32, `f` f32. */
export type ParamType = "u" | "i" | "f";

/** Encodes params into 4-byte words following a layout string such as "uuf". */
export function encodeParams(key: string, layout: string, values: readonly number[]): Uint8Array {
  if (layout.length !== values.length) {
    throw new Error(
      `kernel ${key}: expected ${layout.length} params (${layout}), got ${values.length}`,
    );
  }
  // Uniform structs are padded to 16 bytes.
  const words = Math.max(4, Math.ceil(values.length / 4) * 4);
  const buf = new ArrayBuffer(words * 4);
  const view = new DataView(buf);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = layout[i] as ParamType;
    if (t === "f") view.setFloat32(i * 4, v, true);
    else if (t === "u") {
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
        throw new Error(`kernel ${key}: param ${i} must be a u32, got ${v}`);
      }
      view.setUint32(i * 4, v, true);
    } else if (t === "i") view.setInt32(i * 4, v, true);
    else throw new Error(`kernel ${key}: unknown param type ${t} in layout ${layout}`);
  }
  return new Uint8Array(buf);
}

/** Workgroups needed to cover `n` items with groups of `size`. */
export function groups(n: number, size: number): number {
  return Math.ceil(n / size);
}
