import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { emissionFactors } from "@/db/schema";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { listUserOrganizationOptions, listUsers } from "@/lib/dal/admin-directory";
import { AUDIT_PAGE_SIZE, auditFilterChoices, listAuditEvents } from "@/lib/dal/audit-trail";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { searchFactors } from "@/lib/dal/factors";
import { ForbiddenError } from "@/lib/errors";
import { LIST_PAGE_SIZE } from "@/lib/utils";
import { actAs, createOrganization, createUser } from "../support/factories";
import { createRegion } from "../support/regulator-fixtures";

type Pilot = Awaited<ReturnType<typeof createRegion>>;

async function asCurrent(user: Parameters<typeof actAs>[0]): Promise<CurrentUser> {
  actAs(user);
  const current = await getCurrentUser();
  if (!current) throw new Error("no session");
  return current;
}

/** A word no other test's rows contain, so counts and pages are exact on a shared database. */
const token = `pg${crypto.randomBytes(4).toString("hex")}`;
let east: Pilot;
let west: Pilot;

beforeAll(async () => {
  east = await createRegion("950000", "950101");
  west = await createRegion("960000", "960101");
  // 27 current factors of the region (one page and 2 more), one superseded, named so their order is known.
  await db.insert(emissionFactors).values([
    ...Array.from({ length: LIST_PAGE_SIZE + 2 }, (_, i) => ({
      factorKey: `test.${token}.${String(i).padStart(2, "0")}`,
      nameZh: `分页测试 ${i}`,
      nameEn: `Paging test ${i}`,
      category: i < 3 ? "energy" : "materials",
      value: "0.5",
      unit: "kWh",
      region: east.region,
      year: 2025,
      source: "test",
    })),
    {
      factorKey: `test.${token}.old`,
      nameZh: "旧版",
      nameEn: "Superseded",
      category: "energy",
      value: "0.4",
      unit: "kWh",
      region: east.region,
      year: 2024,
      source: "test",
      supersededAt: new Date(),
    },
  ]);
});

describe("factor list: search and pages", () => {
  it("pages the current matches exactly, in category and key order", async () => {
    const regulator = await asCurrent(east.regulator);
    const first = await searchFactors(regulator, { q: token });
    expect(first).toMatchObject({ total: LIST_PAGE_SIZE + 2, page: 1, pageCount: 2 });
    expect(first.factors).toHaveLength(LIST_PAGE_SIZE);
    expect(first.factors.slice(0, 3).map((f) => f.factorKey)).toEqual([0, 1, 2].map((i) => `test.${token}.0${i}`));
    const second = await searchFactors(regulator, { q: token, page: 2 });
    expect(second).toMatchObject({ total: LIST_PAGE_SIZE + 2, page: 2, pageCount: 2 });
    expect(second.factors.map((f) => f.factorKey)).toEqual([`test.${token}.25`, `test.${token}.26`]);
    const keys = new Set([...first.factors, ...second.factors].map((f) => f.factorKey));
    expect(keys.size).toBe(LIST_PAGE_SIZE + 2);
    expect(keys.has(`test.${token}.old`)).toBe(false);
    // A page past the end is the last one, not an empty page.
    expect((await searchFactors(regulator, { q: token, page: 9 })).page).toBe(2);
  });

  it("searches by name in either language, by key and by category", async () => {
    const regulator = await asCurrent(east.regulator);
    expect((await searchFactors(regulator, { q: `test.${token}.07` })).factors.map((f) => f.nameEn)).toEqual(["Paging test 7"]);
    expect((await searchFactors(regulator, { q: "Paging test 26" })).factors.map((f) => f.factorKey)).toEqual([`test.${token}.26`]);
    expect((await searchFactors(regulator, { q: "分页测试 26" })).total).toBe(1);
    expect((await searchFactors(regulator, { q: token, category: "energy" })).total).toBe(3);
    expect((await searchFactors(regulator, { q: `${token}%` })).total).toBe(0);
  });

  it("is the factor keepers' read: other roles are refused", async () => {
    // Factors are reference data every keeper reads (as before): another region's regulator and the operator see them.
    expect((await searchFactors(await asCurrent(west.regulator), { q: token })).total).toBe(LIST_PAGE_SIZE + 2);
    expect((await searchFactors(await asCurrent(await createUser("admin")), { q: token })).total).toBe(LIST_PAGE_SIZE + 2);
    for (const user of [east.enterpriseUser, east.verifier]) {
      await expect(searchFactors(await asCurrent(user), { q: token })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("admin user list: search and pages", () => {
  it("finds users by name, email or organization, newest first, a page at a time", async () => {
    const body = await createOrganization("verification_body", { name: `${token} 认证中心`, nameEn: `${token} Certification` });
    const created: string[] = [];
    for (let i = 0; i < LIST_PAGE_SIZE + 1; i++) {
      const row = await createUser("verifier", body.id, { name: `检查员 ${i}`, email: `u${i}-${token}@test.carbonlabel.org`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) });
      created.push(row.email);
    }
    const operator = await asCurrent(await createUser("admin"));
    const byOrganization = await listUsers(operator, { q: `${token} 认证` });
    expect(byOrganization).toMatchObject({ total: LIST_PAGE_SIZE + 1, page: 1, pageCount: 2 });
    expect(byOrganization.items).toHaveLength(LIST_PAGE_SIZE);
    expect(byOrganization.items[0].email).toBe(created[LIST_PAGE_SIZE]);
    const last = await listUsers(operator, { q: `${token} Certification`, page: 2 });
    expect(last.items.map((row) => row.email)).toEqual([created[0]]);
    expect((await listUsers(operator, { q: token, page: 3 })).page).toBe(2);
    expect((await listUsers(operator, { q: `u7-${token}` })).items.map((row) => row.name)).toEqual(["检查员 7"]);
    expect((await listUsers(operator, { q: "检查员 21" })).items.filter((row) => row.organizationId === body.id)).toHaveLength(1);
    expect((await listUsers(operator, { q: `${token}_` })).total).toBe(0);
  });

  it("is the operator's read only", async () => {
    for (const user of [east.regulator, east.enterpriseUser, east.verifier]) {
      await expect(listUsers(await asCurrent(user), { q: token })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("finds a new user by the whole email, the search the new-user page returns to", async () => {
    const operator = await asCurrent(await createUser("admin"));
    // Older than every other account, so on the last page of the unsearched list: the search finds it alone.
    const person = await createUser("reviewer", east.body.id, { email: `new-${token}@test.carbonlabel.org`, createdAt: new Date(Date.UTC(2000, 0, 1)) });
    const found = await listUsers(operator, { q: person.email });
    expect(found).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(found.items.map((row) => row.id)).toEqual([person.id]);
  });
});

describe("admin new-user page: the organizations a user may be created in", () => {
  it("offers the bodies and bureaus, never an enterprise (its people sign up themselves)", async () => {
    const body = await createOrganization("verification_body", { name: `${token} 新核查机构` });
    const bureau = await createOrganization("regulator", { name: `${token} 新监管部门`, region: "950000", district: null });
    const enterprise = await createOrganization("enterprise", { name: `${token} 新企业` });
    const options = await listUserOrganizationOptions(await asCurrent(await createUser("admin")));
    const ids = options.map((option) => option.id);
    expect(options).toContainEqual({ id: body.id, name: body.name, nameEn: body.nameEn, kind: "verification_body" });
    expect(options).toContainEqual({ id: bureau.id, name: bureau.name, nameEn: bureau.nameEn, kind: "regulator" });
    expect(ids).not.toContain(enterprise.id);
    expect(options.filter((option) => option.kind === "enterprise")).toEqual([]);
  });

  it("is the operator's read only", async () => {
    for (const user of [east.regulator, east.enterpriseUser, east.verifier]) {
      await expect(listUserOrganizationOptions(await asCurrent(user))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("audit trail: filters by name, pages by keyset", () => {
  let actorName: string;
  let subject: { id: string; name: string; nameEn: string | null };

  beforeAll(async () => {
    subject = await createOrganization("enterprise", { name: `${token} 电池企业`, nameEn: `${token} Battery Co.`, region: east.region, district: east.district });
    actorName = `核查员 ${token}`;
    const actor = await createUser("verifier", east.body.id, { name: actorName });
    for (let i = 0; i < AUDIT_PAGE_SIZE + 1; i++) {
      await db.transaction((tx) =>
        recordAuditEvent(tx, { id: actor.id, role: "verifier", organizationId: east.body.id }, {
          action: "application.recommend",
          entityType: "application",
          entityId: crypto.randomUUID(),
          subjectOrganizationId: subject.id,
          region: east.region,
          reason: `${token} ${i}`,
        }),
      );
    }
  });

  it("maps an organization's name (either language) and a person's name to their events, a page at a time", async () => {
    const regulator = await asCurrent(east.regulator);
    const first = await listAuditEvents(regulator, { organizationName: subject.name });
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0].reason).toBe(`${token} ${AUDIT_PAGE_SIZE}`);
    expect(first.nextBefore).toBe(first.events[AUDIT_PAGE_SIZE - 1].id);
    const second = await listAuditEvents(regulator, { organizationName: subject.name, before: first.nextBefore! });
    expect(second.events.map((event) => event.reason)).toEqual([`${token} 0`]);
    expect(second.nextBefore).toBeNull();
    expect((await listAuditEvents(regulator, { organizationName: subject.nameEn! })).events).toHaveLength(AUDIT_PAGE_SIZE);
    const byActor = await listAuditEvents(regulator, { actorName, before: first.nextBefore! });
    expect(byActor.events.map((event) => event.actorName)).toEqual([actorName]);
    // The acting body's name finds the events it acted in, too.
    expect((await listAuditEvents(regulator, { organizationName: east.body.name, actorName })).events).toHaveLength(AUDIT_PAGE_SIZE);
    expect((await listAuditEvents(regulator, { organizationName: `${subject.name}x` })).events).toEqual([]);
  });

  it("suggests the names of the region's trail only", async () => {
    const here = await auditFilterChoices(await asCurrent(east.regulator));
    expect(here.actors).toContain(actorName);
    expect(here.organizations).toContainEqual({ name: subject.name, nameEn: subject.nameEn });
    expect(here.organizations.map((organization) => organization.name)).toContain(east.body.name);

    const elsewhere = await asCurrent(west.regulator);
    const there = await auditFilterChoices(elsewhere);
    expect(there.actors).not.toContain(actorName);
    expect(there.organizations.map((organization) => organization.name)).not.toContain(subject.name);
    expect((await listAuditEvents(elsewhere, { organizationName: subject.name })).events).toEqual([]);
    expect((await listAuditEvents(elsewhere, { actorName })).events).toEqual([]);
  });

  it("refuses the suggestions to everyone but regulators", async () => {
    for (const user of [east.enterpriseUser, east.verifier, await createUser("admin")]) {
      await expect(auditFilterChoices(await asCurrent(user))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
