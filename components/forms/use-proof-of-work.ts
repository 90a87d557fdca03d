"use client";

import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { useCallback, useState } from "react";
import { requestChallengeAction } from "@/lib/actions/session/request-challenge";
import type { ChallengeRequest } from "@/lib/validation/schemas/auth";

export type ProofState = "idle" | "solving" | "solved" | "failed" | "insecure";

/**
 * Asks the server for a proof-of-work challenge and solves it in the browser (Web Crypto
 * PBKDF2, in small asynchronous steps so the page stays responsive). Returns the payload the
 * server action takes, or null when it could not be solved.
 */
export function useProofOfWork() {
  const [state, setState] = useState<ProofState>("idle");
  const solve = useCallback(async (request: ChallengeRequest): Promise<string | null> => {
    // Web Crypto exists only in secure contexts: HTTPS, or http://localhost.
    if (!globalThis.crypto?.subtle) {
      setState("insecure");
      return null;
    }
    setState("solving");
    try {
      const challenge = await requestChallengeAction(request);
      if (!challenge.ok) {
        setState("failed");
        return null;
      }
      const solution = await solveChallenge({ challenge: challenge.data, deriveKey });
      if (!solution) {
        setState("failed");
        return null;
      }
      setState("solved");
      return btoa(JSON.stringify({ challenge: challenge.data, solution }));
    } catch {
      setState("failed");
      return null;
    }
  }, []);
  return { state, solve };
}
