/**
 * The REST API's writes (`/api/v1`, and PACT's `POST /3/events`) as doors of the matrix: each caller who can hold an API
 * client (an enterprise, a body's reviewer, a regulator — in the world's tenants and outside)
 * calls the route with a token of a client of its own organization holding every scope its
 * kind of organization may grant; nobody signed in calls it with no token. Verifiers and the
 * operator hold no client (`apiClient.manage`), so the REST API has no door for them.
 *
 * The clients and tokens are made while arranging — before the snapshot, since making one is
 * audited — and the door picks the signed-in caller's.
 */
import { eq, like } from "drizzle-orm";
import Papa from "papaparse";
import crypto from "node:crypto";
import * as eventsRoute from "@/app/3/events/route";
import * as applicationsRoute from "@/app/api/v1/applications/route";
import * as calculationsRoute from "@/app/api/v1/applications/[applicationId]/calculations/route";
import * as evidenceRoute from "@/app/api/v1/applications/[applicationId]/evidence/route";
import * as importsRoute from "@/app/api/v1/applications/[applicationId]/inventory-imports/route";
import * as lineRoute from "@/app/api/v1/applications/[applicationId]/inventory-lines/[lineId]/route";
import * as linesRoute from "@/app/api/v1/applications/[applicationId]/inventory-lines/route";
import * as submissionsRoute from "@/app/api/v1/applications/[applicationId]/submissions/route";
import * as productsRoute from "@/app/api/v1/products/route";
import { db } from "@/db";
import { applications, pactEventDeliveries, products } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { INVENTORY_IMPORT_COLUMNS, TEMPLATE_EXAMPLE_ROWS } from "@/lib/import/inventory-columns";
import { PACT_EVENT_TYPES } from "@/lib/pact/vocabulary";
import { API_SCOPES_BY_ORGANIZATION_KIND, type Permission } from "@/lib/policy";
import { accessToken, callApi, createClientFor } from "../api-clients";
import { PDF_BYTES } from "../evidence-files";
import { createProduct } from "../factories";
import { fromResponse, type Outcome } from "./outcome";
import { applicationState, situation, unique, type Attempt, type Situation } from "./permission-cases";
import { draftApplication, submittableDraft, type CallerKey, type PersonCaller, type World } from "./world";

/** Who can call the REST API: nobody (no token), and each caller whose role may hold an API client. */
const API_HOLDERS = ["enterprise", "reviewer", "regulator", "otherEnterprise", "otherBodyReviewer", "otherRegionRegulator"] as const satisfies readonly PersonCaller[];
const REST_CALLERS: readonly CallerKey[] = ["anonymous", ...API_HOLDERS];
/** For a write on nobody's resource (a new product): another enterprise creating its own is no outsider. */
const REST_CALLERS_WITHOUT_OUTSIDERS: readonly CallerKey[] = ["anonymous", "enterprise", "reviewer", "regulator"];

const KIND_OF_ROLE = { enterprise: "enterprise", reviewer: "verification_body", regulator: "regulator" } as const;

/** Tokens by user id: a client of each holder's own organization with every scope its kind may grant. */
type Tokens = Record<string, string>;

async function tokensFor(world: World): Promise<Tokens> {
  const tokens: Tokens = {};
  for (const caller of API_HOLDERS) {
    const user = world.users[caller];
    const scopes = API_SCOPES_BY_ORGANIZATION_KIND[KIND_OF_ROLE[user.role as keyof typeof KIND_OF_ROLE]];
    const client = await createClientFor(user, { scopes: [...scopes], name: `authz-${unique()}` });
    tokens[user.id] = await accessToken(client);
  }
  return tokens;
}

/** The signed-in caller's token (none for nobody). */
async function tokenOf(tokens: Tokens): Promise<string | undefined> {
  const user = await getCurrentUser();
  if (!user) return undefined;
  const token = tokens[user.id];
  if (!token) throw new Error(`no API client was made for ${user.role} ${user.id}`);
  return token;
}

type RestState = { tokens: Tokens; application: { id: string } };

async function rest(tokens: Tokens, route: Record<string, unknown>, method: string, path: string, options: Omit<Parameters<typeof callApi>[3] & object, "token"> = {}): Promise<Outcome> {
  return fromResponse(await callApi(route, method, path, { ...options, token: await tokenOf(tokens) }));
}

const supplierLine = {
  stage: "raw_material",
  description: "Aluminium casing",
  quantity: "10000",
  unit: "kg",
  source: "supplier_factor",
  supplierFactorValue: "8.5",
  supplierFactorUnit: "kg",
  supplierName: "Test Aluminium Co.",
  dataType: "primary",
  dqrTechnological: 2,
  dqrGeographical: 2,
  dqrTemporal: 2,
  allocationShare: "1",
  emissionCategory: "fossil",
};

function importForm(): FormData {
  const csv = Papa.unparse({ fields: [...INVENTORY_IMPORT_COLUMNS], data: TEMPLATE_EXAMPLE_ROWS.map((row) => INVENTORY_IMPORT_COLUMNS.map((column) => row[column])) });
  const form = new FormData();
  form.set("file", new File([csv], "lines.csv", { type: "text/csv" }));
  return form;
}

function evidenceForm(lineId: string): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(PDF_BYTES)], `invoice-${unique()}.pdf`));
  form.set("lineId", lineId);
  return form;
}

const productJson = (marker: string) => ({
  nameZh: `${marker} 笔记本`,
  nameEn: `${marker} laptop`,
  model: `M-${unique()}`,
  categoryId: "laptop",
  hsCode: "84713000",
  declaredUnitAmount: "1",
  declaredUnit: "piece",
  systemBoundary: "cradle_to_gate",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  productionVolume: "10000",
  site: "Plant",
  exportMarkets: [],
});

const path = (applicationId: string) => `/api/v1/applications/${applicationId}`;

type DraftState = RestState & { lineId: string };

const INVENTORY_DOORS: Attempt<DraftState>[] = [
  {
    via: "route",
    name: "POST /api/v1/applications/[applicationId]/inventory-lines",
    run: ({ tokens, application }) => rest(tokens, linesRoute, "POST", `${path(application.id)}/inventory-lines`, { params: { applicationId: application.id }, json: supplierLine }),
  },
  {
    via: "route",
    name: "PUT /api/v1/applications/[applicationId]/inventory-lines/[lineId]",
    run: ({ tokens, application, lineId }) =>
      rest(tokens, lineRoute, "PUT", `${path(application.id)}/inventory-lines/${lineId}`, { params: { applicationId: application.id, lineId }, json: { ...supplierLine, quantity: "12000" } }),
  },
  {
    via: "route",
    name: "DELETE /api/v1/applications/[applicationId]/inventory-lines/[lineId]",
    run: ({ tokens, application, lineId }) => rest(tokens, lineRoute, "DELETE", `${path(application.id)}/inventory-lines/${lineId}`, { params: { applicationId: application.id, lineId } }),
  },
  {
    via: "route",
    name: "POST /api/v1/applications/[applicationId]/inventory-imports",
    run: ({ tokens, application }) => rest(tokens, importsRoute, "POST", `${path(application.id)}/inventory-imports`, { params: { applicationId: application.id }, form: importForm() }),
  },
];

async function draftWithTokens(world: World): Promise<DraftState> {
  const application = await draftApplication(world);
  const [line] = (await applicationState(application.id)).lines;
  return { tokens: await tokensFor(world), application, lineId: line.id };
}

async function submittableWithTokens(world: World): Promise<DraftState> {
  const { application, lineId } = await submittableDraft(world);
  return { tokens: await tokensFor(world), application, lineId };
}

/** A PACT PublishedEvent from a partner's host, in structured mode, naming a footprint of theirs. */
const publishedEvent = () => ({
  specversion: "1.0",
  id: crypto.randomUUID(),
  source: "https://pact.supplier.example.com",
  time: new Date().toISOString(),
  type: PACT_EVENT_TYPES.published,
  data: { pfIds: [crypto.randomUUID()] },
});

/** The REST situations, by the permission each exercises (appended to that permission's cases). */
export const REST_SITUATIONS: Partial<Record<Permission, Situation<never>[]>> = {
  "pactEvent.submit": [
    situation({
      name: "a PublishedEvent sent to the caller's own organization, through PACT's events endpoint",
      arrange: async (world) => ({ tokens: await tokensFor(world) }),
      allowed: ["enterprise"],
      // The event goes to the token's own organization: another enterprise sending one is no outsider.
      callers: REST_CALLERS_WITHOUT_OUTSIDERS,
      attempts: [
        {
          via: "route",
          name: "POST /3/events",
          run: ({ tokens }) => rest(tokens, eventsRoute, "POST", "/3/events", { json: publishedEvent(), headers: { "content-type": "application/cloudevents+json; charset=UTF-8" } }),
        },
      ],
      snapshot: (_state, world) => db.select({ id: pactEventDeliveries.id }).from(pactEventDeliveries).where(eq(pactEventDeliveries.organizationId, world.enterprise.id)),
    }),
  ],
  "product.create": [
    situation({
      name: "a new product, through the REST API",
      arrange: async (world) => ({ tokens: await tokensFor(world), marker: `authz-${unique()}` }),
      allowed: ["enterprise"],
      callers: REST_CALLERS_WITHOUT_OUTSIDERS,
      attempts: [{ via: "route", name: "POST /api/v1/products", run: ({ tokens, marker }) => rest(tokens, productsRoute, "POST", "/api/v1/products", { json: productJson(marker) }) }],
      snapshot: ({ marker }) => db.select({ id: products.id }).from(products).where(like(products.nameZh, `${marker}%`)),
    }),
  ],
  "application.create": [
    situation({
      name: "a draft for the enterprise's product, through the REST API",
      arrange: async (world) => ({ tokens: await tokensFor(world), product: await createProduct(world.enterprise.id) }),
      allowed: ["enterprise"],
      callers: REST_CALLERS,
      attempts: [
        { via: "route", name: "POST /api/v1/applications", run: ({ tokens, product }) => rest(tokens, applicationsRoute, "POST", "/api/v1/applications", { json: { productId: product.id } }) },
      ],
      snapshot: ({ product }) => db.select({ id: applications.id }).from(applications).where(eq(applications.productId, product.id)),
    }),
  ],
  "inventory.edit": [
    situation({
      name: "a draft's inventory, through the REST API",
      arrange: draftWithTokens,
      allowed: ["enterprise"],
      callers: REST_CALLERS,
      attempts: INVENTORY_DOORS,
      snapshot: ({ application }) => applicationState(application.id),
    }),
  ],
  "evidence.upload": [
    situation({
      name: "evidence for a draft's line, through the REST API",
      arrange: draftWithTokens,
      allowed: ["enterprise"],
      callers: REST_CALLERS,
      attempts: [
        {
          via: "route",
          name: "POST /api/v1/applications/[applicationId]/evidence",
          run: ({ tokens, application, lineId }) => rest(tokens, evidenceRoute, "POST", `${path(application.id)}/evidence`, { params: { applicationId: application.id }, form: evidenceForm(lineId) }),
        },
      ],
      snapshot: ({ application }) => applicationState(application.id),
    }),
  ],
  "application.calculate": [
    situation({
      name: "a complete draft, calculated through the REST API",
      arrange: submittableWithTokens,
      allowed: ["enterprise"],
      callers: REST_CALLERS,
      attempts: [
        {
          via: "route",
          name: "POST /api/v1/applications/[applicationId]/calculations",
          run: ({ tokens, application }) => rest(tokens, calculationsRoute, "POST", `${path(application.id)}/calculations`, { params: { applicationId: application.id } }),
        },
      ],
      snapshot: ({ application }) => applicationState(application.id),
    }),
  ],
  "application.submit": [
    situation({
      name: "a complete draft, submitted through the REST API",
      arrange: submittableWithTokens,
      allowed: ["enterprise"],
      callers: REST_CALLERS,
      attempts: [
        {
          via: "route",
          name: "POST /api/v1/applications/[applicationId]/submissions",
          run: ({ tokens, application }, world) =>
            rest(tokens, submissionsRoute, "POST", `${path(application.id)}/submissions`, { params: { applicationId: application.id }, json: { verificationBodyId: world.body.id } }),
        },
      ],
      snapshot: ({ application }) => applicationState(application.id),
    }),
  ],
};
