/** Solves proof-of-work challenges the way the browser does, for actions that need one. */
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { createProofChallenge, type ProofPurpose } from "@/lib/auth/proof-of-work";

export async function solvedProof(purpose: ProofPurpose, subject = "", level = 1): Promise<string> {
  const challenge = await createProofChallenge({ purpose, subject, level });
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("the challenge was not solved in time");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

/** Makes the next server actions come from this client address. */
export function fromAddress(address: string) {
  const state = (globalThis as unknown as { __carbonlabelSession: { requestHeaders: Headers } }).__carbonlabelSession;
  state.requestHeaders = new Headers({ "x-forwarded-for": address });
}
