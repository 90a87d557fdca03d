/**
 * The origin credentials name their issuers, keys and status lists under (server side: it reads
 * the environment). Required in production; demo mode falls back to this machine's port.
 */
type BaseUrlEnv = { PUBLIC_BASE_URL?: string; PORT?: string; [name: string]: string | undefined };

export function platformBaseUrl(env: BaseUrlEnv = process.env): string {
  const configured = env.PUBLIC_BASE_URL?.trim().replace(/\/+$/, "");
  return configured || `http://localhost:${env.PORT || 3000}`;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Start-up check of `PUBLIC_BASE_URL` for credentials: an error to refuse with, a warning to
 * print, or nothing. Issuers are HTTPS URLs; plain http is accepted only on this machine.
 */
export function publicBaseUrlProblem(env: BaseUrlEnv, production: boolean): { error?: string; warning?: string } {
  const configured = env.PUBLIC_BASE_URL?.trim();
  if (!configured) {
    if (production) {
      return {
        error:
          "PUBLIC_BASE_URL is not set. Set it to the HTTPS address people reach CarbonLabel at (e.g. https://carbonlabel.example.cn): signed certificates name their issuer, keys and status lists under it.",
      };
    }
    return { warning: `PUBLIC_BASE_URL not set: credentials are issued under ${platformBaseUrl(env)} (demo mode only).` };
  }
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    return { error: `PUBLIC_BASE_URL "${configured}" is not an absolute URL (e.g. https://carbonlabel.example.cn).` };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
    const message = `PUBLIC_BASE_URL should be an https:// address (plain http only for localhost); got "${configured}".`;
    return production ? { error: message } : { warning: message };
  }
  if (url.pathname !== "/" || url.search || url.hash) {
    return { error: `PUBLIC_BASE_URL must be an origin without a path, query or fragment; got "${configured}".` };
  }
  return {};
}
