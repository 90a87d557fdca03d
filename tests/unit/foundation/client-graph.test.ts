import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { requiredNamespaces } from "../../support/client-graph";

/** The collector behind the client-namespace lists, on small modules of its own. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "client-graph-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, source: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return file;
}

describe("the client-namespace collector", () => {
  it("counts what client modules translate, not what server modules do", () => {
    write("labels-reader.tsx", `"use client";\nimport { useMessages, useTranslations } from "next-intl";\nexport function A() { const t = useTranslations("nav.menu"); const l = useMessages().labels; return [t, l]; }\n`);
    write("server-part.tsx", `import { useTranslations } from "next-intl";\nexport function B() { return useTranslations("home"); }\n`);
    const page = write("page.tsx", `import { A } from "./labels-reader";\nimport { B } from "./server-part";\nexport default function Page() { return [A, B]; }\n`);
    expect(requiredNamespaces([page])).toEqual(["labels", "nav"]);
  });

  it("adds the namespaces of message keys an action can answer with, once a client translates any key", () => {
    write("action.ts", `"use server";\nexport async function act() { return { ok: false, message: "auth.errors.invalid" }; }\n`);
    write("any-key.tsx", `"use client";\nimport { useTranslations } from "next-intl";\nexport function useAny() { return useTranslations(); }\n`);
    const form = write("form.tsx", `"use client";\nimport { act } from "./action";\nimport { useAny } from "./any-key";\nexport function F() { return [act, useAny]; }\n`);
    expect(requiredNamespaces([form])).toEqual(["auth"]);
  });

  it("refuses a namespace it cannot read", () => {
    const dynamic = write("dynamic.tsx", `"use client";\nimport { useTranslations } from "next-intl";\nexport function D({ ns }: { ns: string }) { return useTranslations(ns); }\n`);
    expect(() => requiredNamespaces([dynamic])).toThrow(/literal namespace/);
    const whole = write("whole.tsx", `"use client";\nimport { useMessages } from "next-intl";\nexport function W() { return useMessages(); }\n`);
    expect(() => requiredNamespaces([whole])).toThrow(/useMessages\(\)\.namespace/);
  });
});
