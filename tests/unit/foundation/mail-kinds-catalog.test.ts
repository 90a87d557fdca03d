import { describe, expect, it } from "vitest";
import enAdmin from "@/lib/i18n/messages/en/admin.json";
import enEmails from "@/lib/i18n/messages/en/emails.json";
import zhAdmin from "@/lib/i18n/messages/zh-CN/admin.json";
import zhEmails from "@/lib/i18n/messages/zh-CN/emails.json";
import { LOCALES } from "@/lib/i18n/config";
import { MAIL_KINDS } from "@/lib/enums";

describe("mail kinds in the catalogs", () => {
  it.each([
    ["en", enAdmin, enEmails],
    ["zh-CN", zhAdmin, zhEmails],
  ] as const)("%s names every kind the outbox can hold, and every language", (_, admin, emails) => {
    const kinds: Record<string, string> = admin.outbox.kinds;
    const languages: Record<string, string> = admin.outbox.languages;
    for (const kind of MAIL_KINDS) {
      expect(kinds[kind], kind).toMatch(/\S/);
      expect(Object.keys(emails)).toContain(kind);
    }
    for (const locale of LOCALES) expect(languages[locale], locale).toMatch(/\S/);
  });
});
