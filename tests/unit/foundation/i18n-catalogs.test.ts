import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const MESSAGES = path.resolve(import.meta.dirname, "../../../lib/i18n/messages");

function flatKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => flatKeys(child, prefix ? `${prefix}.${key}` : key));
}

function catalog(locale: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(MESSAGES, locale, file), "utf8"));
}

describe("i18n catalogs", () => {
  const namespaces = fs.readdirSync(path.join(MESSAGES, "en")).filter((file) => file.endsWith(".json"));

  it("have the same namespaces in Chinese and English", () => {
    expect(fs.readdirSync(path.join(MESSAGES, "zh-CN")).sort()).toEqual(namespaces.sort());
  });

  it.each(namespaces)("%s has the same keys in both languages and no empty string", (file) => {
    const en = catalog("en", file);
    const zh = catalog("zh-CN", file);
    expect(flatKeys(zh).sort()).toEqual(flatKeys(en).sort());
    for (const messages of [en, zh]) {
      const empty = flatKeys(messages).filter((key) => {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty).toEqual([]);
    }
  });
});
