import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Lets several builds (tests, benchmarks) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@resvg/resvg-js", "pdf-lib", "fontkit", "exceljs", "pg-boss"],
  poweredByHeader: false,
  // The public verification page answers JSON at the same address when asked for it (a route
  // handler cannot share the page's path); resolved by the router, no proxy code per request.
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: "/labels/:number",
          has: [{ type: "header", key: "accept", value: ".*application/json.*" }],
          destination: "/api/labels/:number",
        },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403.
    authInterrupts: true,
    // Two root layouts (app/(site), the public label page's): an address neither matches gets
    // app/global-not-found.tsx, in the site's frame and the visitor's language.
    globalNotFound: true,
    // The render cache (the public label page, its data) stays in memory, bounded by
    // cacheMaxMemorySize (least recently used go first): any well-formed certificate number can
    // be asked for, and each would otherwise leave files on disk for good.
    isrFlushToDisk: false,
    // A 20 MB evidence file with its multipart framing fits both limits. The proxy (proxy.ts)
    // runs on every path and buffers at most proxyClientMaxBodySize of a body (10 MB by default):
    // a larger body reached the action cut short and failed with a 500 (issue 11, defect 9).
    serverActions: { bodySizeLimit: "25mb" },
    proxyClientMaxBodySize: "25mb",
  },
};

export default withNextIntl(nextConfig);
