"use client";

import { useTranslations } from "next-intl";
import type { ProofState } from "./use-proof-of-work";

/** Tells assistive technology and everyone else what the proof-of-work check is doing. */
export function ProofStatus({ state, solvingMessage }: { state: ProofState; solvingMessage: "solving" | "solvingSignUp" }) {
  const t = useTranslations("security.proof");
  const failed = state === "failed" || state === "insecure";
  const text = state === "solving" ? t(solvingMessage) : failed ? t(state) : "";
  return (
    <p role="status" aria-live="polite" className={failed ? "text-sm text-red-700" : "text-sm text-slate-600"}>
      {text}
    </p>
  );
}
