// The feature map's colours: by firing density in the page's corpus (viridis
// on log10 density) or by activation on the current text (orange, relative to
// the text's largest). The layout is map_layout.ts (in a worker), the drawing
// map_canvas.ts, the panel mappanel.ts.

/** Density colour scale: log10(density) from LOG_LO (dark blue) to LOG_HI (yellow). */
const LOG_LO = -4, LOG_HI = -1;
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
/** Unknown (no corpus yet), and never fires. */
export const GREY_UNKNOWN = [154, 160, 166], GREY_ZERO = [208, 208, 208];
const ACT_LO = [253, 224, 197], ACT_HI = [232, 89, 12];

function lerp(a: number[], b: number[], f: number): number[] {
  return a.map((v, k) => Math.round(v + (b[k] - v) * f));
}

export function densityRgb(density: number | undefined): number[] {
  if (density === undefined) return GREY_UNKNOWN;
  if (density === 0) return GREY_ZERO;
  const x = Math.min(1, Math.max(0, (Math.log10(density) - LOG_LO) / (LOG_HI - LOG_LO)));
  const s = x * (STOPS.length - 1), i = Math.min(STOPS.length - 2, Math.floor(s));
  return lerp(STOPS[i], STOPS[i + 1], s - i);
}

/** A feature's activation as a share of the text's largest, in (0, 1]; 0 is grey. */
export function activationRgb(share: number): number[] {
  return share > 0 ? lerp(ACT_LO, ACT_HI, Math.min(1, share)) : GREY_ZERO;
}

const css = (c: number[]) => `rgb(${c[0]},${c[1]},${c[2]})`;

export function densityColor(density: number | undefined): string {
  return css(densityRgb(density));
}

/** The legend's gradient, as CSS. */
export function legendGradient(mode: "density" | "activation" = "density"): string {
  const stops = Array.from(
    { length: 7 },
    (_, i) =>
      css(
        mode === "density"
          ? densityRgb(10 ** (LOG_LO + (LOG_HI - LOG_LO) * i / 6))
          : activationRgb(Math.max(1e-6, i / 6)),
      ),
  );
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

export const LEGEND_TICKS = ["≤ 0.01%", "0.1%", "1%", "≥ 10%"];
export const ACTIVATION_TICKS = ["> 0", "50%", "max"];
export const greyCss = css(GREY_ZERO);
