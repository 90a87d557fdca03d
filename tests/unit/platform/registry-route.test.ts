import { describe, expect, it } from "vitest";
import { registryRewrite } from "@/lib/http/registry-route";
import { applyingRules } from "../../support/label-routing";

const goesStatic = (path: string, headers: Record<string, string> = {}) => applyingRules([registryRewrite()], path, headers).length === 1;

describe("the registry's rewrite to its form without scripts", () => {
  it("takes a page load of /registry by a visitor without a session, and nothing else", () => {
    expect(registryRewrite().destination).toBe("/registry/static");
    expect(goesStatic("/registry")).toBe(true);
    expect(goesStatic("/registry", { cookie: "NEXT_LOCALE=en; theme=dark" })).toBe(true);
    // Signed in, over HTTP or HTTPS: the router's page, with the visitor's own header.
    expect(goesStatic("/registry", { cookie: "authjs.session-token=abc" })).toBe(false);
    expect(goesStatic("/registry", { cookie: "NEXT_LOCALE=en; __Secure-authjs.session-token=abc" })).toBe(false);
    // The router asking for the page's payload (a navigation or a prefetch within the site).
    expect(goesStatic("/registry", { rsc: "1" })).toBe(false);
    expect(goesStatic("/registry", { rsc: "1", "next-router-prefetch": "1" })).toBe(false);
    // Its export and any other path are left alone.
    expect(goesStatic("/registry/export")).toBe(false);
    expect(goesStatic("/registry/static")).toBe(false);
  });
});
