import "server-only";
import { hkdfSync, randomInt } from "node:crypto";
import { createChallenge, verifySolution, type Challenge, type Payload } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { lt } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { proofOfWorkRedemptions } from "@/db/schema";

/**
 * Self-hosted proof of work (ALTCHA, PBKDF2/SHA-256): the browser searches for the counter
 * that derives the key whose prefix the challenge names; the server checks the answer with one
 * HMAC. Challenges are signed, bound to their purpose (and to the email for a sign-in), expire,
 * and count once. No outside service is involved.
 */
export type ProofPurpose = "sign-in" | "sign-up";

/** PBKDF2 iterations per guess. */
const COST = 1_000;
/**
 * Guesses a level-1 challenge takes on average (PROOF_OF_WORK_GUESSES, default 4,500: about a
 * second in a current desktop browser, 1,500 guesses take 0.34 s in headless Chromium here);
 * each further level doubles them, up to MAX_PROOF_LEVEL (8×, some ten seconds).
 */
const DEFAULT_GUESSES = 4_500;
export const MAX_PROOF_LEVEL = 4;
const LIFETIME_MS = 10 * 60_000;

function levelOneGuesses(): number {
  const configured = Number(process.env.PROOF_OF_WORK_GUESSES);
  return Number.isInteger(configured) && configured >= 10 ? configured : DEFAULT_GUESSES;
}

function secrets() {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to sign proof-of-work challenges.");
  const derive = (label: string) => Buffer.from(hkdfSync("sha256", secret, "carbonlabel", label, 32)).toString("hex");
  return { challenge: derive("altcha challenge"), key: derive("altcha key") };
}

type ProofChallengeInput = { purpose: ProofPurpose; subject: string; level: number };

export async function createProofChallenge({ purpose, subject, level }: ProofChallengeInput): Promise<Challenge> {
  const { challenge, key } = secrets();
  const boundedLevel = Math.min(MAX_PROOF_LEVEL, Math.max(1, Math.trunc(level)));
  const guesses = levelOneGuesses() * 2 ** (boundedLevel - 1);
  return createChallenge({
    algorithm: "PBKDF2/SHA-256",
    cost: COST,
    // The answer lies anywhere in ±1/3 of the average, so no fixed amount of work finds it.
    counter: randomInt(Math.round((guesses * 2) / 3), Math.round((guesses * 4) / 3)),
    deriveKey,
    data: { purpose, subject, level: boundedLevel },
    expiresAt: new Date(Date.now() + LIFETIME_MS),
    hmacSignatureSecret: challenge,
    hmacKeySignatureSecret: key,
  });
}

const hex = z.string().max(256).regex(/^[0-9a-f]*$/i);
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.string().max(32),
      nonce: hex,
      salt: hex,
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: hex,
      keySignature: hex.optional(),
      memoryCost: z.number().optional(),
      parallelism: z.number().optional(),
      expiresAt: z.number().optional(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: hex.optional(),
  }),
  solution: z.object({ counter: z.number(), derivedKey: hex }),
});

/** The browser sends `{ challenge, solution }` as base64 JSON (ALTCHA's payload format). */
function parsePayload(encoded: string): Payload | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(encoded, "base64").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type ProofExpectation = { purpose: ProofPurpose; subject: string };

/**
 * The level of the challenge `encoded` solves when this server signed it for this purpose and
 * subject, it has not expired and was never redeemed before — then it is redeemed. 0 otherwise.
 */
export async function redeemProof(encoded: string | undefined, expected: ProofExpectation): Promise<number> {
  if (!encoded || encoded.length > 4_000) return 0;
  const payload = parsePayload(encoded);
  if (!payload) return 0;
  const { challenge, key } = secrets();
  const result = await verifySolution({
    challenge: payload.challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: challenge,
    hmacKeySignatureSecret: key,
  });
  const data = payload.challenge.parameters.data ?? {};
  if (!result.verified || data.purpose !== expected.purpose || data.subject !== expected.subject) return 0;
  if (typeof data.level !== "number" || !Number.isInteger(data.level) || data.level < 1) return 0;
  const now = new Date();
  await db.delete(proofOfWorkRedemptions).where(lt(proofOfWorkRedemptions.expiresAt, now));
  const redeemed = await db
    .insert(proofOfWorkRedemptions)
    .values({
      challengeId: payload.challenge.parameters.nonce,
      expiresAt: new Date((payload.challenge.parameters.expiresAt ?? now.getTime() / 1_000 + LIFETIME_MS / 1_000) * 1_000),
    })
    .onConflictDoNothing()
    .returning({ challengeId: proofOfWorkRedemptions.challengeId });
  return redeemed.length === 1 ? data.level : 0;
}
