/**
 * The origin printed into QR codes and links: `PUBLIC_BASE_URL` when the portal runs behind a
 * proxy or load balancer (the address people actually reach), else the request's own origin.
 */
export function publicBaseUrl(requestUrl: string): string {
  return process.env.PUBLIC_BASE_URL?.replace(/\/+$/, "") || new URL(requestUrl).origin;
}
