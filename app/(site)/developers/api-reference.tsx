"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

type ScalarGlobal = { createApiReference: (element: HTMLElement, configuration: Record<string, unknown>) => { destroy?: () => void } };

/**
 * The interactive reference (Scalar), rendered from /api/v1/openapi.json. Its bundle comes from
 * this server; fonts, telemetry and the AI agent are off, and requests go straight to this API
 * (no proxy), so nothing leaves for another host.
 */
export function ApiReference({ documentUrl, scriptUrl }: { documentUrl: string; scriptUrl: string }) {
  const t = useTranslations("developers");
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let reference: { destroy?: () => void } | undefined;
    const mount = () => {
      const scalar = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;
      if (!scalar || !container.current) return setState("failed");
      reference = scalar.createApiReference(container.current, {
        url: documentUrl,
        withDefaultFonts: false,
        telemetry: false,
        agent: { disabled: true },
        hideClientButton: true,
        showDeveloperTools: "never",
        documentDownloadType: "json",
      });
      setState("ready");
    };
    const existing = document.querySelector<HTMLScriptElement>(`script[src="${scriptUrl}"]`);
    const script = existing ?? Object.assign(document.createElement("script"), { src: scriptUrl, async: true });
    if ((window as unknown as { Scalar?: ScalarGlobal }).Scalar) mount();
    else {
      script.addEventListener("load", mount);
      script.addEventListener("error", () => setState("failed"));
      if (!existing) document.body.appendChild(script);
    }
    return () => {
      script.removeEventListener("load", mount);
      reference?.destroy?.();
    };
  }, [documentUrl, scriptUrl]);

  return (
    <div>
      {state === "loading" ? <p className="text-sm text-slate-600" role="status">{t("referenceLoading")}</p> : null}
      {state === "failed" ? (
        <p className="text-sm text-red-700" role="alert">
          {t("referenceFailed")}{" "}
          <a className="underline" href={documentUrl}>
            openapi.json
          </a>
        </p>
      ) : null}
      {/* Scalar's interface is in English whatever the page's language (WCAG 3.1.2: language of parts). */}
      <div ref={container} lang="en" data-third-party="scalar" />
    </div>
  );
}
