import "server-only";
import { createTranslator } from "use-intl/core";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import type { MailKind } from "@/lib/enums";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

/**
 * Where the secret part of a link goes in a queued message's bodies. The secret itself is sealed
 * on the outbox row and put in only when the message is handed to the relay, so neither the
 * outbox nor the admin reading it ever holds a usable link.
 */
export const SECRET_PLACEHOLDER = "{{secret}}";

type ComposedMail = { subject: string; textBody: string; htmlBody: string };

/** A paragraph of a message: a key of the `emails` namespace and its values. */
export type MailLine = { key: string; params?: Record<string, string> };

export type MailContent = {
  /** Key under `emails.<kind>`: its `subject`, and `action` when the message has a link. */
  kind: MailKind;
  params?: Record<string, string>;
  lines: MailLine[];
  /** A path on the platform (with SECRET_PLACEHOLDER where a sealed secret goes). */
  linkPath?: string;
};

type Translate = (key: string, params?: Record<string, string>) => string;

/** A translator of one namespace (`emails`, `notifications`): emails are written on the server, never in the browser. */
function translatorFor(locale: Locale, namespace: "emails" | "notifications"): Translate {
  // The catalogs are loaded at run time, so keys are plain strings here.
  return createTranslator({ locale, messages: loadMessages(locale), namespace }) as unknown as Translate;
}

export function mailLocale(value: string): Locale {
  return isLocale(value) ? value : "zh-CN";
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * One message in the recipient's language: the plain-text and the HTML body are built from the
 * same catalog strings (the HTML escapes them), so the two never say different things.
 */
export function composeMail(locale: Locale, content: MailContent): ComposedMail {
  const t = translatorFor(locale, "emails");
  const params = content.params ?? {};
  const subject = t(`${content.kind}.subject`, params);
  const greeting = t("common.greeting");
  const paragraphs = content.lines.map((line) => t(line.key, line.params ?? {}));
  const link = content.linkPath ? `${platformBaseUrl()}${content.linkPath}` : null;
  const action = link ? t(`${content.kind}.action`, params) : null;
  const footer = t("common.footer");

  const text = [greeting, ...paragraphs, ...(link ? [`${action}: ${link}`] : []), "--", footer].join("\n\n");
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:sans-serif;line-height:1.5;color:#1c1917">`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link)}">${escapeHtml(action ?? "")}</a></p>`] : []),
    `<hr><p style="font-size:12px;color:#57534e">${escapeHtml(footer)}</p>`,
    `</body></html>`,
  ].join("\n");
  return { subject, textBody: text, htmlBody: html };
}

/** A notification's own text (the `notifications` namespace), in the given language. */
export function notificationText(locale: Locale, kind: string, params: Record<string, string> | null): string {
  return translatorFor(locale, "notifications")(kind, params ?? {});
}
