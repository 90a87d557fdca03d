import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { UNIT_CODES } from "@/lib/calc/units";
import { localName } from "@/lib/i18n/names";
import { loadMessages } from "@/lib/i18n/messages";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const HAN = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

function flat(value: unknown, prefix = ""): Array<[string, string]> {
  if (typeof value === "string") return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => flat(child, prefix ? `${prefix}.${key}` : key));
}

function lookup(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe("one language at a time", () => {
  it("lists every audit event type an operation records", () => {
    const recorded = new Set<string>();
    for (const file of files(path.join(ROOT, "lib/domain"))) {
      for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        if (!/\baction: /.test(line)) continue;
        for (const [, action] of line.matchAll(/"([a-z][A-Za-z]*\.[a-z][A-Za-z]*)"/g)) recorded.add(action);
      }
    }
    expect(recorded.size).toBeGreaterThan(40);
    expect([...recorded].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });

  it.each(["zh-CN", "en"] as const)("names every audit event type and unit in %s", (locale) => {
    const messages = loadMessages(locale);
    expect(AUDIT_ACTIONS.filter((action) => typeof lookup(messages, `audit.actions.${action}`) !== "string")).toEqual([]);
    expect(UNIT_CODES.filter((unit) => typeof lookup(messages, `common.units.${unit}`) !== "string")).toEqual([]);
  });

  it("has no Chinese in the English catalog except the name of the Chinese language", () => {
    // A language picker names each language in that language (WCAG 3.1.2 marks it with lang).
    const languageNames = new Set(["certificates.langZh", "security.preferences.languages.zh-CN"]);
    const chinese = flat(loadMessages("en")).filter(([key, text]) => HAN.test(text) && !languageNames.has(key));
    expect(chinese).toEqual([]);
  });

  it("falls back to the other language's name only where one is missing", () => {
    expect(localName("中碳科技", "Zhongtan Tech", "en")).toBe("Zhongtan Tech");
    expect(localName("中碳科技", "Zhongtan Tech", "zh-CN")).toBe("中碳科技");
    expect(localName("中碳科技", null, "en")).toBe("中碳科技");
    expect(localName("中碳科技", "  ", "en")).toBe("中碳科技");
    expect(localName("", "Zhongtan Tech", "zh-CN")).toBe("Zhongtan Tech");
  });
});
