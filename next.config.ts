import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { labelPageHeaders, labelPageRewrites } from "@/lib/http/label-page-routes";
import { registryRewrite } from "@/lib/http/registry-route";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Lets several builds (tests, benchmarks) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@resvg/resvg-js", "pdf-lib", "fontkit", "exceljs", "pg-boss"],
  poweredByHeader: false,
  // The public label page is routed by the router alone, with no proxy code per request: its
  // JSON form, its language and its headers (lib/http/label-page-routes.ts). The registry, for a
  // visitor who is not signed in, goes to its form without scripts (lib/http/registry-route.ts).
  async rewrites() {
    return {
      beforeFiles: [...labelPageRewrites({ locales: LOCALES, defaultLocale: DEFAULT_LOCALE, cookie: LOCALE_COOKIE }), registryRewrite()],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      ...labelPageHeaders({ locales: LOCALES }),
      // The label page's stylesheet and font (scripts/build-label-assets.mjs): each name carries its content's hash.
      { source: "/label-page/:file", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403.
    authInterrupts: true,
    // The root layout is in a route group (app/(site)): an address it does not match gets
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
