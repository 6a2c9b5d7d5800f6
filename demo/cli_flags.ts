// The CLI's flags, declared once: parseArgs' option table, `loupe --help` and
// `loupe COMMAND --help` are all generated from FLAGS, so a flag cannot exist
// without its help line and its default.

export const COMMANDS = {
  generate: "generate text from a prompt, streamed to stdout",
  run: "run one forward pass and write logits and cached activations to a .safetensors file",
  features: "print the top SAE features of every prompt token",
  "features search": "rank SAE features by how specifically they fire on example texts",
  "features contrast": "rank SAE features that tell two sets of prompts or chats apart",
  plan: "print where a model (and an SAE) would go over N devices, from config.json alone",
  convert: "quantize a model once and write it as a container (--out X.loupe.safetensors) " +
    "that Engine.load / --model read with no conversion",
} as const;
export type Command = keyof typeof COMMANDS;

interface Flag {
  /** "string" takes a value; "boolean" is a switch. */
  type: "string" | "boolean";
  /** The value's placeholder in help ("N", "SRC"). */
  arg?: string;
  /** May be given several times. */
  multiple?: true;
  /** What the flag does. */
  help: string;
  /** The default as help shows it (absent: none). */
  default?: string;
  /** Commands that take it. */
  commands: readonly Command[];
}

const FEATURE_SETS: readonly Command[] = ["features search", "features contrast"];
const ALL: readonly Command[] = ["generate", "run", "features", ...FEATURE_SETS, "plan"];
/** Flags of every command, convert included (it loads a model and writes it, nothing else). */
const WITH_CONVERT: readonly Command[] = [...ALL, "convert"];
const RUNNING: readonly Command[] = ["generate", "run", "features"];
const FORWARD: readonly Command[] = ["generate", "run"];
/** Commands that load the SAE's file (plan reads its header only). */
const LOADS_SAE: readonly Command[] = ["generate", "run", "features", ...FEATURE_SETS];

export const DEFAULT_MODEL: string = new URL("./models/stories260K", import.meta.url).pathname;

export const FLAGS = {
  model: {
    type: "string",
    arg: "SRC",
    help: "model: a local folder, an http(s) URL of a folder, or hf:owner/name[@revision]; " +
      "or one .gguf file (path, URL, hf:owner/name/file.gguf) (plan: also a config.json file)",
    default: "demo/models/stories260K (bundled)",
    commands: WITH_CONVERT,
  },
  prompt: {
    type: "string",
    arg: "TEXT",
    help: "prompt text, encoded with the model's tokenizer",
    commands: RUNNING,
  },
  tokens: {
    type: "string",
    arg: "1,2,3",
    help: "prompt as token ids (instead of --prompt)",
    commands: RUNNING,
  },
  chat: {
    type: "boolean",
    help: "wrap --prompt as a user message in the model's chat template",
    default: "off",
    commands: ["generate"],
  },
  "max-tokens": {
    type: "string",
    arg: "N",
    help: "tokens to generate",
    default: "128",
    commands: ["generate"],
  },
  temperature: {
    type: "string",
    arg: "T",
    help: "sampling temperature; 0 is greedy (ties go to the lowest id)",
    default: "0",
    commands: ["generate"],
  },
  "top-k": {
    type: "string",
    arg: "K",
    help: "sample among the K most likely tokens",
    default: "0 (off)",
    commands: ["generate"],
  },
  "top-p": {
    type: "string",
    arg: "P",
    help: "sample within the smallest set of tokens whose probability reaches P",
    default: "1 (off)",
    commands: ["generate"],
  },
  seed: {
    type: "string",
    arg: "S",
    help: "sampling seed (any safe integer), to replay a sampled run",
    default: "random",
    commands: ["generate"],
  },
  out: {
    type: "string",
    arg: "FILE",
    help: "where run writes logits [T, vocab] and cache.<name> [T, width] (safetensors); " +
      "where convert writes the container (name it *.loupe.safetensors)",
    commands: ["run", "convert"],
  },
  cache: {
    type: "string",
    arg: "NAME,...",
    help: "modules whose outputs run writes (e.g. model.layers.2,model.norm, L.sae.features)",
    default: "none",
    commands: ["run"],
  },
  intervene: {
    type: "string",
    arg: "SPEC",
    multiple: true,
    help: "NAME:add=FILE.safetensors (its tensor `vector` [hidden] added at every position), " +
      "NAME:zero or NAME:scale=S; repeatable",
    commands: FORWARD,
  },
  sae: {
    type: "string",
    arg: "SRC",
    help: "an SAE: Goodfire .pth/.safetensors file or SAELens folder (local, http(s), hf:)",
    commands: ALL,
  },
  layer: {
    type: "string",
    arg: "NAME",
    help: "the module the SAE reads and edits, e.g. model.layers.2",
    commands: ALL,
  },
  steer: {
    type: "string",
    arg: "EDIT",
    multiple: true,
    help: "FEATURE:add=V | set=V | mul=V | ablate | clamp=MIN,MAX, or Ember's modes nudge=V | " +
      "pin=V | clamp=MAX, at the SAE's layer, every position; then optionally ,generated (only " +
      "generated positions) and ,when=G>T or ,when=G<T (only while feature G is above/below T " +
      "on the token); repeatable; needs --sae and --layer",
    commands: FORWARD,
  },
  variant: {
    type: "string",
    arg: "FILE",
    help: "a steering variant (loupe-variant JSON: edits and abort_when) for --sae at --layer, " +
      "checked against the SAE's d_sae and layer; --steer edits apply after its own; " +
      "features, search and contrast read the steered model (plan: checked only)",
    commands: ALL,
  },
  "abort-when": {
    type: "string",
    arg: "F>V:REASON",
    multiple: true,
    help: "stop generating at the first token where feature F is above (F>V) or below (F<V) V, " +
      "printing REASON; F>V,generated:REASON checks generated positions only; repeatable",
    commands: ["generate"],
  },
  "save-variant": {
    type: "string",
    arg: "FILE",
    help: "write the steering (--variant, --steer, --abort-when) to FILE as a variant, then run",
    commands: FORWARD,
  },
  top: {
    type: "string",
    arg: "K",
    help: "features listed per token (search: in all; contrast: per side)",
    default: "8 (search, contrast: 20)",
    commands: ["features", ...FEATURE_SETS],
  },
  text: {
    type: "string",
    arg: "TEXT",
    multiple: true,
    help: "an example text whose features to find; repeatable",
    commands: ["features search"],
  },
  background: {
    type: "string",
    arg: "FILE",
    help: "the corpus the texts are compared with: one prompt per line, or a JSON list of " +
      "strings or chats",
    default: "none (rank by firing on the texts alone)",
    commands: ["features search"],
  },
  a: {
    type: "string",
    arg: "FILE",
    help: "set A: one prompt per line, or a JSON list of strings or chats ([{role, content}, ...])",
    commands: ["features contrast"],
  },
  b: {
    type: "string",
    arg: "FILE",
    help: "set B, as --a",
    commands: ["features contrast"],
  },
  query: {
    type: "string",
    arg: "TEXT",
    help: "rerank each side's best features by how well their labels match TEXT",
    commands: ["features contrast"],
  },
  labels: {
    type: "string",
    arg: "FILE",
    help: "feature labels for --sae: a Neuronpedia explanation export (JSON or JSON lines) or " +
      '{"INDEX": "label"}; may list "moderated" features too (plan: checked and counted)',
    commands: ALL,
  },
  moderated: {
    type: "string",
    arg: "FILE",
    help: "features to hide (JSON list, or one index per line) from top features, search, " +
      "contrast and steering",
    commands: LOADS_SAE,
  },
  "include-moderated": {
    type: "boolean",
    help: "show and allow moderated features (outputs say so)",
    default: "off",
    commands: LOADS_SAE,
  },
  quant: {
    type: "string",
    arg: "f32|q8|q4|q4k|q6k|q4km|q4kb",
    help: "weight format on the GPU (quantized as the weights load)",
    default: "f32",
    commands: WITH_CONVERT,
  },
  importance: {
    type: "string",
    arg: "auto|FILE",
    help: "importance-weighted q4k/q6k/q4km/q4kb: calibrate on the model's own text (auto) or a " +
      "text file; computed once, kept in $LOUPE_CACHE/importance",
    default: "none",
    commands: WITH_CONVERT,
  },
  "embed-quant": {
    type: "string",
    arg: "f32|q8|q4|q4k|q6k",
    help: "format of the embedding and lm_head",
    default: "--quant",
    commands: WITH_CONVERT,
  },
  "context-length": {
    type: "string",
    arg: "N",
    help: "KV cache positions",
    default: "min(max_position_embeddings, 4096)",
    commands: ALL,
  },
  devices: {
    type: "string",
    arg: "N",
    help: "spread the layers over N WebGPU devices (the load summary shows the placement)",
    default: "1",
    commands: ALL,
  },
  budget: {
    type: "string",
    arg: "BYTES",
    help: "bytes each device may hold (20GB, 16GiB, 123456789); a plan that cannot fit is refused",
    default: "unlimited",
    commands: ["plan"],
  },
  "sae-width": {
    type: "string",
    arg: "D_SAE",
    help: "plan an SAE of this many features (d_in = hidden) at --layer, without its file",
    commands: ["plan"],
  },
  json: {
    type: "boolean",
    help: "print one JSON object instead of text",
    default: "off",
    commands: ["generate", "features", ...FEATURE_SETS],
  },
  help: { type: "boolean", help: "show this help", commands: WITH_CONVERT },
} as const satisfies Record<string, Flag>;

/** parseArgs' option table, from FLAGS. */
export const OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, f]) => [
    name,
    {
      type: f.type,
      ...("multiple" in f ? { multiple: true } : {}),
      ...(name === "help" ? { short: "h" } : {}),
    },
  ]),
) as {
  [K in keyof typeof FLAGS]: {
    type: (typeof FLAGS)[K]["type"];
    multiple?: boolean;
    short?: string;
  };
};

function flagLines(command: Command | undefined): string[] {
  const rows = Object.entries(FLAGS as Record<string, Flag>)
    .filter(([, f]) => !command || f.commands.includes(command))
    .map(([name, f]) => {
      const left = `  --${name}${f.arg ? ` ${f.arg}` : ""}`;
      const right = f.help + (f.default ? ` [default: ${f.default}]` : "") +
        (command ? "" : f.commands.length < ALL.length ? ` (${f.commands.join(", ")})` : "");
      return [left, right] as const;
    });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => l.padEnd(width) + r);
}

/** `loupe --help` (no command) or `loupe COMMAND --help`. */
export function helpText(command?: Command): string {
  if (command) {
    return [
      `loupe ${command}: ${COMMANDS[command]}`,
      "",
      `usage: loupe ${command} [flags]`,
      "",
      "flags:",
      ...flagLines(command),
    ].join("\n");
  }
  return [
    "loupe: run Llama-family models on WebGPU and look inside them",
    "",
    "usage: loupe COMMAND [flags]     loupe COMMAND --help for that command's flags",
    "",
    "commands:",
    ...Object.entries(COMMANDS).map(([c, h]) => `  ${c.padEnd(19)}${h}`),
    // Their flags are their own (demo/cli_attribute.ts, demo/cli_probe.ts): COMMAND --help.
    `  ${"attribute".padEnd(19)}write gradients and attributions of log p(target) to .safetensors`,
    `  ${
      "probe train|run".padEnd(19)
    }train a sparse probe on SAE features or activations; score tokens`,
    "",
    "flags:",
    ...flagLines(undefined),
    "",
    "Results go to stdout; load messages, the adapter and progress go to stderr.",
    "Exit status: 0 done, 1 failed, 2 bad usage.",
  ].join("\n");
}

/** A flag given to a command that does not take it. */
export function unusedFlags(command: Command, given: Record<string, unknown>): string[] {
  return Object.keys(given).filter((name) =>
    given[name] !== undefined && !(FLAGS as Record<string, Flag>)[name]?.commands.includes(command)
  );
}
