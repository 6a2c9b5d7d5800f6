// Projection of each row onto a direction: out[t] = sum_i x[t, i] * d[i].
//   x: [rows, width] from element x_off;  d: [width];  out: [rows]
// One workgroup per row, a tree reduction in workgroup memory.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> d: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

override WG: u32 = 64;
var<workgroup> partial: array<f32, WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let row = wid.x + wid.y * nwg.x;
  // Every invocation reaches the barriers below; rows past the end only skip the work.
  var s = 0.0;
  if (row < p.rows) {
    let base = p.x_off + row * p.width;
    for (var i = lid.x; i < p.width; i += WG) {
      s += x[base + i] * d[i];
    }
  }
  partial[lid.x] = s;
  workgroupBarrier();
  for (var step = WG / 2u; step > 0u; step /= 2u) {
    if (lid.x < step) {
      partial[lid.x] += partial[lid.x + step];
    }
    workgroupBarrier();
  }
  if (lid.x == 0u && row < p.rows) {
    out[row] = partial[0];
  }
}
