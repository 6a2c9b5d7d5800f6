// The feature map's layout worker (bundled as map_worker.js beside demo.js):
// one request per worker, { rows, n, d } with the decoder rows transferred;
// it posts progress, then the positions (transferred back) or an error. The
// page cancels by terminating it.

import { layoutMap, type LayoutMessage, type LayoutRequest } from "./map_layout.ts";

/** The worker's global scope, typed without the webworker lib (the demo compiles with dom). */
const scope = globalThis as unknown as {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutMessage, transfer?: Transferable[]): void;
};

scope.onmessage = (ev) => {
  const { rows, n, d } = ev.data;
  try {
    const { xy, times } = layoutMap(rows, n, d, (phase, fraction) => {
      scope.postMessage({ type: "progress", phase, fraction });
    });
    scope.postMessage({ type: "done", xy, times }, [xy.buffer]);
  } catch (e) {
    scope.postMessage({ type: "error", message: (e as Error).message ?? String(e) });
  }
};
