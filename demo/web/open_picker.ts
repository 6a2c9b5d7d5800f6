// The "open a model and an SAE" form: each as an hf:owner/name id, an http(s)
// URL or served path of a folder (or .gguf / .pth file), or local files picked
// with a folder or file input or dropped on its box; plus the SAE's layer, the
// weight format, the SAE's format (f32 or q8), the context length and the hub endpoint (for mirrors).

/// <reference lib="dom" />

import {
  fileListSource,
  type FileSource,
  formatBytes,
  type PickedFile,
  type SaeQuant,
} from "../../mod.ts";
import { $, el } from "./views.ts";

/** What to load, as chosen on the form or given by the server and the URL. */
export interface Chosen {
  model: string | FileSource;
  sae: string | FileSource;
  layer: string;
  quant: string;
  /** The SAE's matrices on the device: f32 (default) or q8 (0.28x the bytes). */
  saeQuant?: SaeQuant;
  contextLength?: number;
  /** Hub endpoint for hf: sources (default https://huggingface.co). */
  endpoint?: string;
  modelName: string;
  saeName: string;
  /** Bytes of the picked files, when both are local (for progress); else null. */
  localBytes: number | null;
  /** True when either came from picked files (they cannot survive a reload). */
  local: boolean;
  /** The picked model files (their sizes and dates identify a cached copy). */
  modelFiles?: PickedFile[];
}

export interface Defaults {
  model: string;
  sae: string;
  layer: string;
  modelName: string;
  saeName: string;
}

export const SAE_FORMATS: readonly SaeQuant[] = ["f32", "q8"];

/** ?saeQuant=f32|q8 (f32 when absent); anything else is an error naming the parameter. */
export function saeQuantParam(params: URLSearchParams): SaeQuant {
  const v = params.get("saeQuant") ?? "f32";
  if (!(SAE_FORMATS as readonly string[]).includes(v)) {
    throw new Error(`?saeQuant=${v}: expected one of ${SAE_FORMATS.join(", ")}`);
  }
  return v as SaeQuant;
}

export const WEIGHT_FORMATS = ["f32", "q8", "q6k", "q4km", "q4", "q4k"] as const;

/** The served model and SAE with ?quant= and ?context= applied. */
export function servedChoice(d: Defaults, params: URLSearchParams): Chosen {
  return {
    model: d.model,
    sae: d.sae,
    layer: params.get("layer") ?? d.layer,
    quant: params.get("quant") ?? "f32",
    saeQuant: saeQuantParam(params),
    contextLength: params.has("context") ? Number(params.get("context")) : undefined,
    modelName: d.modelName,
    saeName: d.saeName,
    localBytes: null,
    local: false,
  };
}

/** Every file under a dropped directory entry, with its path below the dropped folder. */
async function entryFiles(entry: FileSystemEntry, prefix: string, out: PickedFile[]) {
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) =>
      (entry as FileSystemFileEntry).file(ok, fail)
    );
    out.push({ file, path: prefix + entry.name });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    // readEntries returns at most ~100 entries per call; empty when done.
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) break;
    for (const e of batch) await entryFiles(e, e.isDirectory ? `${prefix}${e.name}/` : prefix, out);
  }
}

/** Dropped items: one dropped folder gives its contents; loose files their names. */
async function droppedFiles(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e) =>
    e
  ) as FileSystemEntry[];
  if (entries.length === 1 && entries[0].isDirectory) {
    const out: PickedFile[] = [];
    await entryFiles(entries[0], "", out);
    return out;
  }
  return [...dt.files].map((file) => ({ file, path: file.name }));
}

/** SAELens' hook_name ("blocks.N.hook_resid_post") as the module it reads, else null. */
export function layerOfHook(cfgText: string): string | null {
  try {
    const hook = (JSON.parse(cfgText) as { hook_name?: unknown }).hook_name;
    const m = typeof hook === "string" ? /^blocks\.(\d+)\./.exec(hook) : null;
    return m ? `model.layers.${m[1]}` : null;
  } catch {
    return null;
  }
}

/** One source slot (model or SAE): a text field, two inputs and a drop zone. */
class Slot {
  files: PickedFile[] | null = null;
  readonly text: HTMLInputElement;
  readonly note: HTMLElement;
  readonly box: HTMLElement;

  /** Called with the files each time some are picked. */
  onPick: (files: PickedFile[]) => void = () => {};

  constructor(readonly id: string, label: string, value: string, hint: string) {
    this.text = el("input", { id: `open-${id}`, type: "text", value, placeholder: hint, size: 48 });
    this.note = el("span", { id: `open-${id}-picked`, class: "muted small" });
    const input = (suffix: string, attrs: Record<string, unknown>, title: string) => {
      const i = el("input", { id: `open-${id}-${suffix}`, type: "file", multiple: true, ...attrs });
      i.addEventListener("change", () => this.pick([...(i.files ?? [])].map((file) => ({ file }))));
      return el(
        "label",
        { class: "file-button", title },
        suffix === "folder" ? "folder…" : "files…",
        i,
      );
    };
    this.box = el(
      "div",
      { class: "open-slot", id: `open-${id}-box` },
      el("label", {}, `${label} `, this.text),
      input(
        "folder",
        { webkitdirectory: true },
        "pick a folder (config.json, tokenizer.json, shards…)",
      ),
      input("files", {}, "pick files (a .gguf, a .pth, or a folder's files)"),
      el("div", { class: "muted small" }, "or drop a folder or files here"),
      this.note,
    );
    this.text.addEventListener("input", () => this.pick(null));
    this.box.addEventListener("dragover", (e) => {
      e.preventDefault();
      this.box.classList.add("drop");
    });
    this.box.addEventListener("dragleave", () => this.box.classList.remove("drop"));
    this.box.addEventListener("drop", (e) => {
      e.preventDefault();
      this.box.classList.remove("drop");
      if (e.dataTransfer) void droppedFiles(e.dataTransfer).then((f) => this.pick(f));
    });
  }

  pick(files: PickedFile[] | null) {
    this.files = files?.length ? files : null;
    if (!this.files) {
      this.note.textContent = "";
      return;
    }
    const bytes = this.files.reduce((n, f) => n + f.file.size, 0);
    const n = this.files.length;
    this.note.textContent = `${fileListSource(this.files).describe}: ${n} file${
      n === 1 ? "" : "s"
    }, ${formatBytes(bytes)}`;
    this.text.value = "";
    this.onPick(this.files);
  }

  /** The source: picked files, or the text as hf:, URL or a path served with the page. */
  source(): { src: string | FileSource; name: string; bytes: number | null; files?: PickedFile[] } {
    if (this.files) {
      const src = fileListSource(this.files);
      const bytes = this.files.reduce((n, f) => n + f.file.size, 0);
      return { src, name: src.describe, bytes, files: this.files };
    }
    const v = this.text.value.trim();
    if (!v) throw new Error(`${this.id}: give an hf:owner/name id, a URL, or pick local files`);
    return { src: v, name: v, bytes: null };
  }
}

/** Shows the form (with `message`, say the last error) and resolves with the choice on Load. */
export function pickSources(d: Defaults, params: URLSearchParams, message = ""): Promise<Chosen> {
  const form = $("open");
  const model = new Slot("model", "Model", d.model, "hf:owner/name, https://host/folder/, or pick");
  const sae = new Slot("sae", "SAE", d.sae, "hf:owner/name/path, https://…/sae.pth, or pick");
  const quant = el(
    "select",
    { id: "open-quant" },
    WEIGHT_FORMATS.map((f) =>
      el("option", { value: f, selected: f === (params.get("quant") ?? "f32") }, f)
    ),
  );
  const saeQuant = el(
    "select",
    { id: "open-sae-quant" },
    SAE_FORMATS.map((f) => el("option", { value: f, selected: f === saeQuantParam(params) }, f)),
  );
  const layer = el("input", {
    id: "open-layer",
    type: "text",
    value: params.get("layer") ?? d.layer,
  });
  const context = el("input", {
    id: "open-context",
    type: "number",
    min: 8,
    placeholder: "model's",
    value: params.get("context") ?? undefined,
  });
  const endpoint = el("input", {
    id: "open-endpoint",
    type: "text",
    placeholder: "https://huggingface.co",
    value: params.get("hfEndpoint") ?? undefined,
  });
  // A picked SAELens folder names its layer in cfg.json: fill it in.
  sae.onPick = (files) => {
    const cfg = files.find((f) => /(^|\/)cfg\.json$/.test(f.path ?? f.file.name));
    void cfg?.file.text().then((t) => {
      const found = layerOfHook(t);
      if (found) layer.value = found;
    });
  };
  const error = el("div", { id: "open-error", class: "open-error" }, message);
  const load = el("button", { id: "open-load", class: "primary" }, "Load");
  form.replaceChildren(
    el("h2", {}, "Open a model and an SAE"),
    model.box,
    sae.box,
    el(
      "div",
      { class: "controls" },
      el("label", {}, "SAE layer ", layer),
      el("label", {}, "weights ", quant),
      el("label", {}, "SAE weights ", saeQuant),
      el("label", {}, "context ", context),
      el("label", {}, "hub endpoint ", endpoint),
      load,
    ),
    error,
  );
  form.hidden = false;
  $("loading").hidden = true;
  document.body.dataset.picker = "true";
  return new Promise((resolve) => {
    load.addEventListener("click", () => {
      try {
        const m = model.source(), s = sae.source();
        const ctx = context.value.trim() ? Number(context.value) : undefined;
        if (ctx !== undefined && !(Number.isInteger(ctx) && ctx >= 8)) {
          throw new Error(
            `context: expected a whole number of tokens, at least 8; got ${context.value}`,
          );
        }
        if (!layer.value.trim()) {
          throw new Error("SAE layer: give the module it reads, e.g. model.layers.2");
        }
        form.hidden = true;
        $("loading").hidden = false;
        delete document.body.dataset.picker;
        resolve({
          model: m.src,
          sae: s.src,
          layer: layer.value.trim(),
          quant: quant.value,
          saeQuant: saeQuant.value as SaeQuant,
          contextLength: ctx,
          endpoint: endpoint.value.trim() || undefined,
          modelName: m.name,
          saeName: s.name,
          localBytes: m.bytes !== null && s.bytes !== null ? m.bytes + s.bytes : null,
          local: m.bytes !== null || s.bytes !== null,
          modelFiles: m.files,
        });
      } catch (e) {
        error.textContent = (e as Error).message;
      }
    });
  });
}
