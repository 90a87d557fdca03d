import type { Messages } from "./messages";

/**
 * The part of the catalogs a client provider hands to the browser: only the
 * namespaces the client components below it translate with. Everything else
 * stays on the server (server components translate from the request config).
 */
export function pickNamespaces(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    if (namespace in messages) picked[namespace] = messages[namespace];
  }
  return picked;
}
