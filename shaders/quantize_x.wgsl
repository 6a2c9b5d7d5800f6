// x [K] f32 -> int8 codes per block of 32, packed to meet q4 code words in
// dot4I8Packed (matvec_quant's "dot4" variant, q4 blocks of 32):
//   s_b = max |x| over block b / 127, c_k = round(x_k / s_b) in [-127, 127];
//   code word i of a q4 block holds nibbles of elements 8i .. 8i + 7, and
//   (word & 0x0f0f0f0f) holds the even ones (8i, 8i+2, 8i+4, 8i+6) as bytes,
//   ((word >> 4) & 0x0f0f0f0f) the odd ones; so
//   xq[8b + i]     = bytes c(8i), c(8i+2), c(8i+4), c(8i+6) of block b,
//   xq[8b + 4 + i] = bytes c(8i+1), c(8i+3), c(8i+5), c(8i+7).
//   xm[b] = (s_b, s_b * sum of the block's codes): the sum undoes q4's +8.
// Elements past K get code 0, matching the padded codes of w. One thread per block.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;          // [K]
@group(0) @binding(2) var<storage, read_write> xq: array<u32>;   // [blocks, 8]
@group(0) @binding(3) var<storage, read_write> xm: array<vec2f>; // [blocks]

override WG: u32 = 64;

fn code(k: u32, inv: f32) -> i32 {
  return select(0, i32(round(x[min(k, p.K - 1u)] * inv)), k < p.K);
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let b = flat_index(gid, nwg, WG);
  if (b >= p.blocks) {
    return;
  }
  let k0 = b * 32u;
  var amax = 0.0;
  for (var k = k0; k < min(k0 + 32u, p.K); k++) {
    amax = max(amax, abs(x[k]));
  }
  let s = amax / 127.0;
  let inv = select(0.0, 1.0 / s, s > 0.0);
  var sum = 0;
  for (var i = 0u; i < 4u; i++) {
    var even = 0u;
    var odd = 0u;
    for (var j = 0u; j < 4u; j++) {
      let k = k0 + 8u * i + 2u * j;
      let ce = clamp(code(k, inv), -127, 127);
      let co = clamp(code(k + 1u, inv), -127, 127);
      sum += ce + co;
      even |= (bitcast<u32>(ce) & 0xffu) << (8u * j);
      odd |= (bitcast<u32>(co) & 0xffu) << (8u * j);
    }
    xq[8u * b + i] = even;
    xq[8u * b + 4u + i] = odd;
  }
  xm[b] = vec2f(s, s * f32(sum));
}
