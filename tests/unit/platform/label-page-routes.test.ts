import { describe, expect, it } from "vitest";
import { ENGLISH_FIRST_ACCEPT_LANGUAGE, LABEL_PAGE_CACHE_CONTROL, labelPageHeaders } from "@/lib/http/label-page-routes";
import { DEFAULT_LOCALE, LOCALES, localeFromAcceptLanguage } from "@/lib/i18n/config";
import { config } from "@/proxy";
import { applyingRules as applying, labelPageDestination as destination } from "../../support/label-routing";

const NUMBER = "CFP-CQ-2026-7K3M9Q";

describe("the public label page's router rules (issue 15)", () => {
  it("sends /labels/N to the page in the visitor's language and the JSON form to its route", () => {
    expect(destination(`/labels/${NUMBER}`)).toBe(`/zh-CN/labels/${NUMBER}`);
    expect(destination(`/labels/${NUMBER}`, { "accept-language": "en-GB,en;q=0.9" })).toBe(`/en/labels/${NUMBER}`);
    expect(destination(`/labels/${NUMBER}`, { "accept-language": "en", cookie: "NEXT_LOCALE=zh-CN" })).toBe(`/zh-CN/labels/${NUMBER}`);
    expect(destination(`/labels/${NUMBER}`, { "accept-language": "zh-CN", cookie: "theme=dark; NEXT_LOCALE=en" })).toBe(`/en/labels/${NUMBER}`);
    // A cookie that names no language of ours counts as none.
    expect(destination(`/labels/${NUMBER}`, { "accept-language": "en", cookie: "NEXT_LOCALE=fr" })).toBe(`/en/labels/${NUMBER}`);
    expect(destination(`/labels/${NUMBER}`, { "next-router-prefetch": "1", cookie: "NEXT_LOCALE=en" })).toBe(`/en/labels/${NUMBER}`);
    expect(destination(`/labels/${NUMBER}`, { accept: "application/json", cookie: "NEXT_LOCALE=en" })).toBe(`/api/labels/${NUMBER}`);
    expect(destination(`/labels/${NUMBER.toLowerCase()}`)).toBe(`/zh-CN/labels/${NUMBER.toLowerCase()}`);
    // A malformed number still reaches the page (its "no such certificate") or the JSON route's 404.
    expect(destination("/labels/CFP_CQ")).toBe("/zh-CN/labels/CFP_CQ");
    expect(destination("/labels/CFP_CQ", { accept: "application/json" })).toBe("/api/labels/CFP_CQ");
    // A page in one language, and paths that are no label, are left alone.
    expect(destination(`/en/labels/${NUMBER}`)).toBeNull();
    expect(destination(`/labels/${NUMBER}/extra`)).toBeNull();
  });

  it("picks English exactly when localeFromAcceptLanguage does", () => {
    const english = new RegExp(`^${ENGLISH_FIRST_ACCEPT_LANGUAGE}$`);
    const headers = [
      "en", "EN-us", "zh-CN,zh;q=0.9,en;q=0.8", "en-US,en;q=0.9,zh-CN;q=0.8", "fr-FR,fr;q=0.9,en;q=0.5",
      "de, zh-TW;q=0.8, en;q=0.7", "  en-GB", " zh, en", "*", "fr", "", ",en", "ja;q=0.9,,en", "english-ish",
      "zhx,en", "es-419,es;q=0.9", "en;q=0", "\ten", "fr,\tzh", "x-zh,en",
    ];
    const tags = ["en", "EN-gb", "zh", "zh-CN", "fr", "de-AT", "*", "", "ja;q=0.5", " en", " zh;q=0.1", "\tfr"];
    for (let seed = 1; seed <= 500; seed += 1) {
      const count = 1 + (seed % 4);
      headers.push(Array.from({ length: count }, (_, i) => tags[(seed * 7 + i * 13 + seed * i) % tags.length]).join(","));
    }
    for (const header of headers) {
      expect(english.test(header) ? "en" : DEFAULT_LOCALE, JSON.stringify(header)).toBe(localeFromAcceptLanguage(header));
    }
  });

  it("gives the page the cached page's policy and Cache-Control, HSTS behind HTTPS only, and leaves the JSON form's headers to it", () => {
    const rules = labelPageHeaders({ locales: LOCALES });
    const headersOf = (path: string, request?: Record<string, string>) =>
      Object.fromEntries(applying(rules, path, request).flatMap((rule) => rule.headers.map(({ key, value }) => [key, value])));
    for (const path of [`/labels/${NUMBER}`, `/en/labels/${NUMBER}`, `/zh-CN/labels/${NUMBER}`]) {
      const plain = headersOf(path);
      expect(plain["Content-Security-Policy"], path).toContain("script-src 'none';");
      expect(plain["Content-Security-Policy"], path).not.toContain("nonce-");
      expect(plain["X-Frame-Options"], path).toBe("DENY");
      expect(plain["Cache-Control"], path).toBe(LABEL_PAGE_CACHE_CONTROL);
      expect(plain, path).not.toHaveProperty("Strict-Transport-Security");
      const https = headersOf(path, { "x-forwarded-proto": "https" });
      expect(https["Strict-Transport-Security"], path).toContain("max-age=");
      expect(https["Content-Security-Policy"], path).toContain("upgrade-insecure-requests");
    }
    expect(headersOf(`/labels/${NUMBER}`, { accept: "application/json" })).toEqual({});
    expect(headersOf(`/fr/labels/${NUMBER}`)).toEqual({});
  });

  it("keeps the proxy off exactly the paths these rules serve", () => {
    const pattern = new RegExp(`^${config.matcher[0]}$`);
    for (const path of [`/labels/${NUMBER}`, `/en/labels/${NUMBER}`, `/zh-CN/labels/${NUMBER.toLowerCase()}`, "/robots.txt"]) {
      expect(pattern.test(path), path).toBe(false);
    }
    // A malformed number, another path below it, another language: the proxy answers them.
    for (const path of ["/labels/%E4%B8%AD", `/labels/${NUMBER}/x`, `/fr/labels/${NUMBER}`, "/labels", "/registry", "/robots.txt/x"]) {
      expect(pattern.test(path), path).toBe(true);
    }
  });
});
