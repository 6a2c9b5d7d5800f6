// What the one-query attention kernel (attention.ts) and its split-over-keys
// variant (attention_split.ts) share: the template's constants, params and
// the batched prompts' extra binding.

/** Threads per workgroup, and keys per tile. */
export const ATTENTION_WG = 64;
/** The largest head_dim the kernels' workgroup arrays hold. */
export const MAX_HEAD_DIM = 256;

/** The one-query kernel's params; the split variant adds its own. */
export const ATTENTION_FIELDS = {
  n_heads: "u32",
  n_kv_heads: "u32",
  head_dim: "u32",
  past_length: "u32",
  scale: "f32", // 1 / sqrt(head_dim)
} as const;

// Batched prompts share one KV cache, each in its own rows: a query sees only
// its prompt's keys, from the prompt's first row. Same code, another start.
export const FIRST_KEY_BINDING = [
  "// Query t sees cache rows first_key[t]..past_length + t: its own prompt's (batched prompts).",
  "@group(0) @binding(5) var<storage, read> first_key: array<u32>; // [T]",
].join("\n");
