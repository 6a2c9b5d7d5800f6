// The one kernel interface. A kernel is a WGSL source with a readable key (also
// its GPU label and pipeline-cache key), the `override` constants that make
// this variant and its uniform params, declared once (defineParams) for both
// the WGSL struct and the packing. Every kernel binds the same way:
//
//   @group(0) @binding(0) var<uniform> p: Params;      // only if it has params
//   @group(0) @binding(1..n) var<storage, ...> ...;    // buffers, in order
//
// so that one `Recorder.dispatch` serves all of them.

/** A compute kernel: its WGSL, its key (also GPU label and pipeline-cache key), params and constants. */
export interface Kernel<F extends ParamFields = ParamFields> {
  /** Readable, unique per variant: "matmul_t16x16", "rmsnorm_wg64". */
  readonly key: string;
  /** The complete WGSL, as compiled (print one with `deno task kernels --dump KEY`). */
  readonly source: string;
  /** The uniform at binding 0, if any; its struct is part of `source`. */
  readonly params?: ParamSpec<F>;
  /** The entry point (default "main"). */
  readonly entryPoint?: string;
  /** Values of the source's `override` constants for this variant. */
  readonly constants?: Record<string, number>;
}

/** WGSL sources may be assembled from shared snippets; placeholders must be gone. */
export function wgsl(key: string, ...parts: string[]): string {
  const source = parts.join("\n");
  const leftover = source.match(/\{\{\s*\w+\s*\}\}/);
  if (leftover) throw new Error(`kernel ${key}: unreplaced template placeholder ${leftover[0]}`);
  return source;
}

/**
 * Replaces each `{{NAME}}` of `template` by `values[NAME]`; a value whose
 * placeholder does not occur is an error (a hook the template lost), and so is
 * a placeholder left over once the kernel is assembled (wgsl()).
 */
export function fill(key: string, template: string, values: Record<string, string>): string {
  let out = template;
  for (const [name, value] of Object.entries(values)) {
    const slot = `{{${name}}}`;
    if (!out.includes(slot)) throw new Error(`kernel ${key}: the template has no ${slot}`);
    out = out.replaceAll(slot, value);
  }
  return out;
}

/** Generated WGSL lines, indented by `n` spaces and joined, for a template slot. */
export function indent(lines: readonly string[], n: number): string {
  return lines.map((s) => " ".repeat(n) + s).join("\n");
}

// ---- Uniform params: declared once, the WGSL struct and the packing derived --

/** A scalar uniform field. */
export type ScalarType = "u32" | "i32" | "f32";
/** A uniform `array<vec4u, N>` with N = `vec4u` (16-byte aligned), given as up to 4 * N numbers. */
export interface Vec4uArray {
  /** N, the array's length in vec4u. */
  readonly vec4u: number;
}
/** A uniform field's type. */
export type ParamType = ScalarType | Vec4uArray;
/** A kernel's uniform fields by name, in struct order. */
export type ParamFields = Readonly<Record<string, ParamType>>;
/** The values a dispatch passes, by field name. */
export type ParamValues<F extends ParamFields> = {
  readonly [K in keyof F]: F[K] extends ScalarType ? number : ArrayLike<number>;
};

/** A kernel's uniform struct: `struct Params` for the WGSL, and its packing. */
export interface ParamSpec<F extends ParamFields = ParamFields> {
  /** The fields as declared. */
  readonly fields: F;
  /** The WGSL declaration, joined into the kernel's source. */
  readonly wgsl: string;
  /** Bytes of the struct, padded to 16. */
  readonly bytes: number;
  /** Packs `values` by name; errors name the kernel `key` and the field. */
  encode(key: string, values: ParamValues<F>): Uint8Array<ArrayBuffer>;
}

/**
 * Declares a kernel's uniform params once, in order: `defineParams({ n: "u32",
 * eps: "f32" })`. Offsets follow WGSL's uniform layout (scalars 4-byte, vec4u
 * arrays 16-byte aligned), so the generated struct and the packing cannot drift.
 */
export function defineParams<F extends ParamFields>(fields: F): ParamSpec<F> {
  const names = Object.keys(fields);
  const layout: { name: string; type: ParamType; offset: number }[] = [];
  let end = 0;
  for (const name of names) {
    const type = fields[name];
    const align = typeof type === "string" ? 4 : 16;
    const offset = Math.ceil(end / align) * align;
    layout.push({ name, type, offset });
    end = offset + (typeof type === "string" ? 4 : 16 * type.vec4u);
  }
  const bytes = Math.max(16, Math.ceil(end / 16) * 16);
  const decl = (t: ParamType) => typeof t === "string" ? t : `array<vec4u, ${t.vec4u}>`;
  const wgsl = [
    "struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)",
    ...layout.map((f) => `  ${f.name}: ${decl(f.type)},`),
    "}",
  ].join("\n");
  function encode(key: string, values: ParamValues<F>): Uint8Array<ArrayBuffer> {
    const buf = new ArrayBuffer(bytes);
    const view = new DataView(buf);
    const given = values as Record<string, number | ArrayLike<number>>;
    for (const f of layout) {
      const v = given[f.name];
      if (v === undefined) throw new Error(`kernel ${key}: param ${f.name} is missing`);
      if (typeof f.type !== "string") {
        const a = v as ArrayLike<number>;
        if (typeof a !== "object" || a.length > 4 * f.type.vec4u) {
          throw new Error(`kernel ${key}: param ${f.name} wants at most ${4 * f.type.vec4u} u32s`);
        }
        for (let i = 0; i < a.length; i++) {
          setWord(view, f.offset + 4 * i, "u32", a[i], key, f.name);
        }
      } else setWord(view, f.offset, f.type, v as number, key, f.name);
    }
    if (Object.keys(given).length !== layout.length) {
      const extra = Object.keys(given).filter((n) => !(n in fields));
      throw new Error(
        `kernel ${key}: unknown params ${extra.join(", ")}; it has ${names.join(", ")}`,
      );
    }
    return new Uint8Array(buf);
  }
  return { fields, wgsl, bytes, encode };
}

function setWord(view: DataView, at: number, t: ScalarType, v: number, key: string, name: string) {
  if (typeof v !== "number") throw new Error(`kernel ${key}: param ${name} must be a number`);
  if (t === "f32") {
    if (!Number.isFinite(v)) {
      throw new Error(`kernel ${key}: param ${name} must be finite, got ${v}`);
    }
    view.setFloat32(at, v, true);
  } else if (t === "u32") {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
      throw new Error(`kernel ${key}: param ${name} must be a u32, got ${v}`);
    }
    view.setUint32(at, v, true);
  } else {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) {
      throw new Error(`kernel ${key}: param ${name} must be an i32, got ${v}`);
    }
    view.setInt32(at, v, true);
  }
}

/**
 * A kernel whose source is `parts` joined, with its generated `struct Params`
 * placed above the uniform's binding line and `enable` directives first, as
 * WGSL requires. Refuses a hand-written `struct Params` and leftover placeholders.
 */
export function defineKernel<F extends ParamFields>(k: {
  key: string;
  params?: ParamSpec<F>;
  parts: readonly string[];
  enable?: readonly string[];
  entryPoint?: string;
  constants?: Record<string, number>;
}): Kernel<F> {
  const body = k.parts.join("\n");
  if (/struct\s+Params\b/.test(body)) {
    throw new Error(`kernel ${k.key}: declare params with defineParams, not a WGSL struct Params`);
  }
  const binding = body.match(/^@group\(0\) @binding\(0\) var<uniform> p: Params;$/m);
  if ((binding !== null) !== (k.params !== undefined)) {
    throw new Error(
      `kernel ${k.key}: ` +
        (k.params
          ? "has params but no line `@group(0) @binding(0) var<uniform> p: Params;`"
          : "binds p: Params but has no params spec"),
    );
  }
  // The struct goes just above its binding, where a hand-written one would be.
  const at = binding?.index ?? 0;
  const withParams = k.params ? body.slice(0, at) + k.params.wgsl + "\n\n" + body.slice(at) : body;
  const enable = (k.enable ?? []).map((e) => `enable ${e};`);
  const source = wgsl(k.key, ...enable, withParams);
  return {
    key: k.key,
    source,
    ...(k.params ? { params: k.params } : {}),
    ...(k.entryPoint ? { entryPoint: k.entryPoint } : {}),
    ...(k.constants ? { constants: k.constants } : {}),
  };
}

/** Workgroups needed to cover `n` items with groups of `size`. */
export function groups(n: number, size: number): number {
  return Math.ceil(n / size);
}
