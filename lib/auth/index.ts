import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import { encode as encodeJwt } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { authenticateWithPassword } from "./authenticate";
import { clientAddressFrom } from "./client-address";
import type { SessionClaims } from "./session-claims";
import { isSessionLive, SESSION_ABSOLUTE_LIFETIME_HOURS } from "./sessions";

/** Too many attempts on this account or from this address: this one needs a solved challenge. */
class ProofRequiredSignIn extends CredentialsSignin {
  code = "proofRequired";
}

declare module "next-auth" {
  interface User {
    claims?: SessionClaims;
  }
  interface Session {
    claims?: SessionClaims;
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1_000);

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: process.env.AUTH_SECRET,
  trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production",
  // The cookie lives at most as long as the session's absolute lifetime; the idle timeout and
  // revocation are checked against the session's row (lib/auth/sessions.ts) on every request.
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIFETIME_HOURS * 60 * 60 },
  jwt: {
    // Auth.js re-signs the token with a fresh expiry whenever /api/auth/session is read: never
    // past the absolute end of the session it belongs to.
    async encode(params) {
      const claims = params.token?.claims as SessionClaims | undefined;
      const maxAge = claims ? Math.min(params.maxAge ?? Infinity, claims.expiresAt - nowSeconds()) : params.maxAge;
      return encodeJwt({ ...params, maxAge });
    },
  },
  // A wrong password (or a missing proof of work) is an expected outcome, answered on the form:
  // not a server error. Compared by Auth.js's error type, which survives minification.
  logger: {
    error(error: Error) {
      if (error instanceof AuthError && error.type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, proof: {} },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        const proof = typeof credentials?.proof === "string" && credentials.proof ? credentials.proof : undefined;
        if (!email || !password) return null;
        const address = clientAddressFrom(request.headers.get("x-forwarded-for"));
        const result = await authenticateWithPassword(email, password, { address, proof });
        if (!result.ok) {
          if (result.reason === "proofRequired") throw new ProofRequiredSignIn();
          return null;
        }
        return { id: result.claims.id, claims: result.claims };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.claims) {
        token.claims = user.claims;
        return token;
      }
      const claims = token.claims as SessionClaims | undefined;
      // No claims of today's shape, past the absolute lifetime, signed out or idle: the cookie is cleared.
      if (!claims?.sessionId || !claims.expiresAt || claims.expiresAt <= nowSeconds()) return null;
      if (!(await isSessionLive(claims.sessionId, claims.id))) return null;
      return token;
    },
    session({ session, token }) {
      session.claims = token.claims as SessionClaims | undefined;
      return session;
    },
  },
}));
