import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic redirect only: a visitor without a session cookie is sent to
 * /login. Real checks happen in the data-access layer of every page and action.
 */
const PROTECTED = ["/enterprise", "/verifier", "/regulator", "/admin"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/enterprise/:path*", "/verifier/:path*", "/regulator/:path*", "/admin/:path*"],
};
