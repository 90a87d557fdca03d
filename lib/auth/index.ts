import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/db/schema";
import { authenticateWithPassword } from "./authenticate";
import type { SessionClaims } from "./session-claims";

class LockedSignIn extends CredentialsSignin {
  code = "locked";
}

declare module "next-auth" {
  interface User {
    role?: Role;
    organizationId?: string;
    sessionVersion?: number;
  }
  interface Session {
    claims?: SessionClaims;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: process.env.AUTH_SECRET,
  trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production",
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // A wrong password is an expected outcome, answered on the form: not a server error.
  logger: {
    error(error: Error) {
      if (error.name === "CredentialsSignin" || error.name === "LockedSignIn") return;
      console.error("[auth]", error);
    },
  },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        const result = await authenticateWithPassword(email, password);
        if (!result.ok) {
          if (result.reason === "locked") throw new LockedSignIn();
          return null;
        }
        return { ...result.claims };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id && user.role && user.organizationId && user.sessionVersion !== undefined) {
        token.claims = {
          id: user.id,
          role: user.role,
          organizationId: user.organizationId,
          sessionVersion: user.sessionVersion,
        } satisfies SessionClaims;
      }
      return token;
    },
    session({ session, token }) {
      session.claims = token.claims as SessionClaims | undefined;
      return session;
    },
  },
}));
