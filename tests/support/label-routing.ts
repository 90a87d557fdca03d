/**
 * Where Next.js's router sends a request for the label page, worked out with Next.js's own path
 * and condition matchers over the rules of lib/http/label-page-routes.ts: what the router tests
 * check the rules with, and what the caching front's VCL is held to.
 */
import { matchHas } from "next/dist/shared/lib/router/utils/prepare-destination";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { labelPageRewrites } from "@/lib/http/label-page-routes";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";

export type RouterRule = { source: string; has?: Parameters<typeof matchHas>[2]; missing?: Parameters<typeof matchHas>[3] };

const lowerCased = (headers: Record<string, string>) => ({ headers: Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value])) });

/** The rules that apply to a request. */
export function applyingRules<R extends RouterRule>(rules: R[], path: string, headers: Record<string, string> = {}): R[] {
  const request = lowerCased(headers);
  return rules.filter((rule) => getPathMatch(rule.source, { strict: true })(path) && matchHas(request as never, {}, rule.has, rule.missing));
}

const rewrites = labelPageRewrites({ locales: LOCALES, defaultLocale: DEFAULT_LOCALE, cookie: LOCALE_COOKIE });

/** Where the router sends a request: the first rewrite that applies, or null. */
export function labelPageDestination(path: string, headers: Record<string, string> = {}): string | null {
  const [rule] = applyingRules(rewrites, path, headers);
  if (!rule) return null;
  const params = { ...(matchHas(lowerCased(headers) as never, {}, rule.has, rule.missing) || {}), number: path.split("/").pop()! };
  return rule.destination.replace(/:(\w+)/g, (_, name: string) => params[name as keyof typeof params]);
}
