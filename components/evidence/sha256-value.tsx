"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** A SHA-256 shortened for tables: the full value on hover and one click to copy it. */
export function Sha256Value({ value, fileName }: { value: string; fileName: string }) {
  const t = useTranslations("evidence");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <span className="inline-flex items-center gap-1">
      <code title={value} className="font-mono text-xs text-slate-700" data-sha256={value}>
        {value.slice(0, 12)}…{value.slice(-4)}
      </code>
      <button
        type="button"
        onClick={copy}
        className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
        aria-label={t("copyHash", { name: fileName })}
        title={copied ? t("copied") : t("copy")}
      >
        {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      </button>
      <span className="sr-only" aria-live="polite">
        {copied ? t("copied") : ""}
      </span>
    </span>
  );
}
