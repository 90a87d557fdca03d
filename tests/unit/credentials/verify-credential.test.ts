import { describe, expect, it } from "vitest";
import { envelopedCredential } from "@/lib/credentials/parse-input";
import { verifyCredential } from "@/lib/credentials/verify-credential";
import { CREDENTIAL_PATHS } from "@/lib/credentials/vocabulary";
import { BASE_URL, BODY_ID, credentialSource, signedCertificate, signedStatusList, testSigner, type TestSigner } from "./fixtures";

const NOW = new Date("2026-06-01T00:00:00Z");

/** A platform that publishes `documents` at their paths and nothing else. */
function platform(documents: Record<string, string>) {
  const fetched: string[] = [];
  return {
    fetched,
    fetchText: async (path: string) => {
      fetched.push(path);
      if (!(path in documents)) throw new Error(`404 ${path}`);
      return documents[path];
    },
  };
}

async function publishedBy(signer: TestSigner, bits: { revocation?: number[]; suspension?: number[] } = {}, listSigner = signer) {
  return {
    [CREDENTIAL_PATHS.issuerJwks(BODY_ID)]: JSON.stringify({ keys: [signer.jwk] }),
    [CREDENTIAL_PATHS.statusList(BODY_ID, "revocation")]: await signedStatusList(listSigner, "revocation", bits.revocation ?? []),
    [CREDENTIAL_PATHS.statusList(BODY_ID, "suspension")]: await signedStatusList(listSigner, "suspension", bits.suspension ?? []),
  };
}

const check = (input: string, documents: Record<string, string>, now = NOW) =>
  verifyCredential(input, { platformBaseUrl: BASE_URL, fetchText: platform(documents).fetchText, now });

describe("verifying a credential as /verify does", () => {
  it("finds a genuine, current, unrevoked credential valid, from the JWS or the downloaded JSON", async () => {
    const signer = await testSigner();
    const jws = await signedCertificate(signer);
    const documents = await publishedBy(signer);
    for (const input of [jws, JSON.stringify(envelopedCredential(jws))]) {
      const report = await check(input, documents);
      expect(report).toMatchObject({ readable: true, verdict: "valid", signature: "valid", validity: "current", status: { revocation: "unset", suspension: "unset" } });
      expect(report.readable && report.credential).toMatchObject({ credentialSubject: { certificateNumber: "CFP-CQ-2026-7K3M9Q" } });
      expect(report.readable && report.credential).not.toHaveProperty("iss");
    }
  });

  it("finds a changed value invalid and shows none of its content", async () => {
    const signer = await testSigner();
    const [header, payload, signature] = (await signedCertificate(signer)).split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    claims.credentialSubject.carbonFootprint.value = "150";
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
    expect(await check(tampered, await publishedBy(signer))).toMatchObject({ verdict: "invalid", signature: "invalid", credential: null });
  });

  it("refuses to vouch for an issuer outside the platform or a key it does not publish", async () => {
    const signer = await testSigner();
    const elsewhere = credentialSource();
    const foreign = await signedCertificate(signer, 1, elsewhere);
    const documents = await publishedBy(signer);
    const fetched = platform(documents);
    const report = await verifyCredential(foreign, { platformBaseUrl: "https://other-platform.example", fetchText: fetched.fetchText, now: NOW });
    expect(report).toMatchObject({ verdict: "untrusted", signature: "foreignIssuer" });
    expect(fetched.fetched).toEqual([]);

    const impostor = await testSigner();
    expect(await check(await signedCertificate(impostor), documents)).toMatchObject({ verdict: "untrusted", signature: "unknownKey" });
  });

  it("reads the live bits: suspended, withdrawn", async () => {
    const signer = await testSigner();
    const jws = await signedCertificate(signer, 4242);
    expect(await check(jws, await publishedBy(signer, { suspension: [4242] }))).toMatchObject({ verdict: "suspended", status: { suspension: "set" } });
    expect(await check(jws, await publishedBy(signer, { revocation: [4242] }))).toMatchObject({ verdict: "revoked", status: { revocation: "set" } });
    expect(await check(jws, await publishedBy(signer, { suspension: [4241, 4243] }))).toMatchObject({ verdict: "valid" });
  });

  it("does not trust a status list signed by another key or missing: the status is unknown", async () => {
    const signer = await testSigner();
    const jws = await signedCertificate(signer);
    const forged = await publishedBy(signer, {}, await testSigner());
    expect(await check(jws, forged)).toMatchObject({ verdict: "statusUnknown", status: { revocation: "invalid", suspension: "invalid" } });
    const documents = await publishedBy(signer);
    delete documents[CREDENTIAL_PATHS.statusList(BODY_ID, "suspension")];
    expect(await check(jws, documents)).toMatchObject({ verdict: "statusUnknown", status: { revocation: "unset", suspension: "unavailable" } });
  });

  it("reports the validity period the signature covers", async () => {
    const signer = await testSigner();
    const jws = await signedCertificate(signer);
    const documents = await publishedBy(signer);
    expect(await check(jws, documents, new Date("2028-03-15T15:59:58Z"))).toMatchObject({ verdict: "valid" });
    expect(await check(jws, documents, new Date("2028-03-15T16:00:00Z"))).toMatchObject({ verdict: "expired", validity: "expired" });
    expect(await check(jws, documents, new Date("2026-03-14T15:59:59Z"))).toMatchObject({ verdict: "notYetValid" });
  });

  it("says when the keys cannot be fetched, and when the input is no credential", async () => {
    const signer = await testSigner();
    expect(await check(await signedCertificate(signer), {})).toMatchObject({ verdict: "keysUnavailable", signature: "unavailable" });
    expect(await check("abc.def.ghi", {})).toMatchObject({ readable: false, reason: "malformed" });
    expect(await check("", {})).toMatchObject({ readable: false, reason: "empty" });
  });
});
