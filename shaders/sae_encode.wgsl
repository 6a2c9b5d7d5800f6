// SAE encoder over one row chunk of W_enc [d_sae, d_in] (features as rows), with
// the bias and the activation fused into the store, so the pre-activations never
// make a round trip through memory:
//   pre[t, j] = sum_k (x[t, k] - center * b_dec[k]) * w[j, k] + b_enc[j]
//   out[t, j] = act(pre[t, j])     j = colOffset + n for chunk row n
// ACT: 0 none (TopK masks afterwards, sae_topk.wgsl), 1 ReLU, 2 JumpReLU
// (relu(pre) where pre > threshold, as SAELens). The tiling is
// tiled_matmul.wgsl's, filled in as matmul.wgsl's, with x centred as it is
// staged and the bias and activation applied as the tile is stored.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;         // [T, K]
@group(0) @binding(2) var<storage, read> w: array<f32>;         // [rows, K]
@group(0) @binding(3) var<storage, read> b_enc: array<f32>;     // [d_sae]
@group(0) @binding(4) var<storage, read> threshold: array<f32>; // [d_sae] (JumpReLU)
@group(0) @binding(5) var<storage, read> b_dec: array<f32>;     // [K]
@group(0) @binding(6) var<storage, read_write> out: array<f32>; // [T, d_sae]

override ACT: u32 = 1u;
override BK: u32 = 16; // K values staged per step

fn activate(v: f32, j: u32) -> f32 {
  if (ACT == 1u) {
    return max(v, 0.0);
  }
  if (ACT == 2u) {
    return select(0.0, max(v, 0.0), v > threshold[j]);
  }
  return v;
}
