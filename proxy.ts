import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic redirect only: a visitor without a session cookie is sent to
 * /login. Real checks happen in the data-access layer of every page and action.
 */
const PROTECTED = ["/enterprise", "/verifier", "/regulator", "/admin"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_LABEL = /^\/labels\/([^/]+)$/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The public verification page answers JSON at the same address when asked for it.
  const label = PUBLIC_LABEL.exec(pathname);
  if (label) {
    if (request.headers.get("accept")?.includes("application/json")) {
      return NextResponse.rewrite(new URL(`/api/labels/${label[1]}`, request.url));
    }
    const response = NextResponse.next();
    response.headers.set("Vary", "Accept");
    return response;
  }
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/enterprise/:path*", "/verifier/:path*", "/regulator/:path*", "/admin/:path*", "/labels/:path*"],
};
