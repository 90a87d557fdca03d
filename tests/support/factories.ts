/**
 * Builders for integration tests: organizations, users with a session, and
 * products with an application, all written straight to the test database.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import {
  applications,
  emissionFactors,
  inventoryLines,
  organizations,
  products,
  users,
  type Application,
  type ApplicationStatus,
  type OrganizationKind,
  type Role,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { withCreditCodeCheck } from "@/lib/validation/credit-code";

type TestClaims = Omit<SessionClaims, "sessionId" | "expiresAt"> & Partial<Pick<SessionClaims, "sessionId" | "expiresAt">>;
const session = () =>
  (globalThis as unknown as { __carbonlabelSession: { claims: TestClaims | null } }).__carbonlabelSession;

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | null = null;

function unique(): string {
  return crypto.randomBytes(4).toString("hex");
}

/** 17 random credit-code characters + check character. */
export function randomCreditCode(): string {
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let body = "91500112";
  for (let i = 0; i < 9; i++) body += charset[crypto.randomInt(charset.length)];
  return withCreditCodeCheck(body);
}

/** A mainland mobile number as someone types it: +86, grouped 3-4-4. */
function randomMobile(): string {
  const digits = `1${3 + crypto.randomInt(7)}${crypto.randomInt(1_000_000_000).toString().padStart(9, "0")}`;
  return `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
}

/** What the sign-up form asks besides the organization and the person: the mobile, the password twice, consent. */
export function signUpFields(password: string) {
  return { mobile: randomMobile(), password, confirmPassword: password, consent: true };
}

export async function createOrganization(kind: OrganizationKind, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const [row] = await db
    .insert(organizations)
    .values({
      kind,
      name: `${kind}-${unique()}`,
      region: "500000",
      district: "500112",
      creditCode: kind === "enterprise" ? randomCreditCode() : null,
      ...overrides,
    })
    .returning();
  return row;
}

const ROLE_ORG_KIND: Record<Role, OrganizationKind> = {
  enterprise: "enterprise",
  verifier: "verification_body",
  reviewer: "verification_body",
  regulator: "regulator",
  admin: "operator",
};

/** A user of `organizationId`, or of a new organization of the right kind. */
export async function createUser(role: Role, organizationId?: string, overrides: Partial<typeof users.$inferInsert> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const orgId = organizationId ?? (await createOrganization(ROLE_ORG_KIND[role])).id;
  const [row] = await db
    .insert(users)
    .values({ email: `${role}-${unique()}@test.carbonlabel.org`, name: `${role} tester`, role, organizationId: orgId, passwordHash: await passwordHash, ...overrides })
    .returning();
  return row;
}

/**
 * Makes the next action calls run as this user (null = anonymous): in the session given, or in
 * the one this user keeps across `actAs` calls (opened on first use, like one browser's cookie).
 */
export function actAs(
  user: { id: string; role: Role; organizationId: string; sessionVersion: number } | null,
  inSession?: Pick<SessionClaims, "sessionId" | "expiresAt">,
) {
  session().claims = user
    ? { id: user.id, role: user.role, organizationId: user.organizationId, sessionVersion: user.sessionVersion, ...inSession }
    : null;
}

export async function createProduct(organizationId: string, overrides: Partial<typeof products.$inferInsert> = {}) {
  const [row] = await db
    .insert(products)
    .values({
      organizationId,
      categoryId: "laptop",
      nameZh: `测试笔记本 ${unique()}`,
      nameEn: `Test laptop ${unique()}`,
      model: "T-1",
      hsCode: "84713000",
      declaredUnitAmount: "1",
      declaredUnit: "piece",
      systemBoundary: "cradle_to_gate",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      productionVolume: "10000",
      site: "Chongqing",
      ...overrides,
    })
    .returning();
  return row;
}

/** An application in `status` with one production electricity line (250 MWh at 0.4, 2024 national factor). */
export async function createApplication(
  organizationId: string,
  options: { status?: ApplicationStatus; verificationBodyId?: string | null; leadVerifierId?: string | null } = {},
): Promise<Application> {
  const product = await createProduct(organizationId);
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  const [application] = await db
    .insert(applications)
    .values({
      productId: product.id,
      organizationId,
      categoryId: product.categoryId,
      region: organization.region,
      district: organization.district,
      status: options.status ?? "draft",
      verificationBodyId: options.verificationBodyId ?? null,
      leadVerifierId: options.leadVerifierId ?? null,
      inventoryRevision: 1,
    })
    .returning();
  const [factor] = await db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, "cn.electricity.national.2024"));
  await db.insert(inventoryLines).values({
    applicationId: application.id,
    stage: "production",
    description: "Plant electricity",
    quantity: "250",
    unit: "MWh",
    source: "database_factor",
    factorId: factor.id,
    allocationShare: "0.4",
    dataType: "primary",
  });
  return application;
}
