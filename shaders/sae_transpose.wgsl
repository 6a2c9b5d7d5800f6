// Loading: writes a block of rows of a [d_in, d_sae] weight (SAELens' W_enc,
// Goodfire's decoder_linear.weight) transposed into one row chunk of the
// [d_sae, d_in] layout the SAE kernels read, so that a transposed matrix
// streams to the GPU a block at a time instead of being transposed whole in
// host memory.
//   out[j - rowStart, colStart + i] = src[i, j]   for i < srcRows, j in the chunk

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;       // [srcRows, srcCols]
@group(0) @binding(2) var<storage, read_write> out: array<f32>; // [rows, outCols]

const TILE: u32 = 16u;
var<workgroup> tile: array<f32, TILE * (TILE + 1u)>; // +1 column: no bank conflicts

// A 16 x 16 tile goes through workgroup memory so that both the reads of src
// and the writes of out are contiguous.
@compute @workgroup_size(TILE, TILE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let j0 = wid.x * TILE; // feature within the chunk
  let i0 = wid.y * TILE; // src row
  let i = i0 + lid.y;
  let j = j0 + lid.x;
  if (i < p.srcRows && j < p.rows) {
    tile[lid.y * (TILE + 1u) + lid.x] = src[i * p.srcCols + p.rowStart + j];
  }
  workgroupBarrier();
  let jo = j0 + lid.y;
  let io = i0 + lid.x;
  if (io < p.srcRows && jo < p.rows) {
    out[jo * p.outCols + p.colStart + io] = tile[lid.x * (TILE + 1u) + lid.y];
  }
}
