/** Shared setup of the enterprise integration tests: an enterprise with its users, and every other kind of caller. */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { emissionFactors, inventoryLines } from "@/db/schema";
import type { ActionResult } from "@/lib/result";
import { actAs, createOrganization, createUser } from "./factories";

export type Caller = Awaited<ReturnType<typeof createUser>>;

export async function createCast() {
  const enterprise = await createOrganization("enterprise");
  const owner = await createUser("enterprise", enterprise.id);
  const otherEnterpriseUser = await createUser("enterprise");
  const body = await createOrganization("verification_body");
  const verifier = await createUser("verifier", body.id);
  const regulator = await createUser("regulator");
  const admin = await createUser("admin");
  return { enterprise, owner, otherEnterpriseUser, body, verifier, regulator, admin };
}

/**
 * Calls `action` as each caller who must be refused — another enterprise's user,
 * a verifier, a regulator, an admin, anonymous — and checks each refusal.
 */
export async function expectRefusedForOthers(
  cast: Awaited<ReturnType<typeof createCast>>,
  action: () => Promise<ActionResult<unknown>>,
  otherEnterpriseMessage = "errors.notFound",
) {
  const expectations: [Caller | null, string][] = [
    [cast.otherEnterpriseUser, otherEnterpriseMessage],
    [cast.verifier, "errors.forbidden"],
    [cast.regulator, "errors.forbidden"],
    [cast.admin, "errors.forbidden"],
    [null, "errors.unauthenticated"],
  ];
  for (const [caller, message] of expectations) {
    actAs(caller);
    const result = await action();
    expect({ caller: caller?.role ?? "anonymous", ok: result.ok, message: result.message }).toEqual({
      caller: caller?.role ?? "anonymous",
      ok: false,
      message,
    });
  }
}

export async function factorId(factorKey: string): Promise<string> {
  const [factor] = await db.select({ id: emissionFactors.id }).from(emissionFactors).where(eq(emissionFactors.factorKey, factorKey));
  return factor.id;
}

/** 2 kg of HFC-134a in raw materials: with the factory's electricity line the cradle-to-gate inventory is complete. */
export async function addRefrigerantLine(applicationId: string) {
  const [line] = await db
    .insert(inventoryLines)
    .values({
      applicationId,
      stage: "raw_material",
      description: "Refrigerant leakage",
      quantity: "2",
      unit: "kg",
      source: "direct_gas",
      gas: "HFC-134a",
    })
    .returning();
  return line;
}

export function lineInput(applicationId: string, overrides: Record<string, unknown> = {}) {
  return {
    applicationId,
    stage: "raw_material" as const,
    description: "Refrigerant",
    quantity: "2",
    unit: "kg",
    source: "direct_gas" as const,
    gas: "HFC-134a",
    dataType: "primary" as const,
    dqrTechnological: 2,
    dqrGeographical: 2,
    dqrTemporal: 2,
    allocationShare: "1",
    emissionCategory: "fossil" as const,
    ...overrides,
  };
}
