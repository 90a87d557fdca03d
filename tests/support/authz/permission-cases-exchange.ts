/**
 * The matrix's cases for the doors added with accounts, machines and documents: the caller's
 * own account, the REST API's reads, API clients, PACT exchange (footprints, events, partners,
 * the inbox), signing keys and the platform's credential and footprint back-fills, the study
 * report and the EU battery declaration. Same shape and rules as ./permission-cases.ts.
 *
 * PACT events and footprints are served to API clients only: their doors run as the signed-in
 * caller acting through an API client of its own organization that holds every scope, so the
 * permission table, the organization kind and the tenant decide — the scope check itself has
 * its own tests (tests/integration/api-tokens.test.ts).
 */
import crypto from "node:crypto";
import https from "node:https";
import { eq, inArray, like } from "drizzle-orm";
import { db } from "@/db";
import {
  apiClients,
  batteryDeclarations,
  certificateCredentials,
  emailTokens,
  pactEventDeliveries,
  pactPartners,
  productFootprints,
  signingKeys,
  userSessions,
  users,
  importedFootprints,
} from "@/db/schema";
import { signOutEverywhereAction } from "@/lib/actions/account/sign-out-everywhere";
import { createApiClientAction } from "@/lib/actions/api-clients/create-api-client";
import { revokeApiClientAction } from "@/lib/actions/api-clients/revoke-api-client";
import { rotateApiClientSecretAction } from "@/lib/actions/api-clients/rotate-api-client-secret";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { resendVerificationAction } from "@/lib/actions/account/resend-verification";
import { setMailPreferencesAction } from "@/lib/actions/account/set-mail-preferences";
import { saveBatteryDeclarationAction } from "@/lib/actions/battery-declarations/save-battery-declaration";
import { rotateSigningKeyAction } from "@/lib/actions/credentials/rotate-signing-key";
import { registerPartnerAction } from "@/lib/actions/pact-partners/register-partner";
import { removePartnerAction } from "@/lib/actions/pact-partners/remove-partner";
import { updatePartnerAction } from "@/lib/actions/pact-partners/update-partner";
import { getCurrentUser } from "@/lib/auth/current-user";
import { openSession } from "@/lib/auth/sessions";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { getApiCertificate, getApiCertificateStatus } from "@/lib/dal/api/certificates";
import { signingKeysFor } from "@/lib/dal/credentials";
import { getInboxPage, getPactFootprintsPage } from "@/lib/dal/pact/enterprise";
import { getFootprint } from "@/lib/dal/pact/footprints";
import { documentApplication, getApplicationStudyReport } from "@/lib/dal/study-report";
import { createApiClient } from "@/lib/domain/api-clients/create-api-client";
import { revokeApiClient } from "@/lib/domain/api-clients/revoke-api-client";
import { rotateApiClientSecret } from "@/lib/domain/api-clients/rotate-api-client-secret";
import { saveBatteryDeclaration } from "@/lib/domain/battery-declarations/save-battery-declaration";
import { issueMissingCredentials } from "@/lib/domain/credentials/issue-missing-credentials";
import { rotateSigningKey } from "@/lib/domain/credentials/rotate-signing-key";
import { issueMissingFootprints } from "@/lib/domain/footprints/issue-missing-footprints";
import { claimDueDeliveries } from "@/lib/domain/pact-events/claim-due-deliveries";
import { receivePactEvent } from "@/lib/domain/pact-events/receive-pact-event";
import { signOutEverywhere } from "@/lib/domain/sessions/sign-out-everywhere";
import { changePassword } from "@/lib/domain/users/change-password";
import { resendVerification } from "@/lib/domain/users/resend-verification";
import { setMailPreferences } from "@/lib/domain/users/set-mail-preferences";
import { registerPartner } from "@/lib/domain/pact-partners/register-partner";
import { removePartner } from "@/lib/domain/pact-partners/remove-partner";
import { updatePartner } from "@/lib/domain/pact-partners/update-partner";
import { API_SCOPES } from "@/lib/enums";
import type { IncomingPactEvent } from "@/lib/pact/events";
import { buildProductFootprint } from "@/lib/pact/footprint";
import { importSupplierFootprintAction } from "@/lib/actions/supply-requests/import-footprint";
import { importPartnerFootprintAction } from "@/lib/actions/supply-requests/import-partner-footprint";
import { importSupplierFootprint } from "@/lib/domain/supply-requests/import-footprint";
import { importPartnerFootprint } from "@/lib/domain/supply-requests/import-partner-footprint";
import type { Actor, UserActor } from "@/lib/policy";
import { batteryDeclarationSchema, type BatteryDeclarationFormInput } from "@/lib/validation/schemas/battery-declaration";
import { createApiClientSchema } from "@/lib/validation/schemas/api-clients";
import { registerPartnerSchema, updatePartnerSchema } from "@/lib/validation/schemas/pact";
import { actorFor } from "../certificate-fixtures";
import { actAs, createProduct, TEST_PASSWORD } from "../factories";
import { footprintSource } from "../../unit/pact/fixtures";
import { registerPartnerFor } from "../pact";
import { startTestPactHost, type TestPactHost } from "../pact-host";
import { fromAction, fromOperation, fromRead, type Outcome } from "./outcome";
import {
  applicationState,
  certificateState,
  PEOPLE,
  PEOPLE_WITHOUT_OUTSIDERS,
  READERS,
  situation,
  unique,
  WITHOUT_OUTSIDERS,
  type PermissionCase,
} from "./permission-cases";
import { ALL_CALLERS, entrustedApplication, issuedCertificate, publishedFootprint, ROLE_CALLERS, type World } from "./world";

const BASE_URL = "http://localhost";

/** Callers whose role may act for their organization but not for the world's (outsiders and other kinds alike). */
const ANY_CALLER = ALL_CALLERS;

/** The signed-in caller acting through an API client of its own organization holding every scope. */
async function callerAsApiClient(): Promise<UserActor | null> {
  const user = await getCurrentUser();
  return user ? { ...user, apiClient: { id: crypto.randomUUID(), name: "Authorization matrix", scopes: [...API_SCOPES], footprints: "all" } } : null;
}

/** A domain operation a background job runs, tried as the signed-in caller instead of the platform. */
async function asCaller<Input>(operation: Parameters<typeof fromOperation<Input>>[0], input: Input): Promise<Outcome> {
  return fromOperation(operation, (await getCurrentUser()) as Actor | null, input);
}

const apiClientInput = (marker: string) => ({
  name: `${marker} ERP`,
  scopes: ["applications:read"],
  expiresOn: addDays(todayInShanghai(), 30),
  footprintAccess: "all" as const,
  certificateIds: [],
});

let matrixPactHost: Promise<TestPactHost> | null = null;

/**
 * One PACT host of the tests' own for the matrix's partner reads, started on first use. The import
 * action reads partners' hosts with the default HTTPS agent, so the host's certificate is trusted
 * there for the rest of the run (nothing else in the matrix speaks HTTPS without its own agent).
 */
async function partnerHostForMatrix(): Promise<TestPactHost> {
  matrixPactHost ??= startTestPactHost().then((host) => {
    https.globalAgent = host.agent!;
    return host;
  });
  return matrixPactHost;
}

const partnerInput = (marker: string) => ({ name: `${marker} host`, baseUrl: `https://pact-${marker}.example.com/api`, clientId: "carbonlabel", clientSecret: "partner-secret" });

const batteryForm = (productId: string): BatteryDeclarationFormInput => ({
  productId,
  batteryModel: `PACK-${unique()}`,
  plantName: "Bishan battery plant",
  plantAddress: "Bishan Hi-tech Zone, Chongqing",
  plantLatitude: "29.5925",
  plantLongitude: "106.2270",
  batteryCategory: "ev",
  ratedEnergy: "70",
  serviceLifeBasis: "cycles",
  serviceLifeCycles: "3000",
  serviceLifeYears: "",
  annualEnergyThroughput: "",
  declarationOfConformityId: "EU-DoC-2026-001",
  studyUrl: "",
});

const PUBLISHED_EVENT = (): IncomingPactEvent =>
  ({ kind: "published", id: `published-${unique()}`, source: "https://pact.supplier.example.com", pfIds: [crypto.randomUUID()] }) as unknown as IncomingPactEvent;

/** A new password strong enough for the strength check (no common words or patterns). */
const NEW_PASSWORD = "pelican-harbour-lantern-51";

/**
 * The password change is made from a session (it keeps that one and ends the others, and counts
 * the current password's checks on it): the signed-in caller gets a real one first.
 */
async function inOpenSession(world: World) {
  const user = await getCurrentUser();
  if (!user) return;
  const person = Object.values(world.users).find((candidate) => candidate.id === user.id);
  if (!person) throw new Error(`${user.id} is no one of the world`);
  const session = await openSession(person.id);
  actAs(person, { sessionId: session.sessionId, expiresAt: Math.floor(session.expiresAt.getTime() / 1_000) });
}

const clientsNamed = (marker: string) =>
  db
    .select({ id: apiClients.id, revokedAt: apiClients.revokedAt, secretHash: apiClients.secretHash, secretVersion: apiClients.secretVersion })
    .from(apiClients)
    .where(like(apiClients.name, `${marker}%`));

export const EXCHANGE_PERMISSION_CASES: PermissionCase[] = [
  // ------------------------------------------------------------- the caller's own account
  {
    permission: "account.manage",
    situations: [
      situation({
        name: "signing out everywhere: every open session of the caller",
        arrange: async (world) => {
          const userIds = ROLE_CALLERS.map((caller) => world.users[caller].id);
          const expiresAt = new Date(Date.now() + 3_600_000);
          await db.insert(userSessions).values(userIds.map((userId) => ({ userId, expiresAt })));
          return { userIds };
        },
        allowed: ROLE_CALLERS,
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "action", name: "signOutEverywhereAction", run: async () => fromAction(await signOutEverywhereAction({})) }],
        operation: (_state, _world, actor) => fromOperation(signOutEverywhere, actor, undefined),
        snapshot: ({ userIds }) =>
          db.select({ id: userSessions.id, endedAt: userSessions.endedAt }).from(userSessions).where(inArray(userSessions.userId, userIds)).orderBy(userSessions.id),
      }),
      situation({
        name: "the caller's own password, changed from an open session",
        arrange: async (world) => ({ userIds: ROLE_CALLERS.map((caller) => world.users[caller].id) }),
        allowed: ROLE_CALLERS,
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          {
            via: "action",
            name: "changePasswordAction",
            run: async (_state, world) => {
              await inOpenSession(world);
              return fromAction(await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
            },
          },
        ],
        operation: (_state, _world, actor) =>
          fromOperation(changePassword, actor, { currentPassword: TEST_PASSWORD, newPasswordHash: "not-a-real-hash", currentSessionId: crypto.randomUUID() }),
        snapshot: ({ userIds }) => db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(inArray(users.id, userIds)).orderBy(users.id),
      }),
      situation({
        name: "a new confirmation link for the caller's own unconfirmed address",
        arrange: async (world) => ({ userIds: ROLE_CALLERS.map((caller) => world.users[caller].id) }),
        allowed: ROLE_CALLERS,
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "action", name: "resendVerificationAction", run: async () => fromAction(await resendVerificationAction({})) }],
        operation: (_state, _world, actor) => fromOperation(resendVerification, actor, {}),
        snapshot: ({ userIds }) => db.select({ id: emailTokens.id }).from(emailTokens).where(inArray(emailTokens.userId, userIds)).orderBy(emailTokens.id),
      }),
      situation({
        name: "the caller's own email preferences: daily digest, in English",
        arrange: async (world) => ({ userIds: ROLE_CALLERS.map((caller) => world.users[caller].id) }),
        allowed: ROLE_CALLERS,
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "action", name: "setMailPreferencesAction", run: async () => fromAction(await setMailPreferencesAction({ mailPreference: "daily", locale: "en" })) }],
        operation: (_state, _world, actor) => fromOperation(setMailPreferences, actor, { mailPreference: "daily" as const, locale: "en" as const }),
        snapshot: ({ userIds }) =>
          db.select({ id: users.id, mailPreference: users.mailPreference, locale: users.locale }).from(users).where(inArray(users.id, userIds)).orderBy(users.id),
      }),
    ],
  },
  // ------------------------------------------------------------- documents
  {
    permission: "application.studyReport",
    situations: [
      situation({
        name: "the study report of a certified application",
        arrange: async (world) => issuedCertificate(world),
        allowed: READERS,
        callers: PEOPLE,
        attempts: [{ via: "read", name: "getApplicationStudyReport", run: ({ application }) => fromRead((user) => getApplicationStudyReport(user, application.id)) }],
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "application.batteryDeclaration",
    situations: [
      situation({
        name: "the battery declaration of an application in review",
        arrange: async (world) => entrustedApplication(world, "in_review"),
        allowed: READERS,
        callers: PEOPLE,
        attempts: [
          {
            via: "read",
            name: "the declaration's read (its guard, before the declaration's own content checks)",
            run: ({ application }) => fromRead((user) => documentApplication(user, application.id, "application.batteryDeclaration")),
          },
        ],
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "batteryDeclaration.edit",
    situations: [
      situation({
        name: "the declaration data of the enterprise's battery product",
        arrange: async (world) => ({ product: await createProduct(world.enterprise.id, { categoryId: "li_battery_power", declaredUnit: "kWh", systemBoundary: "cradle_to_grave" }) }),
        allowed: ["enterprise"],
        callers: ANY_CALLER,
        attempts: [{ via: "action", name: "saveBatteryDeclarationAction", run: async ({ product }) => fromAction(await saveBatteryDeclarationAction(batteryForm(product.id))) }],
        operation: ({ product }, _world, actor) => fromOperation(saveBatteryDeclaration, actor, batteryDeclarationSchema.parse(batteryForm(product.id))),
        snapshot: ({ product }) => db.select().from(batteryDeclarations).where(eq(batteryDeclarations.productId, product.id)),
      }),
    ],
  },
  // ------------------------------------------------------------- REST API reads
  {
    permission: "certificate.read",
    situations: [
      situation({
        name: "a valid certificate, through the REST API",
        arrange: async (world) => issuedCertificate(world),
        allowed: [...READERS, "regulator"],
        callers: PEOPLE,
        attempts: [
          {
            via: "read",
            name: "GET /api/v1/certificates/{number} (getApiCertificate)",
            run: ({ certificate }) => fromRead((user) => getApiCertificate(user, certificate.number, BASE_URL)),
          },
          {
            via: "read",
            name: "GET /api/v1/certificates/{number}/status (getApiCertificateStatus)",
            run: ({ certificate }) => fromRead((user) => getApiCertificateStatus(user, certificate.number)),
          },
        ],
        snapshot: ({ certificate }) => certificateState(certificate.id),
      }),
    ],
  },
  // ------------------------------------------------------------- API clients
  {
    permission: "apiClient.manage",
    situations: [
      situation({
        name: "a new API client of the caller's own organization",
        arrange: async () => ({ marker: `authz-${unique()}` }),
        allowed: ["enterprise", "reviewer", "regulator"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "action", name: "createApiClientAction", run: async ({ marker }) => fromAction(await createApiClientAction(apiClientInput(marker))) }],
        operation: ({ marker }, _world, actor) => fromOperation(createApiClient, actor, createApiClientSchema.parse(apiClientInput(marker))),
        snapshot: ({ marker }) => clientsNamed(marker),
      }),
      situation({
        name: "the enterprise's API client: revoked, or its secret rotated",
        arrange: async (world) => {
          const marker = `authz-${unique()}`;
          const created = await fromOperation(createApiClient, await actorFor(world.users.enterprise), createApiClientSchema.parse(apiClientInput(marker)));
          if (!created.ok) throw new Error(`could not create the API client: ${created.detail}`);
          const [client] = await clientsNamed(marker);
          return { marker, apiClientId: client.id };
        },
        allowed: ["enterprise"],
        callers: ANY_CALLER,
        attempts: [
          { via: "action", name: "revokeApiClientAction", run: async ({ apiClientId }) => fromAction(await revokeApiClientAction({ apiClientId })) },
          { via: "action", name: "rotateApiClientSecretAction", run: async ({ apiClientId }) => fromAction(await rotateApiClientSecretAction({ apiClientId })) },
        ],
        operation: async ({ apiClientId }, _world, actor) => {
          const rotated = await fromOperation(rotateApiClientSecret, actor, { apiClientId });
          const revoked = await fromOperation(revokeApiClient, actor, { apiClientId });
          return { ok: rotated.ok || revoked.ok, detail: `${rotated.detail} / ${revoked.detail}`, crashed: false };
        },
        snapshot: ({ marker }) => clientsNamed(marker),
      }),
    ],
  },
  // ------------------------------------------------------------- PACT exchange
  {
    permission: "footprint.read",
    situations: [
      situation({
        name: "a footprint the enterprise's certificate published",
        arrange: async (world) => publishedFootprint(world),
        allowed: ["enterprise"],
        callers: PEOPLE,
        attempts: [
          {
            via: "read",
            name: "GET /3/footprints/{id} as the caller's API client (getFootprint)",
            run: async ({ footprintId }) => {
              const actor = await callerAsApiClient();
              return actor ? fromRead(() => getFootprint(actor, footprintId)) : fromRead(async () => null);
            },
          },
        ],
        snapshot: ({ certificate }) => db.select({ id: productFootprints.id, deprecatedAt: productFootprints.deprecatedAt }).from(productFootprints).where(eq(productFootprints.certificateId, certificate.id)),
      }),
      situation({
        name: "the caller's own PACT page",
        arrange: async () => ({}),
        allowed: ["enterprise"],
        callers: PEOPLE_WITHOUT_OUTSIDERS,
        attempts: [{ via: "read", name: "getPactFootprintsPage", run: () => fromRead((user) => getPactFootprintsPage(user)) }],
        snapshot: () => Promise.resolve(null),
      }),
    ],
  },
  {
    permission: "pactEvent.submit",
    situations: [
      situation({
        name: "a PublishedEvent sent to the caller's own organization",
        arrange: async () => ({}),
        allowed: ["enterprise"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          {
            via: "route",
            name: "receivePactEvent as the caller's API client (the operation behind POST /3/events, tried by every role)",
            run: async () => fromOperation(receivePactEvent, await callerAsApiClient(), { event: PUBLISHED_EVENT(), baseUrl: BASE_URL }),
          },
        ],
        operation: (_state, _world, actor) => fromOperation(receivePactEvent, actor, { event: PUBLISHED_EVENT(), baseUrl: BASE_URL }),
        snapshot: (_state, world) => db.select({ id: pactEventDeliveries.id }).from(pactEventDeliveries).where(eq(pactEventDeliveries.organizationId, world.enterprise.id)),
      }),
    ],
  },
  {
    permission: "pactPartner.manage",
    situations: [
      situation({
        name: "a new partner of the caller's own enterprise",
        arrange: async () => ({ marker: unique() }),
        allowed: ["enterprise"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "action", name: "registerPartnerAction", run: async ({ marker }) => fromAction(await registerPartnerAction(partnerInput(marker))) }],
        operation: ({ marker }, _world, actor) => fromOperation(registerPartner, actor, registerPartnerSchema.parse(partnerInput(marker))),
        snapshot: ({ marker }) => db.select({ id: pactPartners.id }).from(pactPartners).where(like(pactPartners.name, `${marker}%`)),
      }),
      situation({
        name: "the enterprise's partner: its address and credentials changed, or removed",
        arrange: async (world) => {
          const marker = unique();
          const registered = await fromOperation(registerPartner, await actorFor(world.users.enterprise), registerPartnerSchema.parse(partnerInput(marker)));
          if (!registered.ok) throw new Error(`could not register the partner: ${registered.detail}`);
          const [partner] = await db.select({ id: pactPartners.id }).from(pactPartners).where(like(pactPartners.name, `${marker}%`));
          return { partnerId: partner.id, marker };
        },
        allowed: ["enterprise"],
        callers: ANY_CALLER,
        attempts: [
          { via: "action", name: "removePartnerAction", run: async ({ partnerId }) => fromAction(await removePartnerAction({ partnerId })) },
          {
            via: "action",
            name: "updatePartnerAction",
            run: async ({ partnerId, marker }) => fromAction(await updatePartnerAction({ partnerId, ...partnerInput(`${marker}-moved`), clientSecret: "rotated-secret" })),
          },
        ],
        operation: async ({ partnerId, marker }, _world, actor) => {
          const updated = await fromOperation(updatePartner, actor, updatePartnerSchema.parse({ partnerId, ...partnerInput(`${marker}-moved`), clientSecret: "rotated-secret" }));
          const removed = await fromOperation(removePartner, actor, { partnerId });
          return { ok: updated.ok || removed.ok, detail: `${updated.detail} / ${removed.detail}`, crashed: false };
        },
        snapshot: ({ partnerId }) =>
          db
            .select({ id: pactPartners.id, name: pactPartners.name, baseUrl: pactPartners.baseUrl, secret: pactPartners.sealedClientSecret, removedAt: pactPartners.removedAt })
            .from(pactPartners)
            .where(eq(pactPartners.id, partnerId)),
      }),
    ],
  },
  {
    permission: "footprintRequest.read",
    situations: [
      situation({
        name: "the caller's own inbox of footprint requests",
        arrange: async () => ({}),
        allowed: ["enterprise"],
        callers: PEOPLE_WITHOUT_OUTSIDERS,
        attempts: [{ via: "read", name: "getInboxPage", run: () => fromRead((user) => getInboxPage(user, "all")) }],
        snapshot: () => Promise.resolve(null),
      }),
    ],
  },
  {
    permission: "pactEvent.deliver",
    situations: [
      situation({
        name: "claiming the replies due for delivery",
        arrange: async () => ({}),
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "route", name: "claimDueDeliveries as the signed-in caller", run: () => asCaller(claimDueDeliveries, { limit: 10, leaseSeconds: 60 }) }],
        operation: (_state, _world, actor) => fromOperation(claimDueDeliveries, actor, { limit: 10, leaseSeconds: 60 }),
        snapshot: (_state, world) =>
          db
            .select({ id: pactEventDeliveries.id, status: pactEventDeliveries.status, attempts: pactEventDeliveries.attempts })
            .from(pactEventDeliveries)
            .where(eq(pactEventDeliveries.organizationId, world.enterprise.id)),
      }),
    ],
  },
  // ------------------------------------------------------------- credentials and back-fills
  {
    permission: "signingKey.read",
    situations: [
      situation({
        name: "the signing keys of the world's body",
        arrange: async () => ({}),
        allowed: ["verifier", "reviewer", "offTeamVerifier", "admin"],
        callers: PEOPLE,
        attempts: [
          {
            via: "read",
            name: "the signing-keys page (signingKeysFor)",
            run: (_state, world) => fromRead(async (user) => (await signingKeysFor(user)).find((entry) => entry.body.id === world.body.id) ?? null),
          },
        ],
        snapshot: (_state, world) => db.select({ kid: signingKeys.kid, status: signingKeys.status }).from(signingKeys).where(eq(signingKeys.verificationBodyId, world.body.id)),
      }),
    ],
  },
  {
    permission: "signingKey.rotate",
    situations: [
      situation({
        name: "the world's body's signing key, rotated",
        arrange: async () => ({}),
        allowed: ["reviewer", "admin"],
        callers: ANY_CALLER,
        attempts: [
          {
            via: "action",
            name: "rotateSigningKeyAction",
            run: async (_state, world) => fromAction(await rotateSigningKeyAction({ verificationBodyId: world.body.id, reason: "Scheduled rotation" })),
          },
        ],
        operation: (_state, world, actor) => fromOperation(rotateSigningKey, actor, { verificationBodyId: world.body.id, reason: "Scheduled rotation" }),
        snapshot: (_state, world) =>
          db.select({ kid: signingKeys.kid, status: signingKeys.status }).from(signingKeys).where(eq(signingKeys.verificationBodyId, world.body.id)).orderBy(signingKeys.kid),
      }),
    ],
  },
  {
    permission: "credential.issueMissing",
    situations: [
      situation({
        name: "signing the credential of a certificate issued without one",
        arrange: async (world) => {
          const { certificate } = await issuedCertificate(world);
          await db.delete(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id));
          return { certificate };
        },
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "route", name: "issueMissingCredentials as the signed-in caller", run: () => asCaller(issueMissingCredentials, undefined) }],
        operation: (_state, _world, actor) => fromOperation(issueMissingCredentials, actor, undefined),
        snapshot: ({ certificate }) => db.select({ id: certificateCredentials.certificateId }).from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id)),
      }),
    ],
  },
  {
    permission: "footprint.issueMissing",
    situations: [
      situation({
        name: "publishing the footprint of a certificate issued before the PACT host",
        arrange: async (world) => {
          const { certificate } = await publishedFootprint(world);
          await db.delete(productFootprints).where(eq(productFootprints.certificateId, certificate.id));
          return { certificate };
        },
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "route", name: "issueMissingFootprints as the signed-in caller", run: () => asCaller(issueMissingFootprints, undefined) }],
        operation: (_state, _world, actor) => fromOperation(issueMissingFootprints, actor, undefined),
        snapshot: ({ certificate }) => db.select({ id: productFootprints.id }).from(productFootprints).where(eq(productFootprints.certificateId, certificate.id)),
      }),
    ],
  },
  // ------------------------------------------------------------- supply chain
  {
    permission: "supplierFootprint.import",
    situations: [
      situation({
        name: "a supplier's PACT ProductFootprint file, imported as the enterprise's own supplier footprint",
        arrange: async () => {
          const built = buildProductFootprint(footprintSource({ id: crypto.randomUUID() }));
          if (!built.ok) throw new Error(`no footprint: ${built.gap}`);
          return { document: built.footprint };
        },
        allowed: ["enterprise"],
        // An enterprise of another region or tenant imports into its own organization just the same.
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          {
            via: "action",
            name: "importSupplierFootprintAction",
            run: async ({ document }) => {
              const form = new FormData();
              form.set("file", new File([JSON.stringify(document)], "footprint.json", { type: "application/json" }));
              return fromAction(await importSupplierFootprintAction(form));
            },
          },
        ],
        operation: ({ document }, _world, actor) => fromOperation(importSupplierFootprint, actor, { fileName: "footprint.json", document }),
        snapshot: ({ document }) => db.select({ id: importedFootprints.id }).from(importedFootprints).where(eq(importedFootprints.footprintId, document.id)),
      }),
      situation({
        name: "a footprint read from the enterprise's PACT partner's host, by its URL there",
        arrange: async (world) => {
          const host = await partnerHostForMatrix();
          const built = buildProductFootprint(footprintSource({ id: crypto.randomUUID() }));
          if (!built.ok) throw new Error(`no footprint: ${built.gap}`);
          host.footprints.set(built.footprint.id, built.footprint);
          // One partner per situation, under a base path of its own on the shared host.
          const baseUrl = `${host.baseUrl}/partner-${unique()}`;
          const partnerId = await registerPartnerFor(world.users.enterprise, baseUrl);
          return { document: built.footprint, partnerId, url: `${baseUrl}/3/footprints/${built.footprint.id}` };
        },
        allowed: ["enterprise"],
        // The partner is the world's enterprise's: any other organization's enterprise finds no such partner.
        callers: ANY_CALLER,
        attempts: [
          {
            via: "action",
            name: "importPartnerFootprintAction",
            run: async ({ partnerId, url }) => fromAction(await importPartnerFootprintAction({ partnerId, reference: url })),
          },
        ],
        operation: ({ document, partnerId, url }, _world, actor) => fromOperation(importPartnerFootprint, actor, { partnerId, url, document }),
        snapshot: ({ document }) => db.select({ id: importedFootprints.id }).from(importedFootprints).where(eq(importedFootprints.footprintId, document.id)),
      }),
    ],
  },
];
