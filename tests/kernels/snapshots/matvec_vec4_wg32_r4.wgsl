// kernel matvec_vec4_wg32_r4
// entry point main
// constants {"WG":32}

// Decode-path matrix-vector product over one row chunk of w:
//   out[colOffset + n] = dot(w[n, :], x)   for n < rows.
// Threads stride over K so that neighbouring invocations read neighbouring
// words of a row (coalesced on GPUs, contiguous SIMD lanes on llvmpipe). Each
// thread keeps ROWS accumulators so one load of x serves ROWS rows and ROWS
// independent weight loads are in flight; ROWS rows per workgroup also keep the
// grid small for a 128,256-row vocabulary.
//
// Templates (matvec.ts): vec4f is f32 or vec4f (vec4f when K % 4 == 0),
// dot(v, vec4f(1.0)) sums a V, 4 sizes the per-thread accumulator array (a
// function-scope array needs a constant length, so it cannot be an override).

alias V = vec4f;
const ROWS: u32 = 4u;

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  kv: u32,
  rows: u32,
  colOffset: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<V>;           // [K / width]
@group(0) @binding(2) var<storage, read> w: array<V>;           // [rows, K / width]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [N]

override WG: u32 = 32; // threads per workgroup

var<workgroup> partial: array<f32, ROWS * WG>; // [ROWS, WG]

fn hsum(v: V) -> f32 {
  return dot(v, vec4f(1.0));
}

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  // The grid is folded into y (grid.ts) when rows / ROWS > 65,535.
  let row0 = (wid.x + wid.y * nwg.x) * ROWS;
  if (row0 >= p.rows) {
    return;
  }
  // Rows past the chunk end re-read the last row: cheaper than a branch in the
  // inner loop, and their sums are never written.
  var bases: array<u32, ROWS>;
  for (var r = 0u; r < ROWS; r++) {
    bases[r] = min(row0 + r, p.rows - 1u) * p.kv;
  }
  var acc: array<V, ROWS>;
  for (var k = lid; k < p.kv; k += WG) {
    let xk = x[k];
    for (var r = 0u; r < ROWS; r++) {
      acc[r] += w[bases[r] + k] * xk;
    }
  }
  for (var r = 0u; r < ROWS; r++) {
    partial[r * WG + lid] = hsum(acc[r]);
  }
  workgroupBarrier();
  // WG is small (8-32): one thread per row sums WG partials after a single
  // barrier, instead of log2(WG) barriers of a tree.
  if (lid < ROWS && row0 + lid < p.rows) {
    var s = 0.0;
    for (var i = 0u; i < WG; i++) {
      s += partial[lid * WG + i];
    }
    out[p.colOffset + row0 + lid] = s;
  }
}
