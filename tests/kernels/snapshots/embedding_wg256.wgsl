// kernel embedding_wg256
// entry point main
// constants {"WG":256}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// Embedding gather for one row chunk of the table: out[t, h] = table[tokens[t], h]
// for the tokens whose id falls in [rowStart, rowStart + rows). Other tokens are
// left to the dispatches of the chunks that hold them, and are never read here.
// The table is f32 or block-quantized: embedding.ts supplies its bindings and
// `element(row, h)`, which reads (and dequantizes) one value of a chunk row.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  H: u32,
  rowStart: u32,
  rows: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> tokens: array<u32>;    // [T]
@group(0) @binding(2) var<storage, read> table: array<f32>;     // [rows, H]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, H]

fn element(row: u32, h: u32) -> f32 {
  return table[row * p.H + h];
}

override WG: u32 = 256;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.T * p.H) {
    return;
  }
  let t = i / p.H;
  let h = i % p.H;
  // Unsigned wrap-around makes ids below rowStart huge, so one compare rejects both sides.
  let row = tokens[t] - p.rowStart;
  if (row < p.rows) {
    out[i] = element(row, h);
  }
}
