/**
 * Server actions run outside Next here: the session comes from `actAs`
 * (then re-checked against the database like in production) and cache
 * revalidation is a no-op. A user acted as without a session of their own
 * gets one opened on first use and keeps it, like one browser's cookie.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, vi } from "vitest";
import type { SessionClaims } from "@/lib/auth/session-claims";

// One key-encryption key for the whole run, as one installation has: signing keys that earlier
// files sealed stay readable to jobs that sweep every body's certificates (expiry, status lists).
process.env.KEY_ENCRYPTION_KEY ??= "v6m3oYQbq3Wl2ZgqJ0nq8n3Fq3nE0m7s6Yk1pH5vXl0=";

type TestClaims = Omit<SessionClaims, "sessionId" | "expiresAt"> & Partial<Pick<SessionClaims, "sessionId" | "expiresAt">>;

const sessionState = vi.hoisted(() => ({
  claims: null as TestClaims | null,
  sessions: new Map<string, { sessionId: string; expiresAt: number }>(),
  /** The request headers server actions see (the client address comes from X-Forwarded-For). */
  requestHeaders: new Headers({ "x-forwarded-for": "192.0.2.10" }),
}));

vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => sessionState.requestHeaders,
}));

vi.mock("@/lib/auth/session", () => ({
  getSessionClaims: async (): Promise<SessionClaims | null> => {
    const claims = sessionState.claims;
    if (!claims) return null;
    if (claims.sessionId && claims.expiresAt) return { ...claims, sessionId: claims.sessionId, expiresAt: claims.expiresAt };
    let session = sessionState.sessions.get(claims.id);
    if (!session) {
      const { openSession } = await import("@/lib/auth/sessions");
      const opened = await openSession(claims.id);
      session = { sessionId: opened.sessionId, expiresAt: Math.floor(opened.expiresAt.getTime() / 1_000) };
      sessionState.sessions.set(claims.id, session);
    }
    return { ...claims, ...session };
  },
}));

// Proof-of-work challenges are signed with a key derived from the Auth.js secret; the tests
// solve them in Node, with far fewer guesses than a browser is asked for.
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
process.env.PROOF_OF_WORK_GUESSES ??= "150";

vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: vi.fn(),
  // Outside a Next.js server there is no data cache: every read goes to the database.
  unstable_cache: <Args extends unknown[], Result>(read: (...args: Args) => Promise<Result>) => read,
}));

(globalThis as { __carbonlabelSession?: typeof sessionState }).__carbonlabelSession = sessionState;

// Files the code under test stores (evidence, cached certificate PDFs) go to a throw-away
// directory, never into the checkout's ./.data.
const temporaryDataDir = process.env.DATA_DIR ? null : fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-it-data-"));
if (temporaryDataDir) process.env.DATA_DIR = temporaryDataDir;

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  if (!temporaryDataDir) return;
  fs.rmSync(temporaryDataDir, { recursive: true, force: true });
  delete process.env.DATA_DIR;
});
