/**
 * Action results and validation errors carry message keys (optionally with
 * params, as `key?name=value`), so the server stays locale-free and the UI
 * translates them.
 */
export function messageKey(key: string, params?: Record<string, string | number>): string {
  if (!params || Object.keys(params).length === 0) return key;
  return `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;
}

export function parseMessageKey(message: string): { key: string; params: Record<string, string> } {
  const [key, query] = message.split("?", 2);
  return { key, params: query ? Object.fromEntries(new URLSearchParams(query)) : {} };
}
