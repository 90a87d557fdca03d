"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { applySupplierFootprintAction } from "@/lib/actions/inventory/apply-supplier-footprint";

type Line = { id: string; applicationId: string; description: string; unit: string; productName: string; supplyRequestId: string | null; importedFootprintId: string | null };

/** Where the footprint comes from: a fulfilled request, or a PACT file the enterprise imported. */
type Source = { requestId: string } | { importedFootprintId: string };

/** The customer picks one of its editable lines to price with the footprint the supplier shared (or it imported). */
export function ApplyFootprintForm({ source, lines }: { source: Source; lines: Line[] }) {
  const t = useTranslations("supply.apply");
  const translate = useMessage();
  const [pending, startTransition] = useTransition();
  const usesIt = (line: Line) => ("requestId" in source ? line.supplyRequestId === source.requestId : line.importedFootprintId === source.importedFootprintId);
  const [lineId, setLineId] = useState(lines.find((line) => !usesIt(line))?.id ?? lines[0]?.id ?? "");
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  if (lines.length === 0) return <p className="text-xs text-slate-600">{t("noLines")}</p>;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const line = lines.find((entry) => entry.id === lineId);
        if (!line) return;
        setMessage(null);
        startTransition(async () => {
          const result = await applySupplierFootprintAction({ ...source, applicationId: line.applicationId, lineId: line.id });
          setMessage(result.ok ? { tone: "ok", text: t("applied") } : { tone: "error", text: translate(result.fieldErrors?.lineId?.[0] ?? result.fieldErrors?.requestId?.[0] ?? result.message) });
        });
      }}
    >
      <Field label={t("line")} hint={t("lineHint")} className="min-w-64 flex-1">
        <Select value={lineId} onChange={(event) => setLineId(event.target.value)}>
          {lines.map((line) => (
            <option key={line.id} value={line.id}>
              {t("lineOption", { product: line.productName, line: line.description, unit: line.unit })}
              {usesIt(line) ? ` ${t("alreadyUsed")}` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" size="sm" disabled={pending}>
        {t("submit")}
      </Button>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "w-full text-xs text-red-700" : "w-full text-xs text-brand-800"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
