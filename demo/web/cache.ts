// A key-value cache in IndexedDB for what the page computes once per model and
// SAE (the corpus, the feature map). Values are structured clones (typed
// arrays included). A browser without IndexedDB (or a private window that
// refuses it) just recomputes: a cache miss, not an error.

const DB = "loupe-demo";
const STORE = "cache";
/** Bumped when a cached value's shape changes, so old entries are never read. */
const VERSION = 1;

let opened: Promise<IDBDatabase | null> | null = null;

function db(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = () => {
        const d = req.result;
        if (d.objectStoreNames.contains(STORE)) d.deleteObjectStore(STORE);
        d.createObjectStore(STORE);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opened;
}

export async function cacheGet<T>(key: string): Promise<T | undefined> {
  const d = await db();
  if (!d) return undefined;
  return await new Promise((resolve) => {
    const req = d.transaction(STORE, "readonly").objectStore(STORE).get(key);
    req.onsuccess = () => resolve(req.result as T | undefined);
    req.onerror = () => resolve(undefined);
  });
}

export async function cachePut(key: string, value: unknown): Promise<void> {
  const d = await db();
  if (!d) return;
  await new Promise<void>((resolve) => {
    const tx = d.transaction(STORE, "readwrite");
    tx.objectStore(STORE).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => resolve();
    tx.onabort = () => resolve();
  });
}
