/**
 * Who may change reference data. Benchmarks are per region: a regulator sets
 * its own region's (the operation takes the region from the actor, so another
 * region's cannot even be named). Emission factors carry a region too: a
 * factor of a province-level division (a GB/T 2260 code such as 500000) is that
 * region's, and only its regulator creates or supersedes it ("factor.manage");
 * any other factor (CN for the national database, GLO for international
 * defaults) is national, used in every region, and kept by the platform
 * operator ("factor.manageNational").
 */
import { isUserActor, type Actor } from "./actor";
import { ALLOWED, refuse, roleDecision, type Decision } from "./decision";
import { can } from "./permissions";

/** A factor region that is one province-level division (its regulator's), not national data. */
export function isRegionalFactorRegion(region: string): boolean {
  return /^\d{6}$/.test(region);
}

/** The permission writing a factor of `region` takes. */
export function factorPermission(region: string): "factor.manage" | "factor.manageNational" {
  return isRegionalFactorRegion(region) ? "factor.manage" : "factor.manageNational";
}

/** Keeps some part of the factor database: may open it and search it. */
export function keepsFactors(actor: Actor | null | undefined): boolean {
  return can(actor, "factor.manage") || can(actor, "factor.manageNational");
}

/** May the actor create or supersede a factor of `region`? A regional one only in its own region. */
export function decideOnFactor(actor: Actor | null | undefined, factor: { region: string }): Decision {
  const role = roleDecision(actor, factorPermission(factor.region));
  if (!role.allowed) return role;
  if (!isUserActor(actor)) return refuse("forbidden");
  if (isRegionalFactorRegion(factor.region) && actor.region !== factor.region) return refuse("forbidden", "factors.errors.otherRegion");
  return ALLOWED;
}
