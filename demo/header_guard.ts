// A request-head deadline in front of Deno.serve. Deno.serve (2.9) has no
// header-read timeout: its options are signal, onError, onListen,
// automaticCompression, port, hostname, reusePort and the listen backlog, and
// its handler runs only once a request head is complete, so no code of ours
// sees a client that trickles header bytes. 150 such connections stayed open
// for 30 s. So the public socket is ours: each accepted connection must
// deliver its whole request head (up to the blank line) within the deadline
// and MAX_HEAD_BYTES, or it gets 408 and is closed; then its bytes are piped
// to Deno.serve, which listens on a Unix socket in a private temporary folder
// (unreachable over TCP, so the deadline cannot be bypassed). Responses carry
// `connection: close` (see server.ts), so a connection carries one request
// and every request head is timed.

/** Bytes a request head may take: far above any GET this server answers. */
export const MAX_HEAD_BYTES = 64 * 1024;

export interface HeaderGuard {
  hostname: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Index just past the head's blank line in `bytes`, or -1 while it is
 * incomplete; `from` is how many bytes were already searched.
 */
function headEnd(bytes: Uint8Array, from: number): number {
  for (let i = Math.max(0, from - 3); i + 3 < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) {
      return i + 4;
    }
  }
  return -1;
}

const TIMEOUT_RESPONSE = new TextEncoder().encode(
  "HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n",
);

async function guardOne(conn: Deno.Conn, upstreamPath: string, timeoutMs: number) {
  const reader = conn.readable.getReader();
  let head = new Uint8Array(0);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    reader.cancel().catch(() => {});
  }, timeoutMs);
  let end = -1;
  try {
    while (end < 0) {
      const { value, done } = await reader.read();
      if (done || timedOut) break;
      const joined = new Uint8Array(head.length + value.length);
      joined.set(head), joined.set(value, head.length);
      end = headEnd(joined, head.length);
      head = joined;
      if (head.length > MAX_HEAD_BYTES) break;
    }
  } catch {
    // Reset by the client, or cancelled by the timer.
  } finally {
    clearTimeout(timer);
  }
  if (end < 0 || head.length > MAX_HEAD_BYTES) {
    if (timedOut) await conn.write(TIMEOUT_RESPONSE).catch(() => 0);
    try {
      conn.close();
    } catch {
      // Already closed.
    }
    return;
  }
  reader.releaseLock();
  const upstream = await Deno.connect({ transport: "unix", path: upstreamPath });
  try {
    await upstream.write(head);
    const up = conn.readable.pipeTo(upstream.writable).catch(() => {});
    await upstream.readable.pipeTo(conn.writable).catch(() => {});
    for (const c of [conn, upstream]) {
      try {
        c.close();
      } catch {
        // Closed by pipeTo.
      }
    }
    await up;
  } catch {
    upstream.close();
    conn.close();
  }
}

/**
 * Listens on hostname:port and forwards each connection whose request head
 * arrives within `timeoutMs` to the Unix socket at `upstreamPath`.
 */
export function guardHeaders(opts: {
  hostname: string;
  port: number;
  upstreamPath: string;
  timeoutMs: number;
}): HeaderGuard {
  const listener = Deno.listen({ hostname: opts.hostname, port: opts.port });
  const open = new Set<Promise<void>>();
  const conns = new Set<Deno.Conn>();
  const accepting = (async () => {
    for await (const conn of listener) {
      conns.add(conn);
      const p = guardOne(conn, opts.upstreamPath, opts.timeoutMs).finally(() => {
        conns.delete(conn);
        open.delete(p);
      });
      open.add(p);
    }
  })().catch(() => {});
  const addr = listener.addr as Deno.NetAddr;
  return {
    hostname: addr.hostname,
    port: addr.port,
    async close() {
      listener.close();
      await accepting;
      for (const c of conns) {
        try {
          c.close();
        } catch {
          // Already closed.
        }
      }
      await Promise.allSettled([...open]);
    },
  };
}
