/**
 * The PACT export from the UI (issue 16, part 3): a certified footprint downloads as the PACT v3
 * ProductFootprint the API serves, signed credential included, for the certificate's holder and
 * its issuing body; another enterprise, another body and the regulator are refused, and a
 * certificate PACT cannot describe is refused with the reason.
 */
import { describe, expect, it } from "vitest";
import { GET as pactExportRoute } from "@/app/api/certificates/[number]/pact/route";
import type { ProductFootprint } from "@/lib/pact/footprint";
import { productFootprintProblems } from "@/lib/pact/validate";
import { actorFor, createIssuedCertificate } from "../support/certificate-fixtures";
import { actAs, createOrganization, createUser } from "../support/factories";
import { getFootprint, createPublishedCertificate, pactToken } from "../support/pact";
import { pactExportOfApplication } from "@/lib/dal/pact/certificate-export";

function download(number: string, lang = "en") {
  return pactExportRoute(new Request(`http://localhost/api/certificates/${number}/pact?lang=${lang}`), { params: Promise.resolve({ number }) });
}

describe("PACT export of a certified footprint", () => {
  it("gives the holder the very document GetFootprint serves, as a file, with the signed credential in its extension", async () => {
    const { certificate, footprint, enterpriseUser } = await createPublishedCertificate();
    actAs(enterpriseUser);
    const response = await download(certificate.number);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("content-disposition")).toContain(`${certificate.number}.pact.json`);
    const exported = (await response.json()) as ProductFootprint;
    expect(productFootprintProblems(exported)).toEqual([]);
    expect(exported.id).toBe(footprint.id);
    expect(exported.extensions[0].data.credential.id).toMatch(/^data:application\/vc\+jwt,/);

    const { token } = await pactToken(enterpriseUser);
    const served = (await (await getFootprint(token, footprint.id)).json()) as { data: ProductFootprint };
    expect(exported).toEqual(served.data);
  });

  it("gives it to the body that issued the certificate too", async () => {
    const { certificate, reviewer, verifier } = await createPublishedCertificate();
    for (const user of [reviewer, verifier]) {
      actAs(user);
      expect((await download(certificate.number)).status).toBe(200);
    }
  });

  it("answers another enterprise and another body 404, the regulator 403 and nobody 401, exactly like a missing number", async () => {
    const { certificate } = await createPublishedCertificate();
    const otherEnterprise = await createUser("enterprise", (await createOrganization("enterprise")).id);
    const otherBody = await createOrganization("verification_body");
    const regulator = await createUser("regulator", (await createOrganization("regulator", { region: certificate.region, district: null })).id);
    for (const user of [otherEnterprise, await createUser("verifier", otherBody.id), await createUser("reviewer", otherBody.id)]) {
      actAs(user);
      const response = await download(certificate.number);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: "certificates.errors.notFound" });
    }
    actAs(otherEnterprise);
    const missing = await download("CFP-CQ-2026-7K3M9Q");
    expect(missing.status).toBe(404);
    actAs(regulator);
    expect((await download(certificate.number)).status).toBe(403);
    actAs(null);
    expect((await download(certificate.number)).status).toBe(401);
  });

  it("refuses a certificate PACT cannot describe with the reason, and offers no link for it", async () => {
    const { certificate, enterpriseUser, application } = await createIssuedCertificate();
    actAs(enterpriseUser);
    const response = await download(certificate.number);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "pact.footprints.gaps.productMass", message: expect.stringContaining("mass") });
    // The reports section links the file only where the viewer may have it.
    expect(await pactExportOfApplication(await actorFor(enterpriseUser), application.id)).toEqual({ number: certificate.number });
    const stranger = await createUser("enterprise", (await createOrganization("enterprise")).id);
    expect(await pactExportOfApplication(await actorFor(stranger), application.id)).toBeNull();
  });
});
