import "server-only";

/**
 * The caching fronts of the public label page (deploy/varnish.vcl): each keeps the answers of
 * `/labels/N` for a few seconds, and the app bans a certificate's answers there when its status
 * changes, right after expiring its own cache, so the next scan through any front is fresh.
 * FRONT_CACHE_PURGE_URLS lists the fronts' purge listeners (space- or comma-separated); unset,
 * there is no front and nothing to ban.
 */

/** How long one front may take to answer a ban: a status change waits for it. */
const BAN_TIMEOUT_MS = 2_000;

type FrontCacheEnv = { FRONT_CACHE_PURGE_URLS?: string; [name: string]: string | undefined };

/** The configured fronts, or the reason the setting cannot be used (checked at start-up). */
export function frontCachePurgeUrls(env: FrontCacheEnv = process.env): { urls: URL[]; error?: undefined } | { urls?: undefined; error: string } {
  const entries = (env.FRONT_CACHE_PURGE_URLS ?? "").split(/[\s,]+/).filter(Boolean);
  const urls: URL[] = [];
  for (const entry of entries) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      return { error: `FRONT_CACHE_PURGE_URLS: "${entry}" is not an absolute URL (e.g. http://10.0.0.10:6091, a Varnish purge listener).` };
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return { error: `FRONT_CACHE_PURGE_URLS: "${entry}" must be an http:// or https:// address.` };
    }
    urls.push(url);
  }
  return { urls };
}

export type FrontBanOutcome = { front: string; number: string; banned: boolean; problem?: string };

/**
 * Bans every cached answer of these certificates (page in each language and JSON) at every
 * front, all at once. A front that cannot be reached keeps what it has until it expires (at most
 * 10 s, its TTL and grace in deploy/varnish.vcl): the change itself is committed, so this never
 * throws; it logs and reports what failed.
 */
export async function banCertificatesAtFronts(numbers: readonly string[], env: FrontCacheEnv = process.env): Promise<FrontBanOutcome[]> {
  const { urls } = frontCachePurgeUrls(env);
  if (!urls || urls.length === 0 || numbers.length === 0) return [];
  const outcomes = await Promise.all(
    urls.flatMap((url) =>
      numbers.map(async (number): Promise<FrontBanOutcome> => {
        const front = url.origin;
        try {
          const response = await fetch(url, {
            method: "BAN",
            headers: { "X-Certificate-Number": number },
            signal: AbortSignal.timeout(BAN_TIMEOUT_MS),
          });
          await response.arrayBuffer();
          if (response.ok) return { front, number, banned: true };
          return { front, number, banned: false, problem: `answered ${response.status} ${response.statusText}` };
        } catch (error) {
          return { front, number, banned: false, problem: error instanceof Error ? error.message : String(error) };
        }
      }),
    ),
  );
  for (const outcome of outcomes.filter((each) => !each.banned)) {
    console.warn(`[front-cache] could not ban the answers of ${outcome.number} at ${outcome.front} (${outcome.problem}); they expire there within seconds.`);
  }
  return outcomes;
}
