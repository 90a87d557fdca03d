import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { labelDownloadPath, type LabelFormat } from "@/lib/certificates/label-path";
import type { CertificateStatus } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";

/*
 * The public certificate page, drawn from text the server has already translated and formatted
 * (public-view.ts beside the route). Plain components, no hooks: the page is sent as HTML with no
 * scripts (app/[locale]/labels/[certificateNumber]/route.tsx), since it holds no state and loads
 * nothing.
 */

export type PublicFact = { term: string; value: string; mono?: boolean };
type PublicLink = { href: string; text: string };

export type PublicCertificateView = {
  status: {
    tone: CertificateStatus;
    genuine: string;
    number: string;
    headingPrefix: string;
    heading: string;
    explain: string;
    reason: { label: string; text: string; since: string | null } | null;
    hint: string;
  };
  label: {
    title: string;
    /** The page's language: the label shown is in it. */
    locale: Locale;
    alt: string;
    downloadHeading: string;
    languages: Array<{ locale: Locale; name: string }>;
    formats: Array<{ format: LabelFormat; text: string }>;
    printNote: string;
  };
  holder: { title: string; facts: PublicFact[] };
  scope: { title: string; facts: PublicFact[] };
  result: {
    title: string;
    value: string;
    perUnit: string;
    chartTitle: string;
    columns: [stage: string, emissions: string, share: string];
    /** `width`: the bar's share of the widest stage, as a CSS percentage. */
    stages: Array<{ name: string; width: string; value: string; share: string }>;
    total: { name: string; value: string };
    originTitle: string;
    origin: PublicFact[];
  };
  grade:
    | { title: string; ungraded: string }
    | {
        title: string;
        scale: string;
        headline: string | null;
        /** `level` 1 (best) to 5; `mine`: the product's level. */
        bands: Array<{ level: number; name: string; range: string; mine: boolean }>;
        meaning: string;
        facts: PublicFact[];
      };
  body: { title: string; facts: PublicFact[] };
  history: { title: string; entries: Array<{ date: string; dateText: string; text: string; reason: string | null }> };
  credential: { heading: string; text: string; download: PublicLink; verify: PublicLink };
};

const STATUS_STYLES: Record<CertificateStatus, string> = {
  valid: "border-brand-600 bg-brand-50 text-brand-900",
  suspended: "border-amber-500 bg-amber-50 text-amber-900",
  withdrawn: "border-red-600 bg-red-50 text-red-900",
  expired: "border-slate-400 bg-slate-100 text-slate-800",
};

/** Level 1 (best) to 5, each dark enough for white text (contrast ≥ 5.3 : 1). */
const GRADE_COLOURS = ["bg-[#1b7a3e]", "bg-[#3b7520]", "bg-[#5c6c10]", "bg-[#8a5a00]", "bg-[#b03a14]"];

function Facts({ facts }: { facts: PublicFact[] }) {
  return (
    <dl className="ui-facts">
      {facts.map((fact) => (
        <div key={fact.term}>
          <dt>{fact.term}</dt>
          <dd className={fact.mono ? "font-mono break-all" : undefined}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FactsCard({ title, facts }: { title: string; facts: PublicFact[] }) {
  return (
    <Card>
      <CardHeader title={title} />
      <CardBody>
        <Facts facts={facts} />
      </CardBody>
    </Card>
  );
}

function StatusSection({ status }: Pick<PublicCertificateView, "status">) {
  return (
    <section aria-labelledby="certificate-status" className={cn("rounded-2xl border-2 px-5 py-6 sm:px-8", STATUS_STYLES[status.tone])}>
      <p className="text-sm font-medium">{status.genuine}</p>
      <p className="mt-1 font-mono">{status.number}</p>
      <h1 id="certificate-status" className="mt-4 text-5xl font-bold tracking-tight sm:text-6xl" data-status={status.tone}>
        <span className="sr-only">{status.headingPrefix}: </span>
        {status.heading}
      </h1>
      <p className="mt-3">{status.explain}</p>
      {status.reason ? (
        <p className="mt-3">
          <span className="font-semibold">{status.reason.label}:</span> {status.reason.text}
          {status.reason.since ? <span className="block text-sm opacity-80">{status.reason.since}</span> : null}
        </p>
      ) : null}
      <p className="mt-4 text-sm opacity-80">{status.hint}</p>
    </section>
  );
}

function LabelSection({ label, number }: Pick<PublicCertificateView, "label"> & { number: string }) {
  return (
    <Card>
      <CardHeader title={label.title} />
      <CardBody className="space-y-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG served by the label route, already sized */}
        <img src={labelDownloadPath(number, "svg", label.locale)} width={600} height={360} alt={label.alt} className="h-auto w-full max-w-[600px]" loading="lazy" decoding="async" />
        <div className="text-sm">
          <h3 className="font-semibold">{label.downloadHeading}</h3>
          <ul className="mt-2 space-y-2">
            {label.languages.map((language) => (
              <li key={language.locale} className="flex flex-wrap gap-x-4 gap-y-1">
                <span>{language.name}:</span>
                {label.formats.map(({ format, text }) => (
                  <a key={format} className="ui-link" href={labelDownloadPath(number, format, language.locale)} download>
                    {text}
                  </a>
                ))}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-600">{label.printNote}</p>
        </div>
      </CardBody>
    </Card>
  );
}

function ResultSection({ result }: Pick<PublicCertificateView, "result">) {
  return (
    <Card>
      <CardHeader title={result.title} />
      <CardBody className="space-y-5">
        <p className="text-4xl font-semibold tabular-nums text-brand-800">
          {result.value} <span className="text-lg font-normal text-slate-700">{result.perUnit}</span>
        </p>
        <figure>
          <figcaption className="text-sm font-semibold">{result.chartTitle}</figcaption>
          {/* The bars repeat the table below for sighted readers; the table is the accessible form. */}
          <div aria-hidden="true" className="ui-bars">
            {result.stages.map((stage) => (
              <div key={stage.name}>
                <span>{stage.name}</span>
                <span>
                  <span style={{ width: stage.width }} />
                </span>
              </div>
            ))}
          </div>
          {/* Three short columns fit a phone: this table stays a table. */}
          <table className="ui-narrow-table mt-3">
            <thead>
              <tr>
                {result.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.stages.map((stage) => (
                <tr key={stage.name}>
                  <td>{stage.name}</td>
                  <td>{stage.value}</td>
                  <td>{stage.share}</td>
                </tr>
              ))}
              <tr className="font-semibold">
                <td>{result.total.name}</td>
                <td>{result.total.value}</td>
                <td>100 %</td>
              </tr>
            </tbody>
          </table>
        </figure>
        <div>
          <h3 className="text-sm font-semibold">{result.originTitle}</h3>
          <div className="mt-2 tabular-nums">
            <Facts facts={result.origin} />
          </div>
        </div>
      </CardBody>
    </Card>
  );
}

function GradeSection({ grade }: Pick<PublicCertificateView, "grade">) {
  if ("ungraded" in grade) {
    return (
      <Card>
        <CardHeader title={grade.title} />
        <CardBody>
          <p>{grade.ungraded}</p>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader title={grade.title} description={grade.scale} />
      <CardBody className="space-y-4">
        {grade.headline ? <p className="text-2xl font-semibold">{grade.headline}</p> : null}
        <ol className="ui-grade-scale" aria-label={grade.scale}>
          {grade.bands.map((band) => (
            <li key={band.level} aria-current={band.mine ? "true" : undefined} className={GRADE_COLOURS[Math.min(band.level, GRADE_COLOURS.length) - 1]}>
              <span>{band.name}</span>
              <span>{band.range}</span>
            </li>
          ))}
        </ol>
        <p className="text-sm text-slate-700">{grade.meaning}</p>
        <Facts facts={grade.facts} />
      </CardBody>
    </Card>
  );
}

function HistorySection({ history }: Pick<PublicCertificateView, "history">) {
  return (
    <Card>
      <CardHeader title={history.title} />
      <CardBody>
        <ol className="ui-timeline">
          {history.entries.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.date}>
                {entry.dateText}
              </time>
              <p className="font-medium">{entry.text}</p>
              {entry.reason ? <p className="text-sm text-slate-700">{entry.reason}</p> : null}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}

function CredentialSection({ credential }: Pick<PublicCertificateView, "credential">) {
  return (
    <section aria-labelledby="signed-credential" className="ui-card px-4 py-4 sm:px-6">
      <h2 id="signed-credential" className="font-semibold">
        {credential.heading}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{credential.text}</p>
      <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <a href={credential.download.href} download className="ui-link">
          {credential.download.text}
        </a>
        {/* /verify is in the site's root layout, not this page's: a full page load, so a plain anchor. */}
        <a href={credential.verify.href} className="ui-link">
          {credential.verify.text}
        </a>
      </p>
    </section>
  );
}

/**
 * Whoever scans a label holds it: the verdict and what it certifies come first, the label's
 * image and downloads (for the holder and buyers who print it) after the grade. On a phone the
 * image is then below the first screen and loads only when scrolled to.
 */
export function PublicCertificateViewPage({ view }: { view: PublicCertificateView }) {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <StatusSection status={view.status} />
      <FactsCard {...view.holder} />
      <FactsCard {...view.scope} />
      <ResultSection result={view.result} />
      <GradeSection grade={view.grade} />
      <LabelSection label={view.label} number={view.status.number} />
      <FactsCard {...view.body} />
      <HistorySection history={view.history} />
      <CredentialSection credential={view.credential} />
    </div>
  );
}
