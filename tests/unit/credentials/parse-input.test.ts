import { describe, expect, it } from "vitest";
import { envelopedCredential, parseCredentialInput } from "@/lib/credentials/parse-input";

const JWS = "eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln";

describe("what /verify accepts", () => {
  it("takes the compact JWS, its data: URL and the downloaded JSON envelope", () => {
    expect(parseCredentialInput(`  ${JWS}\n`)).toEqual({ ok: true, jws: JWS });
    expect(parseCredentialInput(`data:application/vc+jwt,${JWS}`)).toEqual({ ok: true, jws: JWS });
    expect(parseCredentialInput(JSON.stringify(envelopedCredential(JWS), null, 2))).toEqual({ ok: true, jws: JWS });
    expect(parseCredentialInput(JSON.stringify(JWS))).toEqual({ ok: true, jws: JWS });
  });

  it("names why anything else cannot be checked", () => {
    expect(parseCredentialInput("   ")).toEqual({ ok: false, reason: "empty" });
    expect(parseCredentialInput(JSON.stringify({ "@context": [], type: ["VerifiableCredential"], issuer: "x" }))).toEqual({ ok: false, reason: "unsecured" });
    expect(parseCredentialInput(JSON.stringify({ type: ["VerifiableCredential"], proof: { type: "DataIntegrityProof" } }))).toEqual({
      ok: false,
      reason: "unsupportedProof",
    });
    expect(parseCredentialInput(JSON.stringify({ type: "EnvelopedVerifiableCredential", id: "data:text/plain,hello" }))).toEqual({
      ok: false,
      reason: "unrecognized",
    });
    expect(parseCredentialInput("{ not json")).toEqual({ ok: false, reason: "unrecognized" });
    expect(parseCredentialInput("hello world")).toEqual({ ok: false, reason: "unrecognized" });
  });
});
