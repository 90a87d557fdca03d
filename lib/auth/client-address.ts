import { isIPv4, isIPv6 } from "node:net";

/**
 * The address a request came from, for the per-address limits.
 *
 * `next start` puts the socket's address in X-Forwarded-For only when the request carries none,
 * so the header is the one source there is. Each trusted reverse proxy appends the address it
 * received the request from (nginx `$proxy_add_x_forwarded_for`; Caddy replaces an untrusted
 * client's header with the client address): with TRUSTED_PROXY_HOPS proxies in front, the
 * client is the TRUSTED_PROXY_HOPS-th entry from the right, and anything left of it is what the
 * client claimed. With 0 or 1 hop that is the last entry. Without a proxy overwriting the header
 * a client can forge it: the per-address limit then holds only behind one; the per-account
 * limits never depend on it.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, trustedHops = configuredHops()): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = entries[entries.length - Math.max(1, trustedHops)] ?? entries[0];
  return normalizeAddress(candidate);
}

function configuredHops(): number {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops >= 0 ? hops : 0;
}

/**
 * One bucket per IPv4 address and per IPv6 /64 (one subscriber's whole prefix: rotating within
 * it buys nothing); IPv4-mapped IPv6 is IPv4. Anything unparseable shares one bucket.
 */
export function normalizeAddress(raw: string | undefined): string {
  let address = (raw ?? "").replace(/^\[|\](:\d+)?$/g, "");
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1];
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
  return "unknown";
}

function expandIPv6(address: string): string[] {
  const [head, tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  const groups = address.includes("::") ? [...left, ...Array(missing).fill("0"), ...right] : left;
  return groups.map((group) => group.replace(/^0+(?=.)/, ""));
}
