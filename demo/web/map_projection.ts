// The feature map's seeded random projection (map_layout.ts says why), kept
// apart from the layout so that the page can project decoder rows on the GPU
// (Session.decoderDirections) without bundling umap-js into the main thread.

/** mulberry32: a small seeded generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MAP_SEED = 42;
/** Width the rows are projected to before the neighbour graph (when wider). */
export const PROJECTED_DIMS = 64;

/** The seeded Gaussian projection [d, dims] (row-major) of prepareRows. */
export function projectionMatrix(d: number, dims = PROJECTED_DIMS, seed = MAP_SEED): Float32Array {
  const r = seededRandom(seed ^ 0x5bd1e995);
  const proj = new Float32Array(d * dims);
  for (let i = 0; i < proj.length; i += 2) {
    // Box-Muller: two normals per two uniforms.
    const u = Math.max(r(), 1e-12), v = r(), m = Math.sqrt(-2 * Math.log(u));
    proj[i] = m * Math.cos(2 * Math.PI * v);
    if (i + 1 < proj.length) proj[i + 1] = m * Math.sin(2 * Math.PI * v);
  }
  return proj;
}

/**
 * The directions [min(d, dims), d] (row-major) whose products with the
 * decoder rows (decoderProjection, on the GPU) give rows that prepareRows
 * turns into the same unit rows as the decoder itself: the projection's
 * columns when d > dims (normalising a row before projecting it only scales
 * the result, which the second normalisation undoes), else the identity.
 */
export function projectionDirections(d: number, dims = PROJECTED_DIMS, seed = MAP_SEED): {
  directions: Float32Array;
  width: number;
} {
  const width = Math.min(d, dims), directions = new Float32Array(width * d);
  if (d > dims) {
    const proj = projectionMatrix(d, dims, seed);
    for (let k = 0; k < d; k++) {
      for (let j = 0; j < dims; j++) directions[j * d + k] = proj[k * dims + j];
    }
  } else {
    for (let k = 0; k < d; k++) directions[k * d + k] = 1;
  }
  return { directions, width };
}
