import "server-only";
import { z } from "zod";
import { API_SCOPES, type ApiScope } from "@/lib/enums";
import { scopesGrant, type Permission } from "@/lib/policy";
import {
  applicationListQuerySchema,
  applicationResource,
  calculationResource,
  certificateResource,
  certificateStatusResource,
  evidenceResource,
  evidenceUploadSchema,
  factorListQuerySchema,
  factorResource,
  importResultResource,
  inventoryImportUploadSchema,
  inventoryLineResource,
  notificationResource,
  pageOf,
  pageQuerySchema,
  problemResource,
  productResource,
  verificationBodyResource,
} from "@/lib/validation/schemas/api";
import { createApplicationSchema, submitApplicationBodySchema } from "@/lib/validation/schemas/applications";
import { inventoryLineBodySchema } from "@/lib/validation/schemas/inventory";
import { productSchema } from "@/lib/validation/schemas/products";
import { ACCESS_TOKEN_LIFETIME_SECONDS } from "@/lib/auth/api-credentials";
import { PROBLEM_KINDS } from "./problem";
import { apiRequestPolicy } from "./route";

/** Request bodies, as the forms' own schemas accept them. */
const INPUTS = {
  ProductInput: productSchema,
  ApplicationInput: createApplicationSchema,
  InventoryLineInput: inventoryLineBodySchema,
  SubmissionInput: submitApplicationBodySchema,
  InventoryImportUpload: inventoryImportUploadSchema,
  EvidenceUpload: evidenceUploadSchema,
};

/** Responses; list pages reference their items. */
const OUTPUTS = {
  Product: productResource,
  Application: applicationResource,
  InventoryLine: inventoryLineResource,
  Calculation: calculationResource,
  InventoryImport: importResultResource,
  Evidence: evidenceResource,
  Certificate: certificateResource,
  CertificateStatus: certificateStatusResource,
  EmissionFactor: factorResource,
  Notification: notificationResource,
  VerificationBody: verificationBodyResource,
  Problem: problemResource,
  ProductPage: pageOf(productResource),
  ApplicationPage: pageOf(applicationResource),
  InventoryLinePage: pageOf(inventoryLineResource),
  CertificatePage: pageOf(certificateResource),
  EmissionFactorPage: pageOf(factorResource),
  NotificationPage: pageOf(notificationResource),
  VerificationBodyList: z.object({ data: z.array(verificationBodyResource) }),
};

type Input = keyof typeof INPUTS;
type Output = keyof typeof OUTPUTS;
type Method = "get" | "post" | "put" | "delete";

type Endpoint = {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  tag: "Products" | "Applications" | "Inventory" | "Certificates" | "Reference data" | "Notifications";
  /** The permission the operation asserts: the scopes that grant it are its security requirement. */
  permission: Permission;
  query?: z.ZodObject;
  body?: Input;
  multipart?: boolean;
  success: { status: 200 | 201 | 204; schema?: Output; description: string };
  /** Refusals besides 401, 403 and 429, which every endpoint can give. */
  problems?: (400 | 404 | 409 | 413 | 415 | 422)[];
};

const APPLICATION_ID = { name: "applicationId", description: "The application's id." };
const LINE_ID = { name: "lineId", description: "The inventory line's id." };

const ENDPOINTS: Endpoint[] = [
  { method: "get", path: "/products", operationId: "listProducts", summary: "List products", tag: "Products", permission: "application.read", query: pageQuerySchema, success: { status: 200, schema: "ProductPage", description: "A page of products, newest first." }, problems: [422] },
  { method: "post", path: "/products", operationId: "createProduct", summary: "Register a product", tag: "Products", permission: "product.create", body: "ProductInput", success: { status: 201, schema: "Product", description: "The new product." }, problems: [400, 415, 422] },
  { method: "get", path: "/products/{productId}", operationId: "getProduct", summary: "Get a product", tag: "Products", permission: "application.read", success: { status: 200, schema: "Product", description: "The product." }, problems: [404] },
  { method: "get", path: "/applications", operationId: "listApplications", summary: "List applications", tag: "Applications", permission: "application.read", query: applicationListQuerySchema, success: { status: 200, schema: "ApplicationPage", description: "A page of applications, newest first." }, problems: [422] },
  { method: "post", path: "/applications", operationId: "createApplication", summary: "Open a draft application for a product", tag: "Applications", permission: "application.create", body: "ApplicationInput", success: { status: 201, schema: "Application", description: "The new draft." }, problems: [400, 404, 409, 415, 422] },
  { method: "get", path: "/applications/{applicationId}", operationId: "getApplication", summary: "Get an application", tag: "Applications", permission: "application.read", success: { status: 200, schema: "Application", description: "The application." }, problems: [404] },
  { method: "get", path: "/applications/{applicationId}/inventory-lines", operationId: "listInventoryLines", summary: "List inventory lines", tag: "Inventory", permission: "application.read", query: pageQuerySchema, success: { status: 200, schema: "InventoryLinePage", description: "A page of lines in life-cycle stage and position order." }, problems: [404, 422] },
  { method: "post", path: "/applications/{applicationId}/inventory-lines", operationId: "addInventoryLine", summary: "Add an inventory line", tag: "Inventory", permission: "inventory.edit", body: "InventoryLineInput", success: { status: 201, schema: "InventoryLine", description: "The new line." }, problems: [400, 404, 409, 415, 422] },
  { method: "get", path: "/applications/{applicationId}/inventory-lines/{lineId}", operationId: "getInventoryLine", summary: "Get an inventory line", tag: "Inventory", permission: "application.read", success: { status: 200, schema: "InventoryLine", description: "The line." }, problems: [404] },
  { method: "put", path: "/applications/{applicationId}/inventory-lines/{lineId}", operationId: "updateInventoryLine", summary: "Replace an inventory line", tag: "Inventory", permission: "inventory.edit", body: "InventoryLineInput", success: { status: 200, schema: "InventoryLine", description: "The changed line (no longer verified)." }, problems: [400, 404, 409, 415, 422] },
  { method: "delete", path: "/applications/{applicationId}/inventory-lines/{lineId}", operationId: "deleteInventoryLine", summary: "Delete an inventory line", tag: "Inventory", permission: "inventory.edit", success: { status: 204, description: "Deleted." }, problems: [404, 409] },
  { method: "post", path: "/applications/{applicationId}/inventory-imports", operationId: "importInventory", summary: "Import inventory lines from CSV or XLSX", tag: "Inventory", permission: "inventory.edit", body: "InventoryImportUpload", multipart: true, success: { status: 201, schema: "InventoryImport", description: "Every row was imported." }, problems: [400, 404, 409, 413, 415, 422] },
  { method: "post", path: "/applications/{applicationId}/evidence", operationId: "uploadEvidence", summary: "Upload an evidence file", tag: "Inventory", permission: "evidence.upload", body: "EvidenceUpload", multipart: true, success: { status: 201, schema: "Evidence", description: "The stored file." }, problems: [400, 404, 409, 413, 415, 422] },
  { method: "post", path: "/applications/{applicationId}/calculations", operationId: "calculateApplication", summary: "Calculate the footprint", tag: "Applications", permission: "application.calculate", success: { status: 201, schema: "Calculation", description: "The result, stored as the application's latest." }, problems: [404, 409, 422] },
  { method: "post", path: "/applications/{applicationId}/submissions", operationId: "submitApplication", summary: "Submit to a verification body", tag: "Applications", permission: "application.submit", body: "SubmissionInput", success: { status: 201, schema: "Application", description: "The submitted application; its inventory is frozen." }, problems: [400, 404, 409, 415, 422] },
  { method: "get", path: "/verification-bodies", operationId: "listVerificationBodies", summary: "Verification bodies the enterprise may choose", tag: "Reference data", permission: "application.submit", success: { status: 200, schema: "VerificationBodyList", description: "Every body that declared no conflict of interest with the enterprise." } },
  { method: "get", path: "/certificates", operationId: "listCertificates", summary: "List certificates", tag: "Certificates", permission: "certificate.read", query: pageQuerySchema, success: { status: 200, schema: "CertificatePage", description: "A page of certificates, newest first." }, problems: [422] },
  { method: "get", path: "/certificates/{number}", operationId: "getCertificate", summary: "Get a certificate", tag: "Certificates", permission: "certificate.read", success: { status: 200, schema: "Certificate", description: "The certificate with its live status." }, problems: [404] },
  { method: "get", path: "/certificates/{number}/status", operationId: "getCertificateStatus", summary: "Get a certificate's live status", tag: "Certificates", permission: "certificate.read", success: { status: 200, schema: "CertificateStatus", description: "Valid, suspended, withdrawn or expired." }, problems: [404] },
  { method: "get", path: "/factors", operationId: "searchFactors", summary: "Search current emission factors", tag: "Reference data", permission: "inventory.edit", query: factorListQuerySchema, success: { status: 200, schema: "EmissionFactorPage", description: "A page of current factors in key order." }, problems: [422] },
  { method: "get", path: "/notifications", operationId: "listNotifications", summary: "List the organization's notifications", tag: "Notifications", permission: "notification.read", query: pageQuerySchema, success: { status: 200, schema: "NotificationPage", description: "A page of notifications, newest first." }, problems: [422] },
];

const PATH_PARAMETERS: Record<string, { name: string; description: string }> = {
  "{productId}": { name: "productId", description: "The product's id." },
  "{applicationId}": APPLICATION_ID,
  "{lineId}": LINE_ID,
  "{number}": { name: "number", description: "The certificate number, e.g. CFP-CQ-2026-7K3M9Q." },
};

const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "footprints:read": "The organization's certified footprints through the PACT v3 API (/3/footprints).",
  "applications:read": "Products, applications, inventory lines and notifications the client's organization may see.",
  "applications:write": "Everything applications:read allows, and creating drafts, editing and importing inventories, uploading evidence, calculating and submitting.",
  "certificates:read": "Certificates the organization may see, and their live status.",
};

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request (JSON, multipart or Idempotency-Key).",
  401: "Missing, invalid or expired access token.",
  403: "The client's scopes, or its organization's role, do not allow this.",
  404: "Does not exist, or the client may not see it.",
  409: "The resource's state does not allow this now, or a request with the same Idempotency-Key is still running.",
  413: "The request body is too large.",
  415: "The body is not in the media type this operation takes.",
  422: "Invalid input: `errors` names each field (`pointer` into the body, `parameter` of the query), or an Idempotency-Key reused for another request.",
  429: "Too many requests from this client: see Retry-After.",
};

/** The document's dialect is JSON Schema 2020-12 already; `$schema` and `$id` per schema would only repeat it. */
function withoutSchemaKeywords(schema: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema).filter(([keyword]) => keyword !== "$schema" && keyword !== "$id"));
}

/** A zod schema as an OpenAPI 3.1 Schema Object. */
function schemaObject(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  return withoutSchemaKeywords(z.toJSONSchema(schema, { io, unrepresentable: "any" }));
}

function components(io: "input" | "output", schemas: Record<string, z.ZodType>): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, { io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` }).schemas;
  return Object.fromEntries(Object.entries(generated).map(([id, schema]) => [id, withoutSchemaKeywords(schema)]));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const header = (description: string, schema: Record<string, unknown> = { type: "string" }) => ({ description, schema });

function operationObject(endpoint: Endpoint) {
  const scopes = API_SCOPES.filter((scope) => scopesGrant([scope], endpoint.permission));
  const pathParameters = Object.entries(PATH_PARAMETERS)
    .filter(([token]) => endpoint.path.includes(token))
    .map(([, parameter]) => ({ name: parameter.name, in: "path", required: true, description: parameter.description, schema: { type: "string" } }));
  const queryParameters = Object.entries(endpoint.query?.shape ?? {}).map(([name, field]) => ({
    name,
    in: "query",
    required: !(field as z.ZodType).safeParse(undefined).success,
    schema: schemaObject(field as z.ZodType, "input"),
  }));
  const idempotency =
    endpoint.method === "post"
      ? [{ name: "Idempotency-Key", in: "header", required: false, description: "Retry safely: the first response is replayed for 24 hours to the same request with the same key.", schema: { type: "string", minLength: 1, maxLength: 255 } }]
      : [];
  const conditional = endpoint.method === "get" ? [{ name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier answer: 304 when unchanged.", schema: { type: "string" } }] : [];
  const limitHeaders = {
    RateLimit: header('Remaining requests and seconds to the window\'s end, e.g. `"api";r=298;t=41`.'),
    "RateLimit-Policy": header('The client\'s quota, e.g. `"api";q=300;w=60`.'),
  };
  const successHeaders: Record<string, unknown> = { ...limitHeaders };
  if (endpoint.method === "get") successHeaders.ETag = header("Validator of the representation, for If-None-Match.");
  if (endpoint.success.schema?.endsWith("Page")) successHeaders.Link = header('RFC 8288 link to the next page (`rel="next"`), absolute.');
  if (endpoint.method === "post") successHeaders["Idempotent-Replayed"] = header("`true` when this is the stored answer to an earlier request with the same Idempotency-Key.");
  const problem = (description: string, extra: Record<string, unknown> = {}) => ({
    description,
    headers: extra,
    content: { "application/problem+json": { schema: ref("Problem") } },
  });
  const responses: Record<string, unknown> = {
    [endpoint.success.status]: {
      description: endpoint.success.description,
      headers: successHeaders,
      ...(endpoint.success.schema ? { content: { "application/json": { schema: ref(endpoint.success.schema) } } } : {}),
    },
    ...(endpoint.method === "get" ? { 304: { description: "Not modified (If-None-Match matched).", headers: { ETag: successHeaders.ETag } } } : {}),
    401: problem(PROBLEM_DESCRIPTIONS[401], { "WWW-Authenticate": header("Bearer challenge (RFC 6750).") }),
    403: problem(PROBLEM_DESCRIPTIONS[403], limitHeaders),
    429: problem(PROBLEM_DESCRIPTIONS[429], { ...limitHeaders, "Retry-After": header("Seconds to wait.", { type: "integer" }) }),
  };
  for (const status of endpoint.problems ?? []) responses[status] = problem(PROBLEM_DESCRIPTIONS[status], limitHeaders);
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    security: scopes.map((scope) => ({ clientCredentials: [scope] })),
    parameters: [...pathParameters, ...queryParameters, ...idempotency, ...conditional],
    ...(endpoint.body
      ? { requestBody: { required: true, content: { [endpoint.multipart ? "multipart/form-data" : "application/json"]: { schema: ref(endpoint.body) } } } }
      : {}),
    responses,
  };
}

let cached: { baseUrl: string; document: Record<string, unknown> } | null = null;

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers and forms
 * use, with the scopes each operation needs read off the permission table.
 */
export function openApiDocument(baseUrl: string): Record<string, unknown> {
  if (cached?.baseUrl === baseUrl) return cached.document;
  const paths: Record<string, Record<string, unknown>> = {
    "/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        tags: ["Reference data"],
        security: [],
        responses: { 200: { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  };
  for (const endpoint of ENDPOINTS) (paths[endpoint.path] ??= {})[endpoint.method] = operationObject(endpoint);
  const policy = apiRequestPolicy();
  const document = {
    openapi: "3.1.1",
    info: {
      title: "CarbonLabel API",
      version: "1.0.0",
      summary: "Product carbon footprint certification: products, inventories, applications and certificates.",
      description: [
        `Authenticate with the OAuth 2.0 client-credentials grant at ${baseUrl}/auth/token (an API client created by your organization) and send the access token as \`Authorization: Bearer …\`; tokens last ${ACCESS_TOKEN_LIFETIME_SECONDS / 60} minutes.`,
        "Every call acts as the person who created the client, within the client's scopes: the same rules as the portal decide.",
        `Lists are paged by an opaque cursor (\`nextCursor\`, and a \`Link: rel="next"\` header). Errors are RFC 9457 problem details in the language of Accept-Language (zh-CN or en). POSTs take an Idempotency-Key. Each client may send ${policy.limit} requests per ${policy.windowSeconds} seconds (RateLimit headers). Reads carry an ETag.`,
        `Guide: ${baseUrl}/developers. Problem types: ${PROBLEM_KINDS.map((kind) => `\`${kind}\``).join(", ")}.`,
      ].join("\n\n"),
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    tags: ["Products", "Applications", "Inventory", "Certificates", "Reference data", "Notifications"].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...components("input", INPUTS), ...components("output", OUTPUTS) },
      securitySchemes: {
        clientCredentials: {
          type: "oauth2",
          description: "An API client of your organization (created on the API clients page).",
          flows: { clientCredentials: { tokenUrl: `${baseUrl}/auth/token`, scopes: SCOPE_DESCRIPTIONS } },
        },
      },
    },
  };
  cached = { baseUrl, document };
  return document;
}
