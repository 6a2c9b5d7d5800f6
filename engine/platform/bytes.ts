// The two interfaces every loader reads through: a folder of files (local,
// http, the HF hub, or memory) and random access into one file. Web APIs only;
// the Deno file system lives behind engine/platform/.

/** Random access to one file. Reads return fresh arrays the caller may keep. */
export interface ByteReader {
  /** The file's name inside its source, used in every error about it. */
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  /** `length` bytes from `offset`; rejects a range outside the file. */
  read(offset: number, length: number): Promise<Uint8Array<ArrayBuffer>>;
  /** Releases the file (a handle, a connection); reads after it fail. */
  close(): void;
}

/** A folder of files addressed by relative names ("config.json", "sae/cfg.json"). */
export interface FileSource {
  /** Where the files come from, for messages ("/models/x", "hf:owner/name@main"). */
  readonly describe: string;
  /**
   * Every file in it, when the source can list them (picked local files,
   * memory); Engine.load and Sae.load use it to find a lone .gguf or .pth.
   */
  readonly names?: readonly string[];
  /** Whether the file exists (optional files: tokenizer_config.json, chat_template.jinja). */
  has(name: string): Promise<boolean>;
  /** A whole file as UTF-8 text (config and tokenizer JSON). */
  text(name: string): Promise<string>;
  /** Random access to a file (weights, read in slices). */
  open(name: string): Promise<ByteReader>;
}

/**
 * Rejects names that could escape the folder. Shard names come from an
 * untrusted index file, so "../../etc/passwd" must not reach the file system
 * or a URL.
 */
export function checkFileName(name: string, where: string): string {
  const bad = name === "" || name.startsWith("/") || name.includes("\\") ||
    name.includes("\0") || /^[a-zA-Z]:/.test(name) ||
    name.split("/").some((part) => part === "" || part === "." || part === "..");
  if (bad) {
    throw new Error(
      `${where}: invalid file name ${JSON.stringify(name)}: names are relative paths ` +
        `inside the folder, without "." or ".." parts`,
    );
  }
  return name;
}

/** Throws unless [offset, offset + length) lies inside the file. */
export function checkRange(reader: { name: string; size: number }, offset: number, length: number) {
  if (
    !Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 ||
    offset + length > reader.size
  ) {
    throw new Error(
      `${reader.name}: read of ${length} bytes at offset ${offset} is outside the file ` +
        `(${reader.size} bytes)`,
    );
  }
}

/** Runs fn with a throw turned into a rejection: these interfaces never throw synchronously. */
export function attempt<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e);
  }
}

/** A reader over bytes already in memory. */
export function memoryReader(name: string, bytes: Uint8Array): ByteReader {
  return {
    name,
    size: bytes.length,
    read: (offset, length) =>
      attempt(() => {
        checkRange({ name, size: bytes.length }, offset, length);
        return bytes.slice(offset, offset + length) as Uint8Array<ArrayBuffer>;
      }),
    close() {},
  };
}

/**
 * A folder held in memory: files dropped on a web page, or bytes built by a
 * test. Strings are stored as UTF-8.
 */
export function memorySource(describe: string, files: Record<string, Uint8Array | string>) {
  const encoded = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    encoded.set(
      checkFileName(name, describe),
      typeof data === "string" ? new TextEncoder().encode(data) : data,
    );
  }
  const get = (name: string) => {
    const bytes = encoded.get(checkFileName(name, describe));
    if (!bytes) throw new Error(`${describe}: no file ${JSON.stringify(name)}`);
    return bytes;
  };
  const source: FileSource = {
    describe,
    names: [...encoded.keys()].sort(),
    has: (name) => attempt(() => encoded.has(checkFileName(name, describe))),
    text: (name) => attempt(() => new TextDecoder().decode(get(name))),
    open: (name) => attempt(() => memoryReader(name, get(name))),
  };
  return source;
}

/** Human-readable byte count for messages ("1.3 MB"). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let v = n / 1000, i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
