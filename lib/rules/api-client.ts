/** Whether an API client can still be used: revocation wins over expiry. */
type ApiClientState = "active" | "expired" | "revoked";

export function apiClientState(client: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): ApiClientState {
  if (client.revokedAt) return "revoked";
  return client.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}
