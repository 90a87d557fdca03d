/**
 * The PACT v3 ListFootprints and GetFootprint actions as a data recipient's system uses them:
 * every footprint served conforms to the schema, each filter (and bogus values) behaves as PACT
 * 3.0 says, pagination follows RFC 8288 links, and a client sees only its organization's
 * footprints it was granted. (Over HTTPS behind Caddy, the same is checked end to end in e2e/.)
 */
import { describe, expect, it } from "vitest";
import type { ProductFootprint } from "@/lib/pact/footprint";
import { productFootprintProblems } from "@/lib/pact/validate";
import { createUser } from "../support/factories";
import { BASE_URL, certifyRenewal, createPublishedCertificate, getFootprint, listFootprints, pactToken } from "../support/pact";

type List = { data: ProductFootprint[] };

async function list(token: string, query = ""): Promise<List> {
  const response = await listFootprints(token, query);
  expect(response.status, query).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body = (await response.json()) as List;
  for (const footprint of body.data) expect(productFootprintProblems(footprint), footprint.id).toEqual([]);
  return body;
}

const ids = (body: List) => body.data.map((footprint) => footprint.id);

/** An enterprise with two footprints of one product: the renewed certificate's (Active) and the first one's (Deprecated). */
async function enterpriseWithTwoFootprints() {
  const setup = await createPublishedCertificate();
  const renewed = await certifyRenewal(setup);
  const { token, client } = await pactToken(setup.enterpriseUser);
  const all = await list(token);
  const [active, deprecated] = all.data;
  expect([active.status, deprecated.status]).toEqual(["Active", "Deprecated"]);
  return { ...setup, renewed, token, client, active, deprecated };
}

describe("GET /3/footprints", () => {
  it("lists the organization's footprints, newest first, Deprecated ones included", async () => {
    const { active, deprecated, footprint } = await enterpriseWithTwoFootprints();
    expect(deprecated.id).toBe(footprint.id);
    expect(active.precedingPfIds).toEqual([footprint.id]);
  });

  it("filters on each criterion, ORing repeated values and ANDing criteria; unknown or malformed values give an empty list", async () => {
    const { token, active, deprecated } = await enterpriseWithTwoFootprints();
    const both = [active.id, deprecated.id];
    const [productId] = active.productIds;
    const [companyId] = active.companyIds;
    const [classification] = active.productClassifications;
    const q = (params: Record<string, string | string[]>) =>
      `?${new URLSearchParams(Object.entries(params).flatMap(([name, values]) => (Array.isArray(values) ? values : [values]).map((value) => [name, value])))}`;

    expect(ids(await list(token, q({ productId })))).toEqual(both);
    expect(ids(await list(token, q({ productId: productId.toUpperCase() })))).toEqual(both);
    expect(ids(await list(token, q({ companyId: [companyId, "urn:bogus:company:1", "urn:bogus:company:2"] })))).toEqual(both);
    expect(ids(await list(token, q({ classification })))).toEqual(both);
    for (const geography of ["CN-CQ", "CN", "Eastern Asia", "asia"]) expect(ids(await list(token, q({ geography }))), geography).toEqual(both);
    expect(ids(await list(token, q({ status: "Active" })))).toEqual([active.id]);
    expect(ids(await list(token, q({ status: ["deprecated", "Bogus"] })))).toEqual([deprecated.id]);
    expect(ids(await list(token, q({ status: "Active", productId })))).toEqual([active.id]);
    expect(ids(await list(token, q({ validOn: active.validityPeriodStart })))).toEqual(both);
    expect(ids(await list(token, q({ validAfter: new Date(new Date(active.validityPeriodStart).getTime() - 86_400_000).toISOString() })))).toEqual(both);
    expect(ids(await list(token, q({ validBefore: new Date(new Date(active.validityPeriodEnd).getTime() + 86_400_000).toISOString() })))).toEqual(both);
    // Parameter names are matched without regard to case.
    expect(ids(await list(token, `?productid=${encodeURIComponent(productId)}&STATUS=Active`))).toEqual([active.id]);

    for (const bogus of [
      q({ productId: "urn:bogus:product:x" }),
      q({ companyId: "urn:bogus:company:x" }),
      q({ geography: "XX" }),
      q({ classification: "urn:bogus:classification:x" }),
      q({ validOn: "1900-01-01T00:00:00Z" }),
      q({ validAfter: "2099-12-31T23:59:59Z" }),
      q({ validBefore: "1900-01-01T00:00:00Z" }),
      q({ status: "BogusStatus" }),
      q({ validOn: "not-a-date" }),
      q({ companyId: "urn:bogus:company:a", productId: "urn:bogus:product:b" }),
      q({ companyId, productId: "urn:bogus:product:b" }),
    ]) {
      expect(await list(token, bogus), bogus).toEqual({ data: [] });
    }
  });

  it("pages with an absolute RFC 8288 Link on the public base URL until the last page", async () => {
    const { token, active, deprecated } = await enterpriseWithTwoFootprints();
    const first = await listFootprints(token, "?limit=1&status=Active&status=Deprecated");
    expect((await first.json()).data.map((footprint: ProductFootprint) => footprint.id)).toEqual([active.id]);
    const link = first.headers.get("link");
    const next = /^<([^>]+)>; rel="next"$/.exec(link ?? "")?.[1];
    expect(next?.startsWith(`${BASE_URL}/3/footprints?`)).toBe(true);
    const nextUrl = new URL(next!);
    expect(nextUrl.searchParams.getAll("status")).toEqual(["Active", "Deprecated"]);
    // A pagination link can be called more than once.
    for (let call = 0; call < 2; call++) {
      const second = await listFootprints(token, nextUrl.search);
      expect((await second.json()).data.map((footprint: ProductFootprint) => footprint.id)).toEqual([deprecated.id]);
      expect(second.headers.get("link")).toBeNull();
    }
    expect((await listFootprints(token)).headers.get("link")).toBeNull();
  });

  it("refuses a limit that is not a whole number and a cursor it did not issue, with PACT errors", async () => {
    const { enterpriseUser } = await createPublishedCertificate();
    const { token } = await pactToken(enterpriseUser);
    for (const query of ["?limit=-1", "?limit=ten", "?cursor=bogus"]) {
      const response = await listFootprints(token, query);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ code: "BadRequest", message: expect.any(String) });
    }
    expect(await list(token, "?limit=0")).toEqual({ data: [] });
  });
});

describe("GET /3/footprints/{id}", () => {
  it("serves one footprint, and a 404 with a PACT NotFound error for an unknown or malformed id", async () => {
    const { footprint, enterpriseUser } = await createPublishedCertificate();
    const { token } = await pactToken(enterpriseUser);
    const response = await getFootprint(token, footprint.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toEqual(footprint.document);
    expect(productFootprintProblems(body.data)).toEqual([]);
    for (const id of ["00000000-0000-0000-0000-000000000000", "not-a-uuid"]) {
      const missing = await getFootprint(token, id);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ code: "NotFound", message: expect.any(String) });
    }
  });
});

describe("who sees which footprints", () => {
  it("shows a client only its own organization's footprints: another's are not found, not listed", async () => {
    const mine = await createPublishedCertificate();
    const theirs = await createPublishedCertificate();
    const { token } = await pactToken(mine.enterpriseUser);
    expect(ids(await list(token))).toEqual([mine.footprint.id]);
    expect((await getFootprint(token, theirs.footprint.id)).status).toBe(404);
  });

  it("limits a client to the certificates it was granted", async () => {
    const { enterpriseUser, renewed, active, deprecated } = await enterpriseWithTwoFootprints();
    const limited = await pactToken(enterpriseUser, { footprints: [renewed.id] });
    expect(ids(await list(limited.token))).toEqual([active.id]);
    expect((await getFootprint(limited.token, deprecated.id)).status).toBe(404);
  });

  it("refuses a client without the footprints scope (403 AccessDenied) and a bad or missing token (401)", async () => {
    const { footprint, enterpriseUser } = await createPublishedCertificate();
    const { token } = await pactToken(enterpriseUser, { scopes: ["applications:read"] });
    const forbidden = await listFootprints(token);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: "AccessDenied" });
    expect((await getFootprint(token, footprint.id)).status).toBe(403);

    const invalid = await listFootprints("very-invalid-access-token");
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get("www-authenticate")).toContain("Bearer");
    expect(await invalid.json()).toMatchObject({ code: "BadRequest", message: expect.any(String) });
    const anonymous = await listFootprints("");
    expect(anonymous.status).toBe(401);
  });

  it("refuses a client of a verification body or regulator: PACT footprints are an enterprise's to share", async () => {
    for (const role of ["reviewer", "regulator"] as const) {
      const { token } = await pactToken(await createUser(role), { scopes: ["certificates:read"] });
      expect((await listFootprints(token)).status).toBe(403);
    }
  });
});
