import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frontCachePurgeUrls } from "@/lib/front-cache/ban";
import { ENGLISH_FIRST_ACCEPT_LANGUAGE } from "@/lib/http/label-page-routes";
import { frontVcl } from "@/scripts/varnish-front";

const vcl = fs.readFileSync(path.join(process.cwd(), "deploy", "varnish.vcl"), "utf8");

describe("the label page's caching front (issue 15)", () => {
  it("chooses English by the router's own Accept-Language pattern", () => {
    // Both are regex sources (a VCL string takes no escapes, `\t` is the regex's own).
    const [, written] = vcl.match(/req\.http\.Accept-Language ~ "\^(.*)\$"\)/) ?? [];
    expect(written).toBe(ENGLISH_FIRST_ACCEPT_LANGUAGE);
  });

  it("points the deployed file's backend at an instance and changes nothing else", () => {
    const pointed = frontVcl("10.0.0.11:3005");
    expect(pointed).toContain('.host = "10.0.0.11";');
    expect(pointed).toContain('.port = "3005";');
    expect(pointed.replace(/backend default \{[^}]*\}/, "")).toBe(vcl.replace(/backend default \{[^}]*\}/, ""));
    expect(() => frontVcl("no-port")).toThrow(/host:port/);
  });

  it("reads FRONT_CACHE_PURGE_URLS, and names what is wrong with it", () => {
    expect(frontCachePurgeUrls({}).urls).toEqual([]);
    expect(frontCachePurgeUrls({ FRONT_CACHE_PURGE_URLS: " http://10.0.0.10:6091,http://10.0.0.11:6091 " }).urls?.map(String)).toEqual([
      "http://10.0.0.10:6091/",
      "http://10.0.0.11:6091/",
    ]);
    expect(frontCachePurgeUrls({ FRONT_CACHE_PURGE_URLS: "10.0.0.10:6091" }).error).toMatch(/"10\.0\.0\.10:6091" is not an absolute URL|must be an http/);
    expect(frontCachePurgeUrls({ FRONT_CACHE_PURGE_URLS: "ftp://front" }).error).toMatch(/must be an http/);
  });
});
