/**
 * PACT partners as an enterprise manages them: only the enterprise's own users register, edit and
 * remove them (each audited); hosts are HTTPS only and unique per organization; the outbound
 * secret is stored sealed and never shown; pages show an organization only its own partners.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, pactPartners } from "@/db/schema";
import { registerPartnerAction } from "@/lib/actions/pact-partners/register-partner";
import { getPartnersPage } from "@/lib/dal/pact/enterprise";
import { executeOperation } from "@/lib/domain/operation";
import { registerPartner } from "@/lib/domain/pact-partners/register-partner";
import { removePartner } from "@/lib/domain/pact-partners/remove-partner";
import { updatePartner } from "@/lib/domain/pact-partners/update-partner";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { openSecret } from "@/lib/keys/key-encryption";
import { systemActor } from "@/lib/policy";
import { actorFor } from "../support/certificate-fixtures";
import { actAs, createUser } from "../support/factories";

const input = (overrides: Partial<Parameters<typeof registerPartner>[2]> = {}) => ({
  name: "Volkswagen supplier portal",
  baseUrl: "https://pact.customer.example.com/api/",
  clientId: "carbonlabel-yuxin",
  clientSecret: "s3cret-from-the-customer",
  ...overrides,
});

async function partnersOf(organizationId: string) {
  return db.select().from(pactPartners).where(eq(pactPartners.organizationId, organizationId));
}

async function registered(user: { id: string }, overrides: Partial<Parameters<typeof registerPartner>[2]> = {}) {
  const outcome = await executeOperation(registerPartner, await actorFor(user), input(overrides));
  if (!outcome.ok) throw outcome.error;
  return outcome.data.partnerId;
}

describe("registerPartner", () => {
  it("registers a partner's HTTPS host for the enterprise, sealing the secret and auditing without it", async () => {
    const user = await createUser("enterprise");
    const partnerId = await registered(user);
    const [row] = await partnersOf(user.organizationId);
    expect(row).toMatchObject({ id: partnerId, baseUrl: "https://pact.customer.example.com/api", clientId: "carbonlabel-yuxin", createdBy: user.id, removedAt: null });
    expect(row.sealedClientSecret).not.toContain("s3cret");
    expect(openSecret(row.sealedClientSecret, `pact-partner:${partnerId}`).toString("utf8")).toBe("s3cret-from-the-customer");
    // Sealed for its own row: copied onto another partner it does not open.
    expect(() => openSecret(row.sealedClientSecret, `pact-partner:${crypto.randomUUID()}`)).toThrow();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "pactPartner.register"), eq(auditEvents.entityId, partnerId))).orderBy(auditEvents.id);
    expect(event).toMatchObject({ actorUserId: user.id, subjectOrganizationId: user.organizationId, data: { baseUrl: "https://pact.customer.example.com/api", clientId: "carbonlabel-yuxin" } });
    expect(JSON.stringify(event.data)).not.toContain("s3cret");
  });

  it("refuses a plain-HTTP or unusable URL and a host already registered, next to the field", async () => {
    const user = await createUser("enterprise");
    actAs(user);
    expect(await registerPartnerAction(input({ baseUrl: "http://pact.customer.example.com" }))).toMatchObject({ ok: false, fieldErrors: { baseUrl: ["pact.validation.baseUrl"] } });
    expect(await registerPartnerAction(input({ baseUrl: "https://pact.customer.example.com/?tenant=1" }))).toMatchObject({ ok: false, fieldErrors: { baseUrl: ["pact.validation.baseUrl"] } });
    expect(await registerPartnerAction(input())).toMatchObject({ ok: true });
    expect(await registerPartnerAction(input({ baseUrl: "https://PACT.customer.example.com/api" }))).toMatchObject({ ok: false, fieldErrors: { baseUrl: ["pact.validation.baseUrlTaken"] } });
    expect(await partnersOf(user.organizationId)).toHaveLength(1);
    // Another enterprise may register the same host for itself.
    const other = await createUser("enterprise");
    await registered(other);
    expect(await partnersOf(other.organizationId)).toHaveLength(1);
    actAs(null);
  });

  it("refuses body staff, the regulator, the operator, the platform and anonymous callers, and stores nothing", async () => {
    for (const role of ["verifier", "reviewer", "regulator", "admin"] as const) {
      const actor = await actorFor(await createUser(role));
      expect(await executeOperation(registerPartner, actor, input())).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
      expect(await partnersOf(actor.organizationId)).toEqual([]);
    }
    expect(await executeOperation(registerPartner, systemActor("test"), input())).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    expect(await executeOperation(registerPartner, null, input())).toMatchObject({ ok: false, error: expect.any(UnauthenticatedError) });
  });
});

describe("updatePartner and removePartner", () => {
  it("edits the partner, keeping the stored secret when none is typed, and audits the change", async () => {
    const user = await createUser("enterprise");
    const partnerId = await registered(user);
    const [before] = await partnersOf(user.organizationId);
    const edited = await executeOperation(updatePartner, await actorFor(user), { ...input({ name: "VW", baseUrl: "https://pact2.customer.example.com", clientSecret: "" }), partnerId });
    expect(edited).toMatchObject({ ok: true });
    const [after] = await partnersOf(user.organizationId);
    expect(after).toMatchObject({ name: "VW", baseUrl: "https://pact2.customer.example.com", sealedClientSecret: before.sealedClientSecret });
    await executeOperation(updatePartner, await actorFor(user), { ...input({ clientSecret: "rotated" }), partnerId });
    const [rotated] = await partnersOf(user.organizationId);
    expect(openSecret(rotated.sealedClientSecret, `pact-partner:${partnerId}`).toString("utf8")).toBe("rotated");
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "pactPartner.update"), eq(auditEvents.entityId, partnerId))).orderBy(auditEvents.id);
    expect(events.map((event) => (event.data as { secretChanged: boolean }).secretChanged)).toEqual([false, true]);
  });

  it("removes the partner (kept for the record, no longer listed) and audits it", async () => {
    const user = await createUser("enterprise");
    const partnerId = await registered(user);
    expect(await executeOperation(removePartner, await actorFor(user), { partnerId })).toMatchObject({ ok: true });
    const [row] = await partnersOf(user.organizationId);
    expect(row.removedAt).toBeInstanceOf(Date);
    expect((await getPartnersPage(await actorFor(user))).partners).toEqual([]);
    expect(await executeOperation(removePartner, await actorFor(user), { partnerId })).toMatchObject({ ok: false, error: expect.any(NotFoundError) });
    // Its host may be registered again.
    await registered(user);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "pactPartner.remove"), eq(auditEvents.entityId, partnerId))).orderBy(auditEvents.id);
    expect(event).toMatchObject({ actorUserId: user.id });
  });

  it("treats another enterprise's partner as not found, and refuses other roles, leaving it unchanged", async () => {
    const owner = await createUser("enterprise");
    const partnerId = await registered(owner);
    const [before] = await partnersOf(owner.organizationId);
    const stranger = await actorFor(await createUser("enterprise"));
    expect(await executeOperation(updatePartner, stranger, { ...input({ name: "Mine now" }), partnerId })).toMatchObject({ ok: false, error: expect.any(NotFoundError) });
    expect(await executeOperation(removePartner, stranger, { partnerId })).toMatchObject({ ok: false, error: expect.any(NotFoundError) });
    for (const role of ["reviewer", "regulator", "admin"] as const) {
      const actor = await actorFor(await createUser(role));
      expect(await executeOperation(removePartner, actor, { partnerId })).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    }
    expect(await executeOperation(removePartner, null, { partnerId })).toMatchObject({ ok: false, error: expect.any(UnauthenticatedError) });
    expect(await partnersOf(owner.organizationId)).toEqual([before]);
    expect((await getPartnersPage(stranger)).partners).toEqual([]);
  });
});

describe("the partners page", () => {
  it("lists the enterprise's partners without their secrets, and is refused to other roles", async () => {
    const user = await createUser("enterprise");
    await registered(user);
    const page = await getPartnersPage(await actorFor(user));
    expect(page.partners).toEqual([expect.objectContaining({ name: "Volkswagen supplier portal", clientId: "carbonlabel-yuxin", pendingReplies: 0, lastDeliveredAt: null })]);
    expect(JSON.stringify(page)).not.toMatch(/sealed|s3cret/i);
    await expect(getPartnersPage(await actorFor(await createUser("regulator")))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
