import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { createTranslator } from "use-intl/core";
import { describe, expect, it, vi } from "vitest";
import { GET as certificatePdf } from "@/app/api/certificates/[number]/certificate/route";
import { GET as labelImage } from "@/app/api/certificates/[number]/label/route";
import { GET as labelJson } from "@/app/api/labels/[number]/route";
import { publicCertificateView } from "@/app/[locale]/labels/[certificateNumber]/public-view";
import { db } from "@/db";
import { certificateCredentials, certificates } from "@/db/schema";
import { recordSurveillanceAction } from "@/lib/actions/certificates/record-surveillance";
import { reinstateCertificateAction } from "@/lib/actions/certificates/reinstate-certificate";
import { suspendCertificateAction } from "@/lib/actions/certificates/suspend-certificate";
import { withdrawCertificateAction } from "@/lib/actions/certificates/withdraw-certificate";
import { envelopedCredential } from "@/lib/credentials/parse-input";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { findPublicCertificate, publicCertificateTag, searchRegistry } from "@/lib/dal/public-certificates";
import { loadMessages } from "@/lib/i18n/messages";
import { createIssuedCertificate } from "../support/certificate-fixtures";
import { pdfPages } from "../support/pdf-text";
import { actAs, createOrganization, createUser } from "../support/factories";

const BASE = "http://portal.test";
const params = (number: string) => ({ params: Promise.resolve({ number }) });

describe("public verification JSON", () => {
  it("carries the page's facts from the frozen snapshot and the signed credential, never inventory, statement or people", async () => {
    const { certificate, enterprise } = await createIssuedCertificate();
    const response = await labelJson(new Request(`${BASE}/api/labels/${certificate.number}`), params(certificate.number));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("public");
    const body = await response.json();
    expect(body).toMatchObject({
      genuine: true,
      number: certificate.number,
      status: "valid",
      holder: { name: enterprise.name },
      scope: { systemBoundary: "cradle_to_gate", declaredUnit: { unit: expect.any(String) } },
      standard: "GB/T 24067-2024",
      certificationScheme: "CNCA-CFP-00:2025",
      result: { value: certificate.value, unit: "kg CO2e" },
      validity: { issuedOn: certificate.issuedOn, expiresOn: certificate.expiresOn },
      snapshotSha256: certificate.snapshotSha256,
      // Under PUBLIC_BASE_URL, whatever address the request came to: the answer is cached for all.
      url: `${platformBaseUrl()}/labels/${certificate.number}`,
      downloads: { label: { svg: { en: `${platformBaseUrl()}/api/certificates/${certificate.number}/label?format=svg&lang=en` } } },
    });
    expect(body.result.stages.length).toBeGreaterThan(0);
    expect(Object.keys(body.result.origin).sort()).toEqual(["biogenic", "biogenicRemovals", "fossil", "landUseChange"]);
    expect(body.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(["issued", "expires"]);
    const [credential] = await db.select().from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id));
    expect(body.credential).toEqual(envelopedCredential(credential.jws));
    const { credential: signed, ...facts } = body;
    expect(signed.id).toContain(credential.jws);
    const text = JSON.stringify(facts);
    for (const secret of ["inventory", "lines", "statement", "leadVerifier", "reviewer", "snapshot\"", "Aluminium"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("lists surveillance, suspension and reinstatement with their public reasons, and a withdrawal ends the timeline", async () => {
    const { certificate, verifier } = await createIssuedCertificate();
    actAs(verifier);
    expect(await recordSurveillanceAction({ certificateId: certificate.id, expectedVersion: 1, performedOn: certificate.issuedOn, result: "passed", notes: "internal notes" })).toMatchObject({ ok: true });
    expect(await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 2, reason: "Label misused" })).toMatchObject({ ok: true });
    expect(await reinstateCertificateAction({ certificateId: certificate.id, expectedVersion: 3, reason: "Corrected" })).toMatchObject({ ok: true });
    expect(await withdrawCertificateAction({ certificateId: certificate.id, expectedVersion: 4, reason: "Fraud" })).toMatchObject({ ok: true });
    // Every one of the four status changes expired the certificate's cached public facts.
    expect(vi.mocked(revalidateTag).mock.calls.filter(([tag]) => tag === publicCertificateTag(certificate.number))).toEqual(
      Array.from({ length: 4 }, () => [publicCertificateTag(certificate.number), { expire: 0 }]),
    );
    const page = await findPublicCertificate(certificate.number);
    expect(page?.timeline.map(({ kind, reason }) => [kind, reason])).toEqual([
      ["issued", null],
      ["surveillancePassed", null],
      ["suspended", "Label misused"],
      ["reinstated", "Corrected"],
      ["withdrawn", "Fraud"],
    ]);
    expect(page?.timeline[1].date).toBe(certificate.issuedOn);
    expect(page).toMatchObject({ status: "withdrawn", statusReason: "Fraud" });
    expect(JSON.stringify(page)).not.toContain("internal notes");
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
    const pdf = await labelImage(new Request(`${BASE}/x?format=pdf&lang=en`), params(certificate.number));
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${certificate.number}-label-en.pdf"`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
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
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
      if (user === enterpriseUser) {
        // The certificate names the digest of its signed credential.
        const [credential] = await db.select().from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id));
        expect((await pdfPages(bytes)).join("\n")).toContain(crypto.createHash("sha256").update(credential.jws).digest("hex"));
      }
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

describe("the public page's view", () => {
  const viewOf = async (number: string, locale: "zh-CN" | "en") => {
    const page = (await findPublicCertificate(number))!;
    const messages = loadMessages(locale);
    const translator = (namespace: string) => createTranslator({ locale, messages, namespace }) as unknown as (key: string, values?: Record<string, string | number>) => string;
    return publicCertificateView(page, {
      t: translator("labels"),
      credentials: translator("credentials.label"),
      en: locale === "en",
      date: (value) => value.slice(0, 10),
      unit: "piece",
    });
  };

  it("is the certificate's facts as text in the page's language, with no key left untranslated", async () => {
    const { certificate, enterprise } = await createIssuedCertificate();
    for (const locale of ["zh-CN", "en"] as const) {
      const view = await viewOf(certificate.number, locale);
      const texts = JSON.stringify(view);
      expect(texts).not.toMatch(/"(public|stages|systemBoundary)\.[A-Za-z]/);
      expect(view.status).toMatchObject({ tone: "valid", number: certificate.number, reason: null });
      expect(view.holder.facts[0].value).toBe(enterprise.name);
      expect(view.body.facts.at(-1)).toEqual(expect.objectContaining({ value: certificate.snapshotSha256, mono: true }));
      expect(view.label.languages.map((language) => language.locale)).toEqual(["zh-CN", "en"]);
      expect(view.label.formats.map((entry) => entry.format)).toEqual(["svg", "png", "pdf"]);
      expect(view.result.stages.length).toBeGreaterThan(0);
      // The widest stage draws the full bar.
      expect(view.result.stages.map((stage) => stage.width)).toContain("100.0%");
      expect(view.history.entries[0].date).toBe(certificate.issuedOn);
    }
  });

  it("shows a suspension's reason under the status", async () => {
    const { certificate } = await createIssuedCertificate();
    await db.update(certificates).set({ status: "suspended", statusReason: "Under investigation", statusChangedAt: new Date() }).where(eq(certificates.id, certificate.id));
    const view = await viewOf(certificate.number, "en");
    expect(view.status).toMatchObject({ tone: "suspended", heading: "Suspended", reason: { label: "Reason", text: "Under investigation" } });
    expect(view.status.reason?.since).toMatch(/^Since /);
  });
});
