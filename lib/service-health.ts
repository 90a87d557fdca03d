/**
 * What `/api/health` reports for each platform service (database, read replica, storage, jobs,
 * mail). A service module offers a `ServiceProbe`; until a service exists or is set up, its probe
 * is `notConfigured`. Only the primary database being down makes the whole service unavailable.
 */
type ServiceStatus = "ok" | "degraded" | "not_configured";

/** The status, plus the service's own measurements (e.g. `queueLagSeconds`, `failed`). */
export type ServiceHealth = { status: ServiceStatus } & { [measure: string]: string | number | boolean | null };

export type ServiceProbe = () => Promise<ServiceHealth>;

export const notConfigured: ServiceProbe = async () => ({ status: "not_configured" });

/** Runs a probe with a deadline: a probe that throws or hangs reports the service degraded. */
export async function runProbe(probe: ServiceProbe, timeoutMs: number): Promise<ServiceHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ServiceHealth>((resolve) => {
    timer = setTimeout(() => resolve({ status: "degraded", error: "timeout" }), timeoutMs);
  });
  try {
    return await Promise.race([probe(), timeout]);
  } catch {
    return { status: "degraded", error: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
