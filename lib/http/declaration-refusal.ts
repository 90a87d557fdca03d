import type { Locale } from "@/lib/i18n/config";
import { messageKey } from "@/lib/i18n/translate";
import type { DeclarationRefusal } from "@/lib/rules/battery-declaration";
import { translatedMessage } from "./refusal";

/** The message key of one reason a battery declaration would be false, with its stage names or unit. */
function declarationRefusalMessage(refusal: DeclarationRefusal, locale: Locale): string {
  const key = `batteryDeclaration.errors.${refusal.reason}`;
  if (refusal.reason === "missingStages") {
    const stages = refusal.stages.map((stage) => translatedMessage(`batteryDeclaration.stages.${stage}`, locale));
    return translatedMessage(messageKey(key, { stages: stages.join(locale === "en" ? "; " : "；") }), locale);
  }
  if (refusal.reason === "unitNotConvertible") return translatedMessage(messageKey(key, { unit: refusal.declaredUnit }), locale);
  return translatedMessage(key, locale);
}

/** 422: the declaration would be false. Every reason, as a code and as text. */
export function declarationRefusalResponse(refusals: readonly DeclarationRefusal[], locale: Locale): Response {
  const reasons = refusals.map((refusal) => ({ ...refusal, message: declarationRefusalMessage(refusal, locale) }));
  return Response.json(
    {
      error: `batteryDeclaration.errors.${refusals[0].reason}`,
      message: reasons.map((reason) => reason.message).join(" "),
      refusals: reasons,
    },
    { status: 422, headers: { "Cache-Control": "no-store" } },
  );
}
