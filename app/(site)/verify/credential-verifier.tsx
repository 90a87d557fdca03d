"use client";

import { useFormatter, useMessages, useTranslations } from "next-intl";
import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { declaredUnitText, type LabelStrings } from "@/lib/certificates/strings";
import { verifyCredential, type StatusCheck, type VerificationReport, type Verdict } from "@/lib/credentials/verify-credential";
import { STATUS_PURPOSES } from "@/lib/credentials/vocabulary";
import { cn } from "@/lib/utils";
import { DATE_FORMAT, calendarDate } from "@/lib/i18n/date-format";

/** The platform's documents, always revalidated: the status shown is the live one. */
async function fetchFromPlatform(path: string): Promise<string> {
  const response = await fetch(path, { cache: "no-cache", credentials: "omit" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

const VERDICT_STYLES: Record<Verdict, string> = {
  valid: "border-brand-600 bg-brand-50 text-brand-900",
  invalid: "border-red-600 bg-red-50 text-red-900",
  untrusted: "border-red-600 bg-red-50 text-red-900",
  revoked: "border-red-600 bg-red-50 text-red-900",
  suspended: "border-amber-500 bg-amber-50 text-amber-900",
  expired: "border-slate-400 bg-slate-100 text-slate-800",
  notYetValid: "border-amber-500 bg-amber-50 text-amber-900",
  statusUnknown: "border-amber-500 bg-amber-50 text-amber-900",
  keysUnavailable: "border-amber-500 bg-amber-50 text-amber-900",
};

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

function CheckRow({ term, value, ok }: { term: string; value: string; ok: boolean | null }) {
  return (
    <div className="flex flex-col gap-0.5 border-b border-slate-100 py-2 last:border-0 sm:flex-row sm:gap-4">
      <dt className="text-sm text-slate-600 sm:w-56 sm:shrink-0">{term}</dt>
      <dd className={cn("text-sm font-medium", ok === false ? "text-red-800" : ok ? "text-brand-800" : "text-slate-800")}>
        <span aria-hidden className="mr-1">
          {ok === null ? "–" : ok ? "✓" : "✗"}
        </span>
        {value}
      </dd>
    </div>
  );
}

function CertifiedFacts({ credential }: { credential: Json }) {
  const t = useTranslations("credentials.verify.facts");
  const verify = useTranslations("credentials.verify");
  const common = useTranslations("common");
  const format = useFormatter();
  const labels = useMessages().labels as LabelStrings;
  const subject = object(credential.credentialSubject);
  const issuer = object(credential.issuer);
  const product = object(subject.product);
  const category = object(product.category);
  const enterprise = object(subject.enterprise);
  const unit = object(subject.declaredUnit);
  const footprint = object(subject.carbonFootprint);
  const origin = object(subject.emissionsByOrigin);
  const period = object(subject.referencePeriod);
  const validity = object(subject.validity);
  const benchmark = object(subject.benchmark);
  const stages = Array.isArray(subject.stageBreakdown) ? subject.stageBreakdown.map(object) : [];
  const date = (value: unknown) => {
    const day = text(value);
    return day ? format.dateTime(calendarDate(day), DATE_FORMAT) : "—";
  };
  const boundary = text(subject.systemBoundary);
  const unitText = text(unit.amount) && text(unit.unit) ? declaredUnitText(String(unit.amount), String(unit.unit), labels) : "";

  const facts: Array<[string, string]> = [
    [t("certificateNumber"), text(subject.certificateNumber) ?? "—"],
    [t("issuer"), [text(issuer.name), text(issuer.nameEn)].filter(Boolean).join(" · ") || "—"],
    [t("product"), [text(product.name), text(product.nameEn)].filter(Boolean).join(" · ") || "—"],
    [t("model"), text(product.model) ?? "—"],
    [t("category"), [text(category.name), text(category.nameEn)].filter(Boolean).join(" · ") || "—"],
    [t("enterprise"), [text(enterprise.name), text(enterprise.nameEn)].filter(Boolean).join(" · ") || "—"],
    [t("creditCode"), text(enterprise.unifiedSocialCreditCode) ?? "—"],
    [t("footprint"), text(footprint.value) ? t("perDeclaredUnit", { value: String(footprint.value), unit: unitText }) : "—"],
    [
      t("stages"),
      stages.map((stage) => `${common.has(`stages.${String(stage.stage)}`) ? common(`stages.${String(stage.stage)}`) : String(stage.stage)} ${String(stage.value)}`).join("; ") || "—",
    ],
    [t("origin"), [origin.fossil, origin.biogenic, origin.landUseChange].map((value) => text(value) ?? "—").join(" / ")],
    [t("biogenicRemovals"), text(origin.biogenicRemovals) ?? "—"],
    [t("boundary"), boundary && common.has(`boundary.${boundary}`) ? common(`boundary.${boundary}`) : (boundary ?? "—")],
    [t("period"), t("validityRange", { from: date(period.start), until: date(period.end) })],
    [t("site"), text(subject.productionSite) ?? "—"],
    [t("standard"), [text(subject.standard), text(subject.certificationScheme)].filter(Boolean).join(" · ") || "—"],
    [
      t("grade"),
      typeof subject.grade === "number" && typeof benchmark.version === "number"
        ? t("gradeValue", { grade: subject.grade, version: benchmark.version })
        : t("noGrade"),
    ],
    [t("validity"), t("validityRange", { from: date(validity.issuedOn), until: date(validity.expiresOn) })],
    [t("snapshot"), text(subject.certificateSnapshotSha256) ?? "—"],
  ];
  const page = text(subject.id);
  return (
    <section aria-labelledby="certified-facts" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h3 id="certified-facts" className="text-base font-semibold text-slate-900">
        {verify("factsHeading")}
      </h3>
      <dl className="mt-3">
        {facts.map(([term, value]) => (
          <div key={term} className="flex flex-col gap-0.5 border-b border-slate-100 py-2 last:border-0 sm:flex-row sm:gap-4">
            <dt className="text-sm text-slate-600 sm:w-56 sm:shrink-0">{term}</dt>
            <dd className="min-w-0 break-words text-sm font-medium text-slate-900 [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
      </dl>
      {page ? (
        <p className="mt-3 text-sm">
          <a href={page} className="font-medium text-brand-700 underline-offset-4 hover:underline">
            {t("publicPage")}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function Report({ report }: { report: VerificationReport }) {
  const t = useTranslations("credentials.verify");
  if (!report.readable) {
    return (
      <div className="rounded-2xl border-2 border-slate-400 bg-slate-50 px-5 py-5 text-slate-900">
        <p className="text-2xl font-bold" data-verdict="unreadable">
          {t("unreadable.title")}
        </p>
        <p className="mt-2">{t(`unreadable.${report.reason}`)}</p>
      </div>
    );
  }
  const statusOk = (check: StatusCheck) => (check === "unset" ? true : check === "set" || check === "invalid" ? false : null);
  return (
    <div className="space-y-4">
      <div className={cn("rounded-2xl border-2 px-5 py-5", VERDICT_STYLES[report.verdict])}>
        <p className="text-3xl font-bold tracking-tight sm:text-4xl" data-verdict={report.verdict}>
          {t(`verdict.${report.verdict}`)}
        </p>
        <p className="mt-2 text-base">{t(`verdictExplain.${report.verdict}`)}</p>
      </div>
      <section aria-labelledby="verification-checks" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h3 id="verification-checks" className="text-base font-semibold text-slate-900">
          {t("checksHeading")}
        </h3>
        <dl className="mt-2">
          <CheckRow term={t("checks.signature")} value={t(`signature.${report.signature}`)} ok={report.signature === "valid"} />
          <CheckRow
            term={t("checks.validity")}
            value={report.validity ? t(`validity.${report.validity}`) : t("notChecked")}
            ok={report.validity ? report.validity === "current" : null}
          />
          {STATUS_PURPOSES.map((purpose) => (
            <CheckRow
              key={purpose}
              term={t(`checks.${purpose}`)}
              value={report.status ? t(`status.${report.status[purpose]}`) : t("notChecked")}
              ok={report.status ? statusOk(report.status[purpose]) : null}
            />
          ))}
        </dl>
      </section>
      {report.credential ? <CertifiedFacts credential={report.credential} /> : null}
    </div>
  );
}

export function CredentialVerifier({ platformBaseUrl }: { platformBaseUrl: string }) {
  const t = useTranslations("credentials.verify");
  const [input, setInput] = useState("");
  const [report, setReport] = useState<VerificationReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [fileError, setFileError] = useState(false);
  const [dragging, setDragging] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  async function check(value: string) {
    setChecking(true);
    setReport(null);
    try {
      setReport(await verifyCredential(value, { platformBaseUrl, fetchText: fetchFromPlatform }));
    } finally {
      setChecking(false);
      resultRef.current?.focus();
    }
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    setFileError(false);
    try {
      const content = await file.text();
      setInput(content);
      await check(content);
    } catch {
      setFileError(true);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void check(input);
  }

  function onDrop(event: DragEvent<HTMLTextAreaElement>) {
    const file = event.dataTransfer.files[0];
    setDragging(false);
    if (!file) return;
    event.preventDefault();
    void readFile(file);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <div className="space-y-1">
          <label htmlFor="credential-input" className="block text-sm font-medium text-slate-800">
            {t("inputLabel")}
          </label>
          <textarea
            id="credential-input"
            name="credential"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            rows={7}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="credential-input-hint"
            className={cn(
              "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 [overflow-wrap:anywhere] focus-visible:outline-2 focus-visible:outline-brand-600",
              dragging && "border-brand-600 bg-brand-50",
            )}
          />
          <p id="credential-input-hint" className="text-xs text-slate-600">
            {t("inputHint")} {t("dropHint")}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={checking}>
            {checking ? t("checking") : t("submit")}
          </Button>
          <label className="inline-flex h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-within:outline-2 focus-within:outline-brand-600">
            {t("fileLabel")}
            <input
              type="file"
              accept=".json,.jwt,application/json,application/vc+jwt,text/plain"
              className="sr-only"
              onChange={(event) => void readFile(event.target.files?.[0])}
            />
          </label>
          {input ? (
            <Button
              variant="ghost"
              onClick={() => {
                setInput("");
                setReport(null);
              }}
            >
              {t("clear")}
            </Button>
          ) : null}
        </div>
        {fileError ? (
          <p role="alert" className="text-sm text-red-700">
            {t("fileError")}
          </p>
        ) : null}
      </form>

      <div ref={resultRef} tabIndex={-1} aria-live="polite" aria-busy={checking} className="outline-none">
        {checking ? <p className="text-sm text-slate-700">{t("checking")}</p> : null}
        {report ? (
          <section aria-labelledby="verification-result">
            <h2 id="verification-result" className="sr-only">
              {t("resultHeading")}
            </h2>
            <Report report={report} />
          </section>
        ) : null}
      </div>
    </div>
  );
}
