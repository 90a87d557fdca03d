import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as certificatePdf } from "@/app/api/certificates/[number]/certificate/route";
import { GET as labelImage } from "@/app/api/certificates/[number]/label/route";
import { GET as labelJson } from "@/app/api/labels/[number]/route";
import { db } from "@/db";
import { certificates } from "@/db/schema";
import { searchRegistry } from "@/lib/dal/public-certificates";
import { createIssuedCertificate } from "../support/certificate-fixtures";
import { actAs, createOrganization, createUser } from "../support/factories";

const BASE = "http://portal.test";
const params = (number: string) => ({ params: Promise.resolve({ number }) });

describe("public verification JSON", () => {
  it("shows what the label shows and the live status, never inventory, statement or people", async () => {
    const { certificate, enterprise } = await createIssuedCertificate();
    const response = await labelJson(new Request(`${BASE}/api/labels/${certificate.number}`), params(certificate.number));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("public");
    const body = await response.json();
    expect(body).toMatchObject({
      genuine: true,
      number: certificate.number,
      status: "valid",
      enterpriseName: enterprise.name,
      value: certificate.value,
      systemBoundary: "cradle_to_gate",
      url: `${BASE}/labels/${certificate.number}`,
    });
    const text = JSON.stringify(body);
    for (const secret of ["inventory", "lines", "statement", "leadVerifier", "reviewer", "snapshot", "Aluminium", "creditCode"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("answers the same 404 for an unknown and a malformed number", async () => {
    const unknown = await labelJson(new Request(`${BASE}/api/labels/x`), params("CFP-CQ-2026-222222"));
    const malformed = await labelJson(new Request(`${BASE}/api/labels/x`), params("'; drop table certificates;--"));
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(await unknown.json()).toEqual(await malformed.json());
  });

  it("shows a suspension with its reason and a past expiry as expired", async () => {
    const { certificate } = await createIssuedCertificate();
    await db
      .update(certificates)
      .set({ status: "suspended", statusReason: "Under investigation" })
      .where(eq(certificates.id, certificate.id));
    const suspended = await (await labelJson(new Request(`${BASE}/x`), params(certificate.number.toLowerCase()))).json();
    expect(suspended).toMatchObject({ status: "suspended", statusReason: "Under investigation" });
    await db.update(certificates).set({ expiresOn: "2021-01-01" }).where(eq(certificates.id, certificate.id));
    const expired = await (await labelJson(new Request(`${BASE}/x`), params(certificate.number))).json();
    expect(expired).toMatchObject({ status: "expired", statusReason: null });
  });
});

describe("downloads", () => {
  it("serves the label to anyone as an SVG attachment with the QR link, and as a PNG", async () => {
    const { certificate } = await createIssuedCertificate();
    actAs(null);
    const svg = await labelImage(new Request(`${BASE}/x?format=svg&lang=en`), params(certificate.number));
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-disposition")).toBe(`attachment; filename="${certificate.number}-label-en.svg"`);
    expect(await svg.text()).toContain(certificate.number);
    const png = await labelImage(new Request(`${BASE}/x?format=png`), params(certificate.number));
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
  });

  it("serves the certificate PDF to the owner, the body and the region's regulator only", async () => {
    const { certificate, enterpriseUser, verifier } = await createIssuedCertificate();
    const request = () => new Request(`${BASE}/x?lang=zh-CN`);
    actAs(null);
    expect((await certificatePdf(request(), params(certificate.number))).status).toBe(401);
    actAs(await createUser("enterprise"));
    expect((await certificatePdf(request(), params(certificate.number))).status).toBe(404);
    actAs(await createUser("regulator", (await createOrganization("regulator", { region: "510000", district: null })).id));
    expect((await certificatePdf(request(), params(certificate.number))).status).toBe(404);
    actAs(await createUser("admin"));
    expect((await certificatePdf(request(), params(certificate.number))).status).toBe(403);

    for (const user of [enterpriseUser, verifier, await createUser("regulator", (await createOrganization("regulator")).id)]) {
      actAs(user);
      const response = await certificatePdf(request(), params(certificate.number));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${certificate.number}-certificate-zh-CN.pdf"`);
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    }
  });
});

describe("registry search", () => {
  it("finds by number, product, enterprise, grade and live status", async () => {
    const { certificate, enterprise } = await createIssuedCertificate();
    expect((await searchRegistry({ q: certificate.number.toLowerCase(), page: 1 })).rows.map((row) => row.number)).toEqual([
      certificate.number,
    ]);
    expect((await searchRegistry({ q: enterprise.name, page: 1 })).rows.map((row) => row.number)).toContain(certificate.number);
    expect((await searchRegistry({ q: certificate.productNameEn, page: 1 })).total).toBe(1);
    expect((await searchRegistry({ q: enterprise.name, status: "valid", page: 1 })).total).toBe(1);
    expect((await searchRegistry({ q: enterprise.name, status: "suspended", page: 1 })).total).toBe(0);
    expect((await searchRegistry({ q: enterprise.name, grade: 1, page: 1 })).total).toBe(0);
    await db.update(certificates).set({ expiresOn: "2021-01-01" }).where(eq(certificates.id, certificate.id));
    expect((await searchRegistry({ q: enterprise.name, status: "expired", page: 1 })).total).toBe(1);
    expect((await searchRegistry({ q: enterprise.name, status: "valid", page: 1 })).total).toBe(0);
    expect((await searchRegistry({ q: "100%_", page: 1 })).total).toBe(0);
  });
});
