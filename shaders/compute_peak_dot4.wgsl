// Compute ceiling of the packed 4x8-bit integer dot product (dot4I8Packed,
// where the runtime offers it): each step of each of CHAINS chains is one
// dot4I8Packed (4 multiplies, 4 adds: counted as 8 integer ops) whose first
// operand is the chain's previous value, so the loop cannot be folded (the
// values stay within 4 * 128 * 128 + |add|, far from i32 overflow). out: [threads].

const CHAINS: u32 = 8u;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.threads) {
    return;
  }
  var a: array<i32, CHAINS>;
  for (var j = 0u; j < CHAINS; j++) {
    a[j] = i32(i * CHAINS + j);
  }
  let w = p.packed;
  let c = p.add;
  for (var k = 0u; k < p.iterations; k++) {
    a[0] = dot4I8Packed(bitcast<u32>(a[0]), w) + c;
    a[1] = dot4I8Packed(bitcast<u32>(a[1]), w) + c;
    a[2] = dot4I8Packed(bitcast<u32>(a[2]), w) + c;
    a[3] = dot4I8Packed(bitcast<u32>(a[3]), w) + c;
    a[4] = dot4I8Packed(bitcast<u32>(a[4]), w) + c;
    a[5] = dot4I8Packed(bitcast<u32>(a[5]), w) + c;
    a[6] = dot4I8Packed(bitcast<u32>(a[6]), w) + c;
    a[7] = dot4I8Packed(bitcast<u32>(a[7]), w) + c;
  }
  var s = 0i;
  for (var j = 0u; j < CHAINS; j++) {
    s += a[j];
  }
  out[i] = s;
}
