// Prefill-path matrix product over one row chunk of w (nn.Linear layout):
//   out[t, colOffset + n] = sum_k x[t, k] * w[n, k]   for t < T, n < rows.
// The tiling is tiled_matmul.wgsl's (matmul.ts fills it in): rows of x and of
// w are staged side by side, consecutive threads reading consecutive k.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;         // [T, K]
@group(0) @binding(2) var<storage, read> w: array<f32>;         // [rows, K]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, N]

override BK: u32 = 16; // K values staged per step
