/**
 * PACT fixtures: certified applications whose product carries what PACT asks for (so issuance
 * publishes a footprint), PACT clients with tokens from the real token endpoint, partners
 * registered through the real operation, and requests as a partner's host sends them.
 */
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { applications, productFootprints } from "@/db/schema";
import { issueCertificate } from "@/lib/domain/certificates/issue-certificate";
import { recertify } from "@/lib/domain/certificates/recertify";
import { executeOperation } from "@/lib/domain/operation";
import { registerPartner } from "@/lib/domain/pact-partners/register-partner";
import { PACT_EVENT_TYPES } from "@/lib/pact/vocabulary";
import { accessToken, BASE_URL, callApi, createClientFor } from "./api-clients";
import { actorFor, createIssuedCertificate, freezeForDecision } from "./certificate-fixtures";
import { TEST_PARTNER_CLIENT } from "./pact-host";
import * as footprintsRoute from "@/app/3/footprints/route";
import * as footprintRoute from "@/app/3/footprints/[id]/route";
import * as eventsRoute from "@/app/3/events/route";

/** A laptop of 1.6 kg holding 0.42 kg of fossil carbon (its plastics). */
export const PACT_PRODUCT = { massPerDeclaredUnit: "1.6", fossilCarbonContent: "0.42" };

/** A certificate issued through the real approval, with the footprint that issuance published. */
export async function createPublishedCertificate(options: Parameters<typeof createIssuedCertificate>[0] = {}) {
  const issued = await createIssuedCertificate({ ...options, product: { ...PACT_PRODUCT, ...options.product } });
  const [footprint] = await db.select().from(productFootprints).where(eq(productFootprints.certificateId, issued.certificate.id));
  if (!footprint) throw new Error("issuance published no footprint");
  return { ...issued, footprint };
}

/** A PACT client of the user's organization (optionally limited to some certificates) and its access token. */
export async function pactToken(user: { id: string }, options: { footprints?: string[]; scopes?: Parameters<typeof createClientFor>[1]["scopes"] } = {}) {
  const client = await createClientFor(user, { scopes: options.scopes ?? ["footprints:read"], footprints: options.footprints, name: "PACT customer" });
  return { client, token: await accessToken(client) };
}

export async function registerPartnerFor(user: { id: string }, baseUrl: string, name = "Customer host") {
  const outcome = await executeOperation(registerPartner, await actorFor(user), {
    name,
    baseUrl,
    clientId: TEST_PARTNER_CLIENT.id,
    clientSecret: TEST_PARTNER_CLIENT.secret,
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.data.partnerId;
}

export function listFootprints(token: string, query = "") {
  return callApi(footprintsRoute, "GET", `/3/footprints${query}`, { token });
}

export function getFootprint(token: string, id: string) {
  return callApi(footprintRoute, "GET", `/3/footprints/${id}`, { token, params: { id } });
}

/** `POST /3/events` with one structured-mode CloudEvent. */
export function sendEvent(token: string, event: unknown, contentType = "application/cloudevents+json; charset=UTF-8") {
  return callApi(eventsRoute, "POST", "/3/events", { token, json: event, headers: { "content-type": contentType } });
}

let sequence = 0;

export function requestCreatedEvent(source: string, data: Record<string, unknown>, id = `request-${Date.now()}-${sequence++}`) {
  return { specversion: "1.0", id, source, time: new Date().toISOString(), type: PACT_EVENT_TYPES.requestCreated, data };
}

export { BASE_URL };

/**
 * Re-certification as it happens: the holder opens the renewal (the real `recertify`), the same
 * body takes it to the decision, and the reviewer approves and issues the new certificate.
 */
export async function certifyRenewal(setup: Awaited<ReturnType<typeof createPublishedCertificate>>) {
  const renewal = await executeOperation(recertify, await actorFor(setup.enterpriseUser), { certificateId: setup.certificate.id });
  if (!renewal.ok) throw renewal.error;
  const [draft] = await db
    .update(applications)
    .set({ verificationBodyId: setup.body.id, leadVerifierId: setup.verifier.id })
    .where(eq(applications.id, renewal.data.applicationId))
    .returning();
  const { application } = await freezeForDecision(draft, { ...setup, categoryId: draft.categoryId });
  const reviewer = await actorFor(setup.reviewer);
  return db.transaction(async (tx) => {
    await tx.update(applications).set({ status: "certified" }).where(eq(applications.id, application.id));
    return issueCertificate(tx, reviewer, { applicationId: application.id });
  });
}
