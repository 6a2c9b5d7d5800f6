// stories260K with a chat template: the fixture model has none (it is not a
// chat model), and contrast's chats need one. A temporary copy of the folder
// whose tokenizer_config.json gains a minimal template (Deno only).

import { modelPath } from "./fixtures.ts";

const TEMPLATE =
  "{% for m in messages %}{{ bos_token + m['role'] + ': ' + m['content'] + '\\n' }}" +
  "{% endfor %}{% if add_generation_prompt %}{{ 'assistant: ' }}{% endif %}";

/** A temporary copy of stories260K with a chat template; remove `dir` when done. */
export async function storiesWithChat(): Promise<string> {
  const src = modelPath("stories260K"), dir = await Deno.makeTempDir({ prefix: "loupe-chat-" });
  for (const f of ["config.json", "model.safetensors", "tokenizer.json"]) {
    await Deno.copyFile(`${src}/${f}`, `${dir}/${f}`);
  }
  const config = JSON.parse(await Deno.readTextFile(`${src}/tokenizer_config.json`));
  await Deno.writeTextFile(
    `${dir}/tokenizer_config.json`,
    JSON.stringify({ ...config, chat_template: TEMPLATE }),
  );
  return dir;
}
