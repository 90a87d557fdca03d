/**
 * REST API v1: every route answers its allowed caller, refuses the others the way the UI's
 * policy does (another organization, a missing scope, anonymous, read-only bodies and
 * regulators), and follows the conventions: cursor pages with Link, problem+json, ETag/304,
 * Idempotency-Key replay and rate-limit headers.
 */
import { and, eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import * as applicationRoute from "@/app/api/v1/applications/[applicationId]/route";
import * as calculationsRoute from "@/app/api/v1/applications/[applicationId]/calculations/route";
import * as evidenceRoute from "@/app/api/v1/applications/[applicationId]/evidence/route";
import * as importsRoute from "@/app/api/v1/applications/[applicationId]/inventory-imports/route";
import * as lineRoute from "@/app/api/v1/applications/[applicationId]/inventory-lines/[lineId]/route";
import * as linesRoute from "@/app/api/v1/applications/[applicationId]/inventory-lines/route";
import * as submissionsRoute from "@/app/api/v1/applications/[applicationId]/submissions/route";
import * as applicationsRoute from "@/app/api/v1/applications/route";
import * as certificateRoute from "@/app/api/v1/certificates/[number]/route";
import * as certificateStatusRoute from "@/app/api/v1/certificates/[number]/status/route";
import * as certificatesRoute from "@/app/api/v1/certificates/route";
import * as factorsRoute from "@/app/api/v1/factors/route";
import * as notificationsRoute from "@/app/api/v1/notifications/route";
import * as productRoute from "@/app/api/v1/products/[productId]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as bodiesRoute from "@/app/api/v1/verification-bodies/route";
import { db } from "@/db";
import { applications, emissionFactors, evidenceFiles, inventoryLines, notifications, products } from "@/db/schema";
import { INVENTORY_IMPORT_COLUMNS, TEMPLATE_EXAMPLE_ROWS } from "@/lib/import/inventory-columns";
import {
  applicationResource,
  certificateResource,
  certificateStatusResource,
  factorResource,
  inventoryLineResource,
  notificationResource,
  pageOf,
  problemResource,
  productResource,
} from "@/lib/validation/schemas/api";
import { accessToken, BASE_URL, callApi, createClientFor } from "../support/api-clients";
import { createIssuedCertificate } from "../support/certificate-fixtures";
import { PDF_BYTES, fileOf, withTemporaryDataDir } from "../support/evidence-files";
import { createApplication, createOrganization, createProduct, createUser } from "../support/factories";

withTemporaryDataDir();

const productInput = {
  nameZh: "接口笔记本",
  nameEn: "API laptop",
  model: "A-1",
  categoryId: "laptop",
  hsCode: "84713000",
  declaredUnitAmount: "1",
  declaredUnit: "piece",
  systemBoundary: "cradle_to_gate",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  productionVolume: "5000",
  site: "Chongqing",
  exportMarkets: ["EU"],
};

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

async function json(response: Response) {
  return response.json();
}

async function expectProblem(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = problemResource.parse(await response.json());
  expect(body.status).toBe(status);
  expect(body.type).toMatch(new RegExp(`^${BASE_URL}/developers#problem-`));
  if (code) expect(body.code).toBe(code);
  return body;
}

let owner: Awaited<ReturnType<typeof createUser>>;
let writer: string;
let reader: string;
let outsider: string;
let draft: Awaited<ReturnType<typeof createApplication>>;

beforeAll(async () => {
  const enterprise = await createOrganization("enterprise");
  owner = await createUser("enterprise", enterprise.id);
  draft = await createApplication(enterprise.id);
  writer = await accessToken(await createClientFor(owner, { scopes: ["applications:write", "certificates:read"] }));
  reader = await accessToken(await createClientFor(owner, { scopes: ["applications:read"] }));
  outsider = await accessToken(await createClientFor(await createUser("enterprise"), { scopes: ["applications:write", "certificates:read"] }));
});

describe("authentication", () => {
  it("answers every route without a valid token with 401 problem+json and a Bearer challenge", async () => {
    const routes: [Record<string, unknown>, string, string, Record<string, string>?][] = [
      [productsRoute, "GET", "/api/v1/products"],
      [productsRoute, "POST", "/api/v1/products"],
      [productRoute, "GET", `/api/v1/products/${draft.productId}`, { productId: draft.productId }],
      [applicationsRoute, "GET", "/api/v1/applications"],
      [applicationsRoute, "POST", "/api/v1/applications"],
      [applicationRoute, "GET", `/api/v1/applications/${draft.id}`, { applicationId: draft.id }],
      [linesRoute, "GET", `/api/v1/applications/${draft.id}/inventory-lines`, { applicationId: draft.id }],
      [linesRoute, "POST", `/api/v1/applications/${draft.id}/inventory-lines`, { applicationId: draft.id }],
      [lineRoute, "PUT", `/api/v1/applications/${draft.id}/inventory-lines/x`, { applicationId: draft.id, lineId: "x" }],
      [lineRoute, "DELETE", `/api/v1/applications/${draft.id}/inventory-lines/x`, { applicationId: draft.id, lineId: "x" }],
      [importsRoute, "POST", `/api/v1/applications/${draft.id}/inventory-imports`, { applicationId: draft.id }],
      [calculationsRoute, "POST", `/api/v1/applications/${draft.id}/calculations`, { applicationId: draft.id }],
      [submissionsRoute, "POST", `/api/v1/applications/${draft.id}/submissions`, { applicationId: draft.id }],
      [evidenceRoute, "POST", `/api/v1/applications/${draft.id}/evidence`, { applicationId: draft.id }],
      [certificatesRoute, "GET", "/api/v1/certificates"],
      [certificateRoute, "GET", "/api/v1/certificates/CFP-CQ-2026-AAAAAA", { number: "CFP-CQ-2026-AAAAAA" }],
      [certificateStatusRoute, "GET", "/api/v1/certificates/CFP-CQ-2026-AAAAAA/status", { number: "CFP-CQ-2026-AAAAAA" }],
      [factorsRoute, "GET", "/api/v1/factors"],
      [notificationsRoute, "GET", "/api/v1/notifications"],
      [bodiesRoute, "GET", "/api/v1/verification-bodies"],
    ];
    for (const [route, method, path, params] of routes) {
      const anonymous = await callApi(route, method, path, { params });
      await expectProblem(anonymous, 401, "api.errors.tokenMissing");
      expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="CarbonLabel"');
      const forged = await callApi(route, method, path, { params, headers: { authorization: "Bearer not.a.token" } });
      await expectProblem(forged, 401, "api.errors.tokenInvalid");
      expect(forged.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
    }
  });

  it("answers problems in the request's language, with the same code", async () => {
    const english = await expectProblem(await callApi(productsRoute, "GET", "/api/v1/products"), 401);
    const chinese = await expectProblem(await callApi(productsRoute, "GET", "/api/v1/products", { headers: { "accept-language": "zh-CN" } }), 401);
    expect(english.code).toBe(chinese.code);
    expect(english.title).toBe("Not authenticated");
    expect(chinese.title).toBe("未认证");
  });
});

describe("products", () => {
  it("lists and reads the organization's own products only", async () => {
    const page = pageOf(productResource).parse(await json(await callApi(productsRoute, "GET", "/api/v1/products", { token: reader })));
    expect(page.data.map((product) => product.id)).toEqual([draft.productId]);
    const theirs = pageOf(productResource).parse(await json(await callApi(productsRoute, "GET", "/api/v1/products", { token: outsider })));
    expect(theirs.data).toEqual([]);
    const one = await callApi(productRoute, "GET", `/api/v1/products/${draft.productId}`, { token: reader, params: { productId: draft.productId } });
    expect(productResource.parse(await one.json()).id).toBe(draft.productId);
    await expectProblem(await callApi(productRoute, "GET", `/api/v1/products/${draft.productId}`, { token: outsider, params: { productId: draft.productId } }), 404);
    await expectProblem(await callApi(productRoute, "GET", "/api/v1/products/nope", { token: reader, params: { productId: "nope" } }), 404);
  });

  it("creates a product with the form's schema; field errors point into the body; a read-only client is refused", async () => {
    const created = await callApi(productsRoute, "POST", "/api/v1/products", { token: writer, json: productInput });
    expect(created.status).toBe(201);
    const product = productResource.parse(await created.json());
    expect(created.headers.get("location")).toBe(`${BASE_URL}/api/v1/products/${product.id}`);

    const invalid = await expectProblem(
      await callApi(productsRoute, "POST", "/api/v1/products", { token: writer, json: { ...productInput, hsCode: "12", periodEnd: "2024-01-01" } }),
      422,
      "errors.validation",
    );
    expect(invalid.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: "/hsCode", field: "hsCode", code: "enterprise.validation.hsCode" }),
        expect.objectContaining({ pointer: "/periodEnd", code: "enterprise.validation.periodOrder" }),
      ]),
    );
    await expectProblem(await callApi(productsRoute, "POST", "/api/v1/products", { token: writer, json: "{" , headers: { "content-type": "text/plain" } }), 415);
    const malformed = await productsRoute.POST(
      new Request(`${BASE_URL}/api/v1/products`, { method: "POST", headers: { authorization: `Bearer ${writer}`, "content-type": "application/json" }, body: "{" }),
      { params: Promise.resolve({}) },
    );
    await expectProblem(malformed, 400, "api.errors.malformedJson");

    const before = await db.select().from(products).where(eq(products.organizationId, owner.organizationId));
    await expectProblem(await callApi(productsRoute, "POST", "/api/v1/products", { token: reader, json: productInput }), 403, "errors.forbidden");
    expect(await db.select().from(products).where(eq(products.organizationId, owner.organizationId))).toHaveLength(before.length);
  });
});

describe("applications and inventory", () => {
  it("runs the whole enterprise flow: draft, lines, import, evidence, calculation, submission — then the inventory is frozen", async () => {
    const product = await createProduct(owner.organizationId);
    const opened = await callApi(applicationsRoute, "POST", "/api/v1/applications", { token: writer, json: { productId: product.id } });
    expect(opened.status).toBe(201);
    const application = applicationResource.parse(await opened.json());
    expect(application).toMatchObject({ status: "draft", productId: product.id });
    await expectProblem(await callApi(applicationsRoute, "POST", "/api/v1/applications", { token: writer, json: { productId: product.id } }), 409, "applications.errors.alreadyOpen");
    const path = `/api/v1/applications/${application.id}`;
    const params = { applicationId: application.id };

    const added = await callApi(linesRoute, "POST", `${path}/inventory-lines`, { token: writer, params, json: supplierLine });
    expect(added.status).toBe(201);
    const line = inventoryLineResource.parse(await added.json());
    expect(line).toMatchObject({ stage: "raw_material", quantity: "10000", verification: "unverified" });
    const missingSupplier = await expectProblem(
      await callApi(linesRoute, "POST", `${path}/inventory-lines`, { token: writer, params, json: { ...supplierLine, supplierName: "" } }),
      422,
    );
    expect(missingSupplier.errors).toEqual([expect.objectContaining({ pointer: "/supplierName", code: "validation.required" })]);

    const changed = await callApi(lineRoute, "PUT", `${path}/inventory-lines/${line.id}`, {
      token: writer,
      params: { ...params, lineId: line.id },
      json: { ...supplierLine, quantity: "12000" },
    });
    expect(inventoryLineResource.parse(await changed.json()).quantity).toBe("12000");

    const form = new FormData();
    const csv = Papa.unparse({ fields: [...INVENTORY_IMPORT_COLUMNS], data: TEMPLATE_EXAMPLE_ROWS.map((row) => INVENTORY_IMPORT_COLUMNS.map((column) => row[column])) });
    form.set("file", new File([csv], "lines.csv", { type: "text/csv" }));
    const imported = await callApi(importsRoute, "POST", `${path}/inventory-imports`, { token: writer, params, form });
    expect(imported.status).toBe(201);
    expect(await imported.json()).toEqual({ imported: TEMPLATE_EXAMPLE_ROWS.length });
    const badForm = new FormData();
    const badCsv = Papa.unparse({
      fields: [...INVENTORY_IMPORT_COLUMNS],
      data: [INVENTORY_IMPORT_COLUMNS.map((column) => (column === "quantity" ? "-5" : TEMPLATE_EXAMPLE_ROWS[0][column]))],
    });
    badForm.set("file", new File([badCsv], "bad.csv", { type: "text/csv" }));
    const rejected = await expectProblem(await callApi(importsRoute, "POST", `${path}/inventory-imports`, { token: writer, params, form: badForm }), 422, "import.errors.rows");
    expect(rejected.errors).toEqual([expect.objectContaining({ field: "quantity", row: 2, code: "import.errors.positiveNumber" })]);

    const evidence = new FormData();
    evidence.set("file", fileOf(PDF_BYTES, "invoice.pdf"));
    evidence.set("lineId", line.id);
    const uploaded = await callApi(evidenceRoute, "POST", `${path}/evidence`, { token: writer, params, form: evidence });
    expect(uploaded.status).toBe(201);
    expect(await uploaded.json()).toMatchObject({ lineId: line.id, fileName: "invoice.pdf", mimeType: "application/pdf", scanStatus: "not_scanned" });
    const exe = new FormData();
    exe.set("file", new File(["MZ\x90\x00"], "tool.exe"));
    await expectProblem(await callApi(evidenceRoute, "POST", `${path}/evidence`, { token: writer, params, form: exe }), 422, "evidence.errors.type");

    const removable = inventoryLineResource.parse(await json(await callApi(linesRoute, "POST", `${path}/inventory-lines`, { token: writer, params, json: supplierLine })));
    const removed = await callApi(lineRoute, "DELETE", `${path}/inventory-lines/${removable.id}`, { token: writer, params: { ...params, lineId: removable.id } });
    expect(removed.status).toBe(204);
    await expectProblem(await callApi(lineRoute, "DELETE", `${path}/inventory-lines/${removable.id}`, { token: writer, params: { ...params, lineId: removable.id } }), 404);

    const calculated = await callApi(calculationsRoute, "POST", `${path}/calculations`, { token: writer, params });
    expect(calculated.status).toBe(201);
    expect(await calculated.json()).toMatchObject({ calculationId: expect.any(String), result: expect.stringMatching(/^\d/) });

    const body = await createOrganization("verification_body");
    const bodies = await json(await callApi(bodiesRoute, "GET", "/api/v1/verification-bodies", { token: writer }));
    expect(bodies.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: body.id })]));
    const submitted = await callApi(submissionsRoute, "POST", `${path}/submissions`, { token: writer, params, json: { verificationBodyId: body.id } });
    expect(submitted.status).toBe(201);
    expect(applicationResource.parse(await submitted.json())).toMatchObject({ status: "submitted", verificationBodyId: body.id, round: 1 });

    await expectProblem(await callApi(linesRoute, "POST", `${path}/inventory-lines`, { token: writer, params, json: supplierLine }), 409, "inventory.errors.frozen");
    const lines = pageOf(inventoryLineResource).parse(await json(await callApi(linesRoute, "GET", `${path}/inventory-lines`, { token: reader, params })));
    expect(lines.data).toHaveLength(1 + TEMPLATE_EXAMPLE_ROWS.length);
  });

  it("refuses another organization (not found), a read-only client (forbidden) and leaves the inventory as it was", async () => {
    const path = `/api/v1/applications/${draft.id}`;
    const params = { applicationId: draft.id };
    const before = await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, draft.id));
    await expectProblem(await callApi(applicationRoute, "GET", path, { token: outsider, params }), 404);
    await expectProblem(await callApi(linesRoute, "GET", `${path}/inventory-lines`, { token: outsider, params }), 404);
    await expectProblem(await callApi(linesRoute, "POST", `${path}/inventory-lines`, { token: outsider, params, json: supplierLine }), 404);
    await expectProblem(await callApi(lineRoute, "DELETE", `${path}/inventory-lines/${before[0].id}`, { token: outsider, params: { ...params, lineId: before[0].id } }), 404);
    await expectProblem(await callApi(calculationsRoute, "POST", `${path}/calculations`, { token: outsider, params }), 404);
    await expectProblem(await callApi(linesRoute, "POST", `${path}/inventory-lines`, { token: reader, params, json: supplierLine }), 403);
    await expectProblem(await callApi(lineRoute, "DELETE", `${path}/inventory-lines/${before[0].id}`, { token: reader, params: { ...params, lineId: before[0].id } }), 403);
    await expectProblem(await callApi(calculationsRoute, "POST", `${path}/calculations`, { token: reader, params }), 403);
    await expectProblem(await callApi(applicationsRoute, "POST", "/api/v1/applications", { token: reader, json: { productId: draft.productId } }), 403);
    await expectProblem(await callApi(factorsRoute, "GET", "/api/v1/factors?q=electricity", { token: reader }), 403);
    expect(await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, draft.id))).toEqual(before);
    const [unchanged] = await db.select().from(applications).where(eq(applications.id, draft.id));
    expect(unchanged).toMatchObject({ status: "draft", latestCalculationId: null });
  });

  it("pages the inventory with an opaque cursor and an absolute Link to the next page", async () => {
    const application = await createApplication(owner.organizationId);
    await db.insert(inventoryLines).values(
      ["b", "c", "d"].map((description, position) => ({ ...supplierLine, applicationId: application.id, description, position: position + 1 }) as typeof inventoryLines.$inferInsert),
    );
    const params = { applicationId: application.id };
    const path = `/api/v1/applications/${application.id}/inventory-lines`;
    const seen: string[] = [];
    let next: string | null = `${path}?limit=2`;
    let pages = 0;
    while (next) {
      const response = await callApi(linesRoute, "GET", next, { token: reader, params });
      const page = pageOf(inventoryLineResource).parse(await response.json());
      seen.push(...page.data.map((line) => line.description));
      const link = response.headers.get("link");
      if (page.nextCursor) {
        expect(link).toBe(`<${BASE_URL}${path}?limit=2&cursor=${page.nextCursor}>; rel="next"`);
        next = link!.slice(1, link!.indexOf(">")).replace(BASE_URL, "");
      } else {
        expect(link).toBeNull();
        next = null;
      }
      pages++;
    }
    // raw_material sorts before production (life-cycle order), then by position.
    expect(seen).toEqual(["b", "c", "d", "Plant electricity"]);
    expect(pages).toBe(2);
    const bogus = await expectProblem(await callApi(linesRoute, "GET", `${path}?cursor=bogus`, { token: reader, params }), 422);
    expect(bogus.errors).toEqual([expect.objectContaining({ parameter: "cursor", code: "api.errors.cursor" })]);
    const tooMany = await expectProblem(await callApi(linesRoute, "GET", `${path}?limit=1000`, { token: reader, params }), 422);
    expect(tooMany.errors).toEqual([expect.objectContaining({ parameter: "limit" })]);
  });

  it("lets the entrusted body and the region's regulator read, never write", async () => {
    const bodyOrg = await createOrganization("verification_body");
    const entrusted = await createApplication(owner.organizationId, { status: "submitted", verificationBodyId: bodyOrg.id });
    const bodyToken = await accessToken(await createClientFor(await createUser("reviewer", bodyOrg.id), { scopes: ["applications:read", "certificates:read"] }));
    const regulatorToken = await accessToken(await createClientFor(await createUser("regulator"), { scopes: ["applications:read"] }));
    const foreignRegulator = await createOrganization("regulator", { region: "110000", district: null });
    const foreignToken = await accessToken(await createClientFor(await createUser("regulator", foreignRegulator.id), { scopes: ["applications:read"] }));

    const bodyList = pageOf(applicationResource).parse(await json(await callApi(applicationsRoute, "GET", "/api/v1/applications", { token: bodyToken })));
    expect(bodyList.data.map((application) => application.id)).toEqual([entrusted.id]);
    const params = { applicationId: entrusted.id };
    expect((await callApi(applicationRoute, "GET", `/api/v1/applications/${entrusted.id}`, { token: bodyToken, params })).status).toBe(200);
    await expectProblem(await callApi(applicationRoute, "GET", `/api/v1/applications/${draft.id}`, { token: bodyToken, params: { applicationId: draft.id } }), 404);
    const bodyProducts = pageOf(productResource).parse(await json(await callApi(productsRoute, "GET", "/api/v1/products", { token: bodyToken })));
    expect(bodyProducts.data.map((product) => product.id)).toEqual([entrusted.productId]);

    const regional = pageOf(applicationResource).parse(await json(await callApi(applicationsRoute, "GET", `/api/v1/applications?limit=100&productId=${draft.productId}`, { token: regulatorToken })));
    expect(regional.data.map((application) => application.id)).toEqual([draft.id]);
    // Other tests' applications may lie in that region: ask for this region's product only.
    const elsewhere = pageOf(applicationResource).parse(
      await json(await callApi(applicationsRoute, "GET", `/api/v1/applications?limit=100&productId=${draft.productId}`, { token: foreignToken })),
    );
    expect(elsewhere.data).toEqual([]);

    for (const token of [bodyToken, regulatorToken]) {
      await expectProblem(await callApi(applicationsRoute, "POST", "/api/v1/applications", { token, json: { productId: draft.productId } }), 403);
      await expectProblem(await callApi(productsRoute, "POST", "/api/v1/products", { token, json: productInput }), 403);
      await expectProblem(await callApi(linesRoute, "POST", `/api/v1/applications/${entrusted.id}/inventory-lines`, { token, params, json: supplierLine }), 403);
      await expectProblem(await callApi(bodiesRoute, "GET", "/api/v1/verification-bodies", { token }), 403);
    }
  });
});

describe("certificates, factors and notifications", () => {
  it("shows a certificate and its live status to the holder and the issuing body, not to others or without the scope", async () => {
    const { certificate, enterpriseUser, reviewer } = await createIssuedCertificate();
    const holder = await accessToken(await createClientFor(enterpriseUser, { scopes: ["certificates:read"] }));
    const bodyToken = await accessToken(await createClientFor(reviewer, { scopes: ["certificates:read"] }));
    const noScope = await accessToken(await createClientFor(enterpriseUser, { scopes: ["applications:read"] }));
    const path = `/api/v1/certificates/${certificate.number}`;
    const params = { number: certificate.number };

    const list = pageOf(certificateResource).parse(await json(await callApi(certificatesRoute, "GET", "/api/v1/certificates", { token: holder })));
    expect(list.data).toEqual([expect.objectContaining({ number: certificate.number, status: "valid", labelUrl: `${BASE_URL}/labels/${certificate.number}` })]);
    for (const token of [holder, bodyToken]) {
      expect(certificateResource.parse(await json(await callApi(certificateRoute, "GET", path, { token, params }))).number).toBe(certificate.number);
      expect(certificateStatusResource.parse(await json(await callApi(certificateStatusRoute, "GET", `${path}/status`, { token, params })))).toMatchObject({ status: "valid" });
    }
    await expectProblem(await callApi(certificateRoute, "GET", path, { token: outsider, params }), 404);
    await expectProblem(await callApi(certificateStatusRoute, "GET", `${path}/status`, { token: outsider, params }), 404);
    await expectProblem(await callApi(certificateRoute, "GET", path, { token: noScope, params }), 403);
    await expectProblem(await callApi(certificatesRoute, "GET", "/api/v1/certificates", { token: noScope }), 403);
  });

  it("searches current factors page by page for a client that may edit inventories", async () => {
    const page = pageOf(factorResource).parse(await json(await callApi(factorsRoute, "GET", "/api/v1/factors?q=electricity&limit=2", { token: writer })));
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const rest = pageOf(factorResource).parse(await json(await callApi(factorsRoute, "GET", `/api/v1/factors?q=electricity&limit=2&cursor=${page.nextCursor}`, { token: writer })));
    expect(rest.data[0].factorKey > page.data[1].factorKey).toBe(true);
    const [current] = await db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, page.data[0].factorKey));
    expect(current.supersededAt).toBeNull();
    await expectProblem(await callApi(factorsRoute, "GET", "/api/v1/factors?year=nineteen", { token: writer }), 422);
  });

  it("lists the organization-wide notifications, not those addressed to a person", async () => {
    await db.insert(notifications).values([
      { organizationId: owner.organizationId, kind: "application.accepted", params: { product: "A" } },
      { organizationId: owner.organizationId, userId: owner.id, kind: "application.declined", params: { product: "B" } },
    ]);
    const page = pageOf(notificationResource).parse(await json(await callApi(notificationsRoute, "GET", "/api/v1/notifications", { token: reader })));
    expect(page.data.map((notification) => notification.kind)).toEqual(["application.accepted"]);
    const theirs = pageOf(notificationResource).parse(await json(await callApi(notificationsRoute, "GET", "/api/v1/notifications", { token: outsider })));
    expect(theirs.data).toEqual([]);
  });
});

describe("conventions", () => {
  it("answers a GET with an ETag and a matching If-None-Match with 304, until the resource changes", async () => {
    const params = { applicationId: draft.id };
    const first = await callApi(applicationRoute, "GET", `/api/v1/applications/${draft.id}`, { token: reader, params });
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const again = await callApi(applicationRoute, "GET", `/api/v1/applications/${draft.id}`, { token: reader, params, headers: { "if-none-match": `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    // A new line bumps the inventory revision the resource shows.
    expect((await callApi(linesRoute, "POST", `/api/v1/applications/${draft.id}/inventory-lines`, { token: writer, params, json: supplierLine })).status).toBe(201);
    const changed = await callApi(applicationRoute, "GET", `/api/v1/applications/${draft.id}`, { token: reader, params, headers: { "if-none-match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("replays the first response to a retry with the same Idempotency-Key, and refuses the key for another body", async () => {
    const product = await createProduct(owner.organizationId);
    const params = { applicationId: draft.id };
    const path = `/api/v1/applications/${draft.id}/inventory-lines`;
    const headers = { "idempotency-key": `line-${product.id}` };
    const first = await callApi(linesRoute, "POST", path, { token: writer, params, json: { ...supplierLine, description: product.id }, headers });
    expect(first.status).toBe(201);
    const retry = await callApi(linesRoute, "POST", path, { token: writer, params, json: { ...supplierLine, description: product.id }, headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(await retry.json()).toEqual(await first.json());
    const stored = await db.select().from(inventoryLines).where(and(eq(inventoryLines.applicationId, draft.id), eq(inventoryLines.description, product.id)));
    expect(stored).toHaveLength(1);

    await expectProblem(await callApi(linesRoute, "POST", path, { token: writer, params, json: { ...supplierLine, description: "other" }, headers }), 422, "api.problems.idempotency-key-reused.detail");
    // Keys are per client: another client's same key is a new request.
    const otherClient = await accessToken(await createClientFor(owner, { scopes: ["applications:write"] }));
    expect((await callApi(linesRoute, "POST", path, { token: otherClient, params, json: { ...supplierLine, description: product.id }, headers })).headers.get("idempotent-replayed")).toBeNull();
    await expectProblem(await callApi(linesRoute, "POST", path, { token: writer, params, json: supplierLine, headers: { "idempotency-key": "bad key with spaces" } }), 400);
  });

  it("states the client's rate limit on every answer and refuses with 429 and Retry-After past it", async () => {
    const token = await accessToken(await createClientFor(owner, { scopes: ["applications:read"] }));
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await callApi(productsRoute, "GET", "/api/v1/products", { token }));
      expect(answers[0].headers.get("ratelimit-policy")).toBe('"api";q=3;w=60');
      expect(answers[0].headers.get("ratelimit")).toMatch(/^"api";r=2;t=\d+$/);
      // A minute boundary may fall between two requests and reset the count.
      const refused = answers.find((answer) => answer.status === 429) ?? (await callApi(productsRoute, "GET", "/api/v1/products", { token }));
      if (refused.status === 429) {
        await expectProblem(refused, 429);
        expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(refused.headers.get("ratelimit")).toMatch(/^"api";r=0;t=\d+$/);
      }
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(3);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });
});

describe("evidence", () => {
  it("is refused to another organization before the file is stored", async () => {
    const form = new FormData();
    form.set("file", fileOf(PDF_BYTES, "invoice.pdf"));
    await expectProblem(await callApi(evidenceRoute, "POST", `/api/v1/applications/${draft.id}/evidence`, { token: outsider, params: { applicationId: draft.id }, form }), 404);
    expect(await db.select().from(evidenceFiles).where(eq(evidenceFiles.applicationId, draft.id))).toEqual([]);
  });
});
