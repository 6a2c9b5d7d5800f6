// kernel sae_transpose_rows_wg64
// entry point main
// constants {"WG":64}

// Loading on software adapters: the same transposed write as
// sae_transpose.wgsl without workgroup memory or a barrier (on a CPU adapter a
// barrier turns the shader into a coroutine, and 256-thread workgroups made
// the transpose of Goodfire's 65,536 x 4,096 decoder run at 3 MB/s in
// SwiftShader). A thread owns one feature j and writes its srcRows values,
// contiguous in out; neighbouring threads read neighbouring columns of src.
//   out[j - rowStart, colStart + i] = src[i, j]   for i < srcRows, j in the chunk

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  srcRows: u32,
  srcCols: u32,
  colStart: u32,
  rowStart: u32,
  rows: u32,
  outCols: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;       // [srcRows, srcCols]
@group(0) @binding(2) var<storage, read_write> out: array<f32>; // [rows, outCols]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let j = gid.x; // feature within the chunk
  if (j >= p.rows) {
    return;
  }
  let o = j * p.outCols + p.colStart;
  let s = p.rowStart + j;
  for (var i = 0u; i < p.srcRows; i++) {
    out[o + i] = src[i * p.srcCols + s];
  }
}
