// The two elementwise steps around an SAE encode that goes through linear()
// (matvec for one token, quantized matvec/matmul for q8 weights):
//   center:   a[t, k] = b[t, k] - c[k]               x - b_dec (apply_b_dec_to_input)
//   bias_act: a[t, j] = act(a[t, j] + b[j])          pre-activations + b_enc, then
//             the activation (0 none, 1 ReLU, 2 JumpReLU with threshold c[j]),
//             in place, as sae_encode.wgsl fuses it into its store.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> c: array<f32>;

override ACT: u32 = 1u;
override WG: u32 = 256;

@compute @workgroup_size(WG)
fn bias_act(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.n) { return; }
  let j = i % p.width;
  let v = a[i] + b[j];
  if (ACT == 1u) {
    a[i] = max(v, 0.0);
  } else if (ACT == 2u) {
    a[i] = select(0.0, max(v, 0.0), v > c[j]);
  } else {
    a[i] = v;
  }
}

@compute @workgroup_size(WG)
fn center(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.n) { return; }
  a[i] = b[i] - c[i % p.width];
}
