// Pools the rows of one text into one row of the probe's design matrix:
// out[dst_row, j] = max (MAX = 1) or scaled sum (MAX = 0; scale = 1 / the
// text's pooled tokens, so a sum over chunks is the mean) of f[t, j] over rows
// t in [row_start, T). A text prefilled in several chunks arrives in several
// calls: the one holding its first pooled token sets `first` (the row is
// overwritten), the others combine with what the row holds.
// One invocation per column; nothing is shared, so no barrier.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> f: array<f32>;            // [T, d]
@group(0) @binding(2) var<storage, read_write> out: array<f32>;    // [rows, d]

override WG: u32 = 64;
override MAX: u32 = 1u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let j = flat_index(gid, nwg, WG);
  if (j >= p.d) {
    return;
  }
  let at = p.dst_row * p.d + j;
  var acc = f[p.row_start * p.d + j];
  if (MAX == 0u) {
    acc *= p.scale;
  }
  for (var t = p.row_start + 1u; t < p.T; t++) {
    let v = f[t * p.d + j];
    if (MAX == 1u) {
      acc = max(acc, v);
    } else {
      acc += v * p.scale;
    }
  }
  if (p.first == 0u) {
    if (MAX == 1u) {
      acc = max(acc, out[at]);
    } else {
      acc += out[at];
    }
  }
  out[at] = acc;
}
