import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./config";

export type Messages = Record<string, unknown>;

const cache = new Map<Locale, Messages>();

/**
 * Each JSON file under messages/<locale>/ is one namespace (file name = namespace),
 * so features own their own catalog files.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const dir = path.join(process.cwd(), "lib", "i18n", "messages", locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.slice(0, -5)] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}
