// Load progress on stderr: a cli-progress bar on a terminal, a few plain lines
// otherwise (so logs and CI stay readable).

import cliProgress from "cli-progress";

export interface Progress {
  update: (done: number, total: number, what: string) => void;
  stop: () => void;
}

export function loadProgress(title: string): Progress {
  if (Deno.stderr.isTerminal()) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${title} [{bar}] {value}/{total} {what}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total, what) => {
        if (!started) bar.start(total, 0, { what });
        started = true;
        bar.update(done, { what });
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== lastTenth) console.error(`${title}: ${done}/${total} tensors`);
      lastTenth = tenth;
    },
    stop: () => {},
  };
}
