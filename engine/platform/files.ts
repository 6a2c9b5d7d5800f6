// A FileSource over File objects: the files a user picked in a browser (a
// directory input or a drop) or built in memory. Reads go through
// File.slice(a, b).arrayBuffer(), so a multi-gigabyte shard is never held in
// memory whole; only the slices the loaders ask for are.

import { attempt, type ByteReader, checkFileName, checkRange, type FileSource } from "./bytes.ts";

/** A File and, optionally, its path inside the picked folder (default: its webkitRelativePath, else its name). */
export interface PickedFile {
  /** The file's contents and size. */
  file: File;
  /** Its relative name in the source ("sub/x.json"). */
  path?: string;
}

/**
 * The name a picked file gets inside the source: its webkitRelativePath minus
 * the top folder ("stories260K/sub/x.json" -> "sub/x.json"; the user picked
 * "stories260K"), else its plain name (dropped files, `new File(...)`).
 */
export function pickedName(file: File): string {
  const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath ?? "";
  const cut = rel.indexOf("/");
  return cut >= 0 ? rel.slice(cut + 1) : file.name;
}

/** A reader of one File; each read is one slice. */
export function fileReader(name: string, file: Blob): ByteReader {
  return {
    name,
    size: file.size,
    read: (offset, length) =>
      attempt(async () => {
        checkRange({ name, size: file.size }, offset, length);
        const buf = await file.slice(offset, offset + length).arrayBuffer();
        if (buf.byteLength !== length) {
          // The file changed on disk after it was picked.
          throw new Error(
            `${name}: read of ${length} bytes at offset ${offset} returned ${buf.byteLength}; ` +
              `was the file changed after it was picked?`,
          );
        }
        return new Uint8Array(buf);
      }),
    close() {},
  };
}

/**
 * A folder made of picked files, addressed by their relative names. Names are
 * checked like any source's (no "..", no absolute paths); two files with one
 * name are refused. `describe` defaults to "local files (top folder)".
 */
export function fileListSource(
  files: Iterable<File | PickedFile>,
  describe?: string,
): FileSource & { readonly names: readonly string[] } {
  const byName = new Map<string, File>();
  let top = "";
  for (const f of files) {
    const file = f instanceof Blob ? f : f.file;
    const path = f instanceof Blob ? pickedName(f) : f.path ?? pickedName(f.file);
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath ?? "";
    if (!top && rel.includes("/")) top = rel.slice(0, rel.indexOf("/"));
    const where = describe ?? "local files";
    const name = checkFileName(path, where);
    if (byName.has(name)) throw new Error(`${where}: two files are named ${JSON.stringify(name)}`);
    byName.set(name, file);
  }
  const what = describe ?? (top ? `local folder ${top}` : `local files`);
  const names = [...byName.keys()].sort();
  const get = (name: string) => {
    const file = byName.get(checkFileName(name, what));
    if (!file) {
      throw new Error(
        `${what}: no file ${JSON.stringify(name)} among the ${names.length} picked ` +
          `(${names.slice(0, 12).join(", ")}${names.length > 12 ? ", …" : ""})`,
      );
    }
    return file;
  };
  return {
    describe: what,
    names,
    has: (name) => attempt(() => byName.has(checkFileName(name, what))),
    text: (name) => attempt(() => get(name).text()),
    open: (name) => attempt(() => fileReader(name, get(name))),
  };
}

/**
 * The same files, with every `text`, `open` and `read` refused once `signal`
 * is aborted (with its reason). Loaders free what they made when a read
 * fails, so this is how a load is cancelled: at the next read.
 */
export function abortableSource(src: FileSource, signal: AbortSignal): FileSource {
  const reader = (r: ByteReader): ByteReader => ({
    name: r.name,
    size: r.size,
    read: (offset, length) =>
      attempt(() => {
        signal.throwIfAborted();
        return r.read(offset, length);
      }),
    close: () => r.close(),
  });
  return {
    describe: src.describe,
    names: src.names,
    has: (name) => src.has(name),
    text: (name) =>
      attempt(() => {
        signal.throwIfAborted();
        return src.text(name);
      }),
    open: (name) =>
      attempt(async () => {
        signal.throwIfAborted();
        return reader(await src.open(name));
      }),
  };
}
