import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, certificateCredentials, certificates, signingKeys, statusListCredentials } from "@/db/schema";
import { reinstateCertificateAction } from "@/lib/actions/certificates/reinstate-certificate";
import { suspendCertificateAction } from "@/lib/actions/certificates/suspend-certificate";
import { withdrawCertificateAction } from "@/lib/actions/certificates/withdraw-certificate";
import { rotateSigningKeyAction } from "@/lib/actions/credentials/rotate-signing-key";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { verifyCredential } from "@/lib/credentials/verify-credential";
import { issueMissingCredentials } from "@/lib/domain/credentials/issue-missing-credentials";
import { executeOperation } from "@/lib/domain/operation";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";
import { systemActor } from "@/lib/policy";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { GET as credentialRoute } from "@/app/api/labels/[number]/credential/route";
import { GET as platformJwksRoute } from "@/app/.well-known/jwks.json/route";
import { createIssuedCertificate } from "../support/certificate-fixtures";
import {
  credentialOf,
  decodeSegment,
  encodeSegment,
  fetchFromPlatform,
  independentlyVerified,
  publishedKeys,
  publishedStatusBit,
} from "../support/credential-fixtures";
import { actAs, createOrganization, createUser } from "../support/factories";

const verify = (input: string) => verifyCredential(input, { platformBaseUrl: platformBaseUrl(), fetchText: fetchFromPlatform });

/** Every leaf of a JSON value with its path, to change one value at a time. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      leaves(child, [...path, Array.isArray(value) ? Number(key) : key]),
    );
  }
  return [path];
}

function withChangedLeaf(payload: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> {
  const copy = structuredClone(payload);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const current = target[last];
  target[last] = typeof current === "number" ? current + 1 : typeof current === "boolean" ? !current : current === null ? "changed" : `${String(current)}x`;
  return copy;
}

describe("the certificate's signed credential", () => {
  it("is signed at issuance by the body's key and states what was certified", async () => {
    const { certificate, enterprise, body } = await createIssuedCertificate();
    const credential = await credentialOf(certificate.id);
    expect(credential).toBeDefined();

    const [header, payload] = credential.jws.split(".").map((segment, i) => (i < 2 ? decodeSegment(segment) : null));
    expect(header).toEqual({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid: credential.kid });
    const base = platformBaseUrl();
    expect(payload).toMatchObject({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiableCredential", "ProductCarbonFootprintCertificate"],
      issuer: { id: `${base}/issuers/${body.id}`, name: body.name },
      iss: `${base}/issuers/${body.id}`,
      validFrom: `${certificate.issuedOn}T00:00:00+08:00`,
      validUntil: `${certificate.expiresOn}T23:59:59+08:00`,
      credentialSubject: {
        certificateNumber: certificate.number,
        enterprise: { name: enterprise.name, unifiedSocialCreditCode: enterprise.creditCode },
        carbonFootprint: { value: certificate.value, unit: "kg CO2e" },
        standard: "GB/T 24067-2024",
        certificationScheme: "CNCA-CFP-00:2025",
        systemBoundary: "cradle_to_gate",
        certificateSnapshotSha256: certificate.snapshotSha256,
        validity: { issuedOn: certificate.issuedOn, expiresOn: certificate.expiresOn },
      },
    });
    const subject = (payload as { credentialSubject: Record<string, unknown> }).credentialSubject;
    const { calculation } = (certificate.snapshot as CertificateSnapshot).inventory;
    expect(subject.stageBreakdown).toEqual(
      LIFE_CYCLE_STAGES.filter((stage) => calculation.byStage[stage] !== undefined).map((stage) => ({ stage, value: calculation.byStage[stage] })),
    );
    expect(subject.emissionsByOrigin).toEqual({
      fossil: calculation.byCategory.fossil,
      biogenic: calculation.byCategory.biogenic,
      landUseChange: calculation.byCategory.land_use_change,
      biogenicRemovals: calculation.biogenicRemovals,
    });
    expect(subject.referencePeriod).toEqual({ start: expect.any(String), end: expect.any(String) });
    expect((payload as { credentialStatus: unknown[] }).credentialStatus).toEqual(
      ["revocation", "suspension"].map((purpose) => ({
        id: `${base}/issuers/${body.id}/status/${purpose}#${credential.statusListIndex}`,
        type: "BitstringStatusListEntry",
        statusPurpose: purpose,
        statusListIndex: String(credential.statusListIndex),
        statusListCredential: `${base}/issuers/${body.id}/status/${purpose}`,
      })),
    );

    const [key] = await publishedKeys(body.id);
    expect(key.kid).toBe(credential.kid);
    expect(await independentlyVerified(credential.jws, key)).toBe(true);
    expect(await verify(credential.jws)).toMatchObject({ readable: true, verdict: "valid", signature: "valid", status: { revocation: "unset", suspension: "unset" } });
  });

  it("stops verifying when any one value is changed", async () => {
    const { certificate, body } = await createIssuedCertificate();
    const { jws } = await credentialOf(certificate.id);
    const [header, payloadSegment, signature] = jws.split(".");
    const payload = decodeSegment(payloadSegment);
    const [key] = await publishedKeys(body.id);
    const paths = leaves(payload);
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      const tampered = `${header}.${encodeSegment(withChangedLeaf(payload, path))}.${signature}`;
      expect(await independentlyVerified(tampered, key), path.join(".")).toBe(false);
    }
    const valueChanged = `${header}.${encodeSegment(withChangedLeaf(payload, ["credentialSubject", "carbonFootprint", "value"]))}.${signature}`;
    expect(await verify(valueChanged)).toMatchObject({ readable: true, verdict: "invalid", credential: null });
  });

  it("is offered for download as JSON and as the bare JWS, and the platform JWKS lists its key", async () => {
    const { certificate } = await createIssuedCertificate();
    const { jws, kid } = await credentialOf(certificate.id);
    const params = { params: Promise.resolve({ number: certificate.number }) };
    const json = await credentialRoute(new Request(`${platformBaseUrl()}/api/labels/x/credential?download=1`), params);
    expect(json.headers.get("content-disposition")).toContain(`${certificate.number}.vc.json`);
    expect(await json.json()).toEqual({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id: `data:application/vc+jwt,${jws}`,
      type: "EnvelopedVerifiableCredential",
    });
    const bare = await credentialRoute(new Request(`${platformBaseUrl()}/x`, { headers: { Accept: "application/vc+jwt" } }), {
      params: Promise.resolve({ number: certificate.number }),
    });
    expect(bare.headers.get("content-type")).toBe("application/vc+jwt");
    expect(await bare.text()).toBe(jws);
    const missing = await credentialRoute(new Request(`${platformBaseUrl()}/x`), { params: Promise.resolve({ number: "CFP-CQ-2026-ZZZZZZ" }) });
    expect(missing.status).toBe(404);
    const keys = (await (await platformJwksRoute()).json()).keys as Array<{ kid: string }>;
    expect(keys.map((k) => k.kid)).toContain(kid);
  });
});

describe("the status lists", () => {
  it("flip the certificate's bit with suspension, reinstatement and withdrawal, in the change's own transaction", async () => {
    const { certificate, verifier, body } = await createIssuedCertificate();
    const { jws, statusListIndex } = await credentialOf(certificate.id);
    expect(await publishedStatusBit(body.id, "suspension", statusListIndex)).toBe(false);

    actAs(verifier);
    expect(await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "Label misused" })).toMatchObject({ ok: true });
    expect(await publishedStatusBit(body.id, "suspension", statusListIndex)).toBe(true);
    expect(await publishedStatusBit(body.id, "revocation", statusListIndex)).toBe(false);
    expect(await verify(jws)).toMatchObject({ verdict: "suspended", signature: "valid", status: { suspension: "set", revocation: "unset" } });

    expect(await reinstateCertificateAction({ certificateId: certificate.id, expectedVersion: 2, reason: "" })).toMatchObject({ ok: true });
    expect(await publishedStatusBit(body.id, "suspension", statusListIndex)).toBe(false);
    expect(await verify(jws)).toMatchObject({ verdict: "valid" });

    expect(await withdrawCertificateAction({ certificateId: certificate.id, expectedVersion: 3, reason: "Fraud" })).toMatchObject({ ok: true });
    expect(await publishedStatusBit(body.id, "revocation", statusListIndex)).toBe(true);
    expect(await verify(jws)).toMatchObject({ verdict: "revoked", status: { revocation: "set" } });
  });

  it("stay unchanged when the status change is refused", async () => {
    const { certificate, enterpriseUser, body } = await createIssuedCertificate();
    const before = await db.select().from(statusListCredentials).where(eq(statusListCredentials.verificationBodyId, body.id));
    actAs(enterpriseUser);
    expect(await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "Not mine to do" })).toMatchObject({ ok: false });
    const after = await db.select().from(statusListCredentials).where(eq(statusListCredentials.verificationBodyId, body.id));
    expect(after).toEqual(before);
  });
});

describe("signing key rotation", () => {
  it("lets the body's reviewer rotate: old credentials still verify, new ones use the new key, audited", async () => {
    const first = await createIssuedCertificate();
    const { body, reviewer } = first;
    const old = await credentialOf(first.certificate.id);

    actAs(reviewer);
    const rotated = await rotateSigningKeyAction({ verificationBodyId: body.id, reason: "Yearly rotation" });
    expect(rotated).toMatchObject({ ok: true, data: { retiredKid: old.kid } });
    const newKid = rotated.ok ? rotated.data.kid : "";

    const keys = await db.select().from(signingKeys).where(eq(signingKeys.verificationBodyId, body.id));
    expect(keys.map((key) => [key.kid, key.status]).sort()).toEqual([[newKid, "active"], [old.kid, "retired"]].sort());
    expect((await publishedKeys(body.id)).map((key) => key.kid).sort()).toEqual([newKid, old.kid].sort());
    expect(await verify(old.jws)).toMatchObject({ verdict: "valid" });
    const lists = await db.select().from(statusListCredentials).where(eq(statusListCredentials.verificationBodyId, body.id));
    expect(lists.map((list) => list.kid)).toEqual([newKid, newKid]);

    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "signingKey.rotate"), eq(auditEvents.subjectOrganizationId, body.id))).orderBy(auditEvents.id);
    expect(event).toMatchObject({ actorUserId: reviewer.id, reason: "Yearly rotation", data: { kid: newKid, retiredKid: old.kid } });
    // The rotation's private key is sealed at rest: the stored text carries no key material in the clear.
    const [active] = keys.filter((key) => key.status === "active");
    expect(active.sealedPrivateKey).toMatch(/^v1\.[0-9a-f]{16}\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("lets the admin rotate any body's key", async () => {
    const { body } = await createIssuedCertificate();
    actAs(await createUser("admin"));
    expect(await rotateSigningKeyAction({ verificationBodyId: body.id, reason: "Suspected leak" })).toMatchObject({ ok: true });
  });

  it("refuses the body's verifiers, another body's reviewer, the enterprise, the regulator and anonymous, changing nothing", async () => {
    const { body, verifier, enterpriseUser } = await createIssuedCertificate();
    const otherReviewer = await createUser("reviewer", (await createOrganization("verification_body")).id);
    const regulator = await createUser("regulator", (await createOrganization("regulator", { region: "500000" })).id);
    const before = await db.select().from(signingKeys).where(eq(signingKeys.verificationBodyId, body.id));
    const input = { verificationBodyId: body.id, reason: "Not allowed" };
    const refusals: Array<[Parameters<typeof actAs>[0], string]> = [
      [verifier, "errors.forbidden"],
      [otherReviewer, "credentials.errors.bodyNotFound"],
      [enterpriseUser, "errors.forbidden"],
      [regulator, "errors.forbidden"],
      [null, "errors.unauthenticated"],
    ];
    for (const [user, message] of refusals) {
      actAs(user);
      expect(await rotateSigningKeyAction(input)).toMatchObject({ ok: false, message });
    }
    expect(await db.select().from(signingKeys).where(eq(signingKeys.verificationBodyId, body.id))).toEqual(before);
  });

  it("answers a missing reason next to the field", async () => {
    const { body, reviewer } = await createIssuedCertificate();
    actAs(reviewer);
    expect(await rotateSigningKeyAction({ verificationBodyId: body.id, reason: " " })).toMatchObject({
      ok: false,
      message: "errors.validation",
      fieldErrors: { reason: expect.any(Array) },
    });
  });
});

describe("credentials of earlier certificates", () => {
  it("are signed by the platform at start-up, audited, with the certificate's current status", async () => {
    const { certificate, verifier, body } = await createIssuedCertificate();
    actAs(verifier);
    await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "Label misused" });
    // As in a database from before credentials existed.
    await db.delete(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id));

    const outcome = await executeOperation(issueMissingCredentials, systemActor("credential-backfill"), {});
    expect(outcome).toMatchObject({ ok: true, data: { signed: expect.any(Number) } });
    const credential = await credentialOf(certificate.id);
    expect(await verify(credential.jws)).toMatchObject({ verdict: "suspended", signature: "valid" });
    expect(await publishedStatusBit(body.id, "suspension", credential.statusListIndex)).toBe(true);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.certificateId, certificate.id), eq(auditEvents.action, "certificate.signCredential"))).orderBy(auditEvents.id);
    expect(events).toMatchObject([{ actorUserId: null, data: { number: certificate.number, kid: credential.kid, job: "credential-backfill" } }]);

    const again = await executeOperation(issueMissingCredentials, systemActor("credential-backfill"), {});
    expect(again).toMatchObject({ ok: true, data: { signed: 0 } });
  });

  it("is a platform job: a person cannot run it", async () => {
    const admin = await createUser("admin");
    const [row] = await db.select({ id: certificates.id }).from(certificates).limit(1);
    expect(row).toBeDefined();
    const outcome = await executeOperation(issueMissingCredentials, { ...admin, email: admin.email, name: admin.name, organizationKind: "operator", organizationName: "", region: "500000", district: null }, {});
    expect(outcome).toMatchObject({ ok: false });
  });
});
