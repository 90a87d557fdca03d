import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination, pageLinks } from "@/components/forms/pagination";
import { ActionButton } from "@/components/forms/action-button";
import { IssuedCertificateNotice } from "@/components/certificates/issued-certificate";
import { FindingList } from "@/components/findings/finding-list";
import { PlausibilityAlert } from "@/components/applications/plausibility-alert";
import { SupplyChainSection } from "@/components/applications/supply-chain-section";
import { PageHeader } from "@/components/page-header";
import { StudyReportLink } from "@/components/reports/study-report-link";
import { ApplicationStatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { acceptApplicationAction } from "@/lib/actions/verification/accept-application";
import { closeFindingAction } from "@/lib/actions/verification/close-finding";
import { requestChangesAction } from "@/lib/actions/verification/request-changes";
import { verifyLineAction } from "@/lib/actions/verification/verify-line";
import { verifyRemainingLinesAction } from "@/lib/actions/verification/verify-remaining-lines";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";
import { formatSignificant } from "@/lib/calc/format";
import { gasName } from "@/lib/calc/gwp";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { ConflictForm } from "./conflict-form";
import { DecideForm } from "./decide-form";
import { DeclineForm } from "./decline-form";
import { FindingForm } from "./finding-form";
import { InspectionEvidenceForm } from "./inspection-evidence-form";
import { EvidenceLinks } from "@/components/evidence/evidence-links";
import { isDownloadable, ScanBadge } from "@/components/evidence/scan-badge";
import { InspectionForm } from "./inspection-form";
import { PlanForm } from "./plan-form";
import { RecommendForm } from "./recommend-form";
import { RoundDiffView } from "./round-diff-view";
import { calendarDate, DATE_FORMAT, DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifier");
  return { title: t("applicationPageTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

export default async function VerifierApplicationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(AREA_ROLES.verifier, `/verifier/applications/${id}`);
  const { page } = await searchParams;
  const view = await loadVerifierApplication(user, id, Number(page ?? 1));
  if (!view) notFound();
  const [t, common, findingsT, messages, format, locale] = await Promise.all([
    getTranslations("verifier"),
    getTranslations("common"),
    getTranslations("findings"),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const en = locale === "en";
  const { application, product, calculation, linePage, permitted, mayDecide } = view;
  const version = application.version;
  const inReview = application.status === "in_review";
  const remainingLines = linePage.total - linePage.verified;
  const evidenceByLine = new Map<string, typeof view.evidence>();
  for (const file of view.evidence) {
    if (file.lineId) evidenceByLine.set(file.lineId, [...(evidenceByLine.get(file.lineId) ?? []), file]);
  }
  const lineEmissions = new Map((calculation?.breakdown.lines ?? []).map((line) => [line.lineId, line]));
  const lineOptions = view.lines.map(({ line }) => ({ id: line.id, label: `${common(`stages.${line.stage}`)} · ${line.description}` }));
  const declaredUnit = `${product.declaredUnitAmount} ${product.declaredUnit}`;
  const kg = (value: string) => `${formatSignificant(value, 4)} kg CO₂e`;

  return (
    <>
      <Link href="/verifier" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t("queueTitle")}
      </Link>
      <PageHeader
        title={en ? product.nameEn : product.nameZh}
        description={`${en ? (view.enterpriseNameEn ?? view.enterpriseName) : view.enterpriseName} · ${en ? view.categoryEn : view.categoryZh} · ${product.model}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ApplicationStatusBadge status={application.status} />
            {inReview && application.reviewStage ? <Badge>{t(`reviewStages.${application.reviewStage}`)}</Badge> : null}
            <Badge>{t("roundN", { round: application.round })}</Badge>
            {permitted.has("application.studyReport") && calculation ? <StudyReportLink applicationId={application.id} short /> : null}
          </div>
        }
      />

      <div className="space-y-6">
        <Card>
          <CardHeader title={t("nextStep")} />
          <CardBody className="space-y-4">
            {permitted.has("application.accept") || permitted.has("application.decline") ? (
              <>
                <p className="text-sm text-slate-700">{application.plannedAt ? t("resubmittedHint") : t("acceptHint")}</p>
                {permitted.has("application.accept") ? (
                  <ActionButton action={acceptApplicationAction} input={{ applicationId: id, expectedVersion: version }} label={t("accept")} />
                ) : null}
                {permitted.has("application.decline") ? (
                  <details className="rounded-md border border-slate-200 p-3">
                    <summary className="cursor-pointer text-sm font-medium">{t("decline")}</summary>
                    <div className="mt-3">
                      <DeclineForm applicationId={id} expectedVersion={version} />
                    </div>
                  </details>
                ) : null}
                {permitted.has("conflict.declare") ? (
                  <details className="rounded-md border border-slate-200 p-3">
                    <summary className="cursor-pointer text-sm font-medium">{t("declareConflict")}</summary>
                    <div className="mt-3">
                      <ConflictForm applicationId={id} />
                    </div>
                  </details>
                ) : null}
              </>
            ) : null}
            {permitted.has("application.plan") ? <PlanForm applicationId={id} expectedVersion={version} staff={view.staff} /> : null}
            {inReview ? (
              <>
                <p className="text-sm text-slate-700">
                  {t("verifiedCount", { verified: linePage.verified, total: linePage.total })}
                </p>
                {permitted.has("line.verify") && remainingLines > 0 ? (
                  <ActionButton
                    action={verifyRemainingLinesAction}
                    input={{ applicationId: id, expectedCount: remainingLines }}
                    label={t("verifyRemaining", { count: remainingLines })}
                    variant="secondary"
                    confirm={t("verifyRemainingConfirm", { count: remainingLines })}
                  />
                ) : null}
                {permitted.has("application.requestChanges") && view.findings.some((f) => f.status === "open") ? (
                  <ActionButton
                    action={requestChangesAction}
                    input={{ applicationId: id, expectedVersion: version }}
                    label={t("requestChanges")}
                    variant="secondary"
                    confirm={t("requestChangesConfirm")}
                  />
                ) : null}
                {permitted.has("application.recommend") ? (
                  view.blockers.length ? (
                    <Alert tone="info">
                      <p className="font-medium">{t("recommendBlocked")}</p>
                      <ul className="mt-1 list-disc pl-5">
                        {view.blockers.map((blocker) => (
                          <li key={blocker}>{t(`errors.${blocker}`)}</li>
                        ))}
                      </ul>
                    </Alert>
                  ) : (
                    <RecommendForm applicationId={id} expectedVersion={version} />
                  )
                ) : null}
              </>
            ) : null}
            {application.status === "changes_requested" ? <p className="text-sm text-slate-700">{t("waitingForEnterprise")}</p> : null}
            {application.status === "awaiting_decision" ? (
              <>
                <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
                  <dt className="font-medium">{t("recommendation")}</dt>
                  <dd>{application.recommendation ? t(`recommendations.${application.recommendation}`) : "—"}</dd>
                  <dt className="font-medium">{t("statement")}</dt>
                  <dd className="whitespace-pre-wrap">{application.verificationStatement}</dd>
                </dl>
                {mayDecide.allowed ? (
                  <DecideForm applicationId={id} expectedVersion={version} outcome={view.decisionOutcome} />
                ) : mayDecide.message ? (
                  <Alert tone="warning">{messages(mayDecide.message)}</Alert>
                ) : (
                  <p className="text-sm text-slate-700">{t("waitingForReviewer")}</p>
                )}
              </>
            ) : null}
            {view.certificate ? <IssuedCertificateNotice certificate={view.certificate} side="body" /> : null}
            {["certified", "rejected", "declined"].includes(application.status) ? (
              <p className="text-sm text-slate-700">
                {t(`closed.${application.status}`)}
                {application.decisionReason || application.declineReason ? ` — ${application.decisionReason ?? application.declineReason}` : ""}
              </p>
            ) : null}
          </CardBody>
        </Card>

        {view.roundDiff && view.diffRounds ? (
          <RoundDiffView diff={view.roundDiff} rounds={view.diffRounds} declaredUnit={declaredUnit} />
        ) : null}

        {application.plannedAt ? (
          <Card>
            <CardHeader title={t("plan")} />
            <CardBody>
              <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
                <dt className="font-medium">{t("team")}</dt>
                <dd>{view.team.map((member) => `${member.name}${member.teamRole === "lead" ? ` (${t("lead")})` : ""}`).join(", ")}</dd>
                <dt className="font-medium">{t("plannedDocumentReviewOn")}</dt>
                <dd>{application.plannedDocumentReviewOn ? format.dateTime(calendarDate(application.plannedDocumentReviewOn), DATE_FORMAT) : "—"}</dd>
                <dt className="font-medium">{t("plannedOnSiteOn")}</dt>
                <dd>{application.plannedOnSiteOn ? format.dateTime(calendarDate(application.plannedOnSiteOn), DATE_FORMAT) : "—"}</dd>
              </dl>
            </CardBody>
          </Card>
        ) : null}

        <Card>
          <CardHeader title={t("calculation")} description={t("perDeclaredUnit", { unit: declaredUnit })} />
          <CardBody className="space-y-4">
            {calculation ? <PlausibilityAlert result={calculation.result} category={view.categoryBand} lead={t("plausibilityLead")} /> : null}
            {calculation ? (
              <div className="grid gap-6 md:grid-cols-2">
                <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-medium">{t("result")}</dt>
                  <dd className="text-right font-semibold">{kg(calculation.result)}</dd>
                  <dt>{t("categories.fossil")}</dt>
                  <dd className="text-right">{kg(calculation.fossil)}</dd>
                  <dt>{t("categories.biogenic")}</dt>
                  <dd className="text-right">{kg(calculation.biogenic)}</dd>
                  <dt>{t("categories.landUseChange")}</dt>
                  <dd className="text-right">{kg(calculation.landUseChange)}</dd>
                  <dt>{t("primaryShare")}</dt>
                  <dd className="text-right">{format.number(Number(calculation.primaryShare), { style: "percent", maximumFractionDigits: 1 })}</dd>
                  <dt>{t("verifiedSupplierShare")}</dt>
                  <dd className="text-right">{format.number(Number(view.supplyChain.shares?.verifiedSupplierShare ?? "0"), { style: "percent", maximumFractionDigits: 1 })}</dd>
                  <dt>{t("dataQuality")}</dt>
                  <dd className="text-right">{calculation.dataQuality}</dd>
                  <dt>{t("gwpSet")}</dt>
                  <dd className="text-right">{calculation.gwpSet}</dd>
                </dl>
                <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
                  {LIFE_CYCLE_STAGES.flatMap((stage) => {
                    const value = calculation.breakdown.byStage?.[stage];
                    return value === undefined
                      ? []
                      : [
                          <div key={stage} className="contents">
                            <dt>{common(`stages.${stage}`)}</dt>
                            <dd className="text-right">{kg(value)}</dd>
                          </div>,
                        ];
                  })}
                </dl>
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("noCalculation")}</p>
            )}
            <SupplyChainSection chain={view.supplyChain} />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title={t("inventory")}
            description={t("verifiedCount", { verified: linePage.verified, total: linePage.total })}
          />
          <Table>
            <thead>
              <tr>
                <Th>{t("lineStage")}</Th>
                <Th>{t("lineDescription")}</Th>
                <Th>{t("quantity")}</Th>
                <Th>{t("factor")}</Th>
                <Th>{t("emissions")}</Th>
                <Th>{t("verification")}</Th>
              </tr>
            </thead>
            <tbody>
              {view.lines.map(({ line, supplierFootprint, importedFootprint, supplierCertificateStatus, ...factor }) => {
                const emission = lineEmissions.get(line.id);
                const verified = line.verification === "verified";
                return (
                  <tr key={line.id}>
                    <Td>{common(`stages.${line.stage}`)}</Td>
                    <Td>
                      <p>{line.description}</p>
                      <p className="text-xs text-slate-600">
                        {t(`dataTypes.${line.dataType}`)} · DQR {line.dqrTechnological}/{line.dqrGeographical}/{line.dqrTemporal}
                        {line.allocationShare !== "1" ? ` · ${t("allocation")} ${line.allocationShare}` : ""}
                      </p>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {line.quantity} {line.unit}
                    </Td>
                    <Td className="text-xs">
                      {line.source === "database_factor" && factor.factorKey ? (
                        // The name, as the enterprise saw it when choosing; the key stays at hand for looking the factor up.
                        <>
                          <span title={factor.factorKey}>{en ? factor.factorNameEn : factor.factorNameZh}</span>
                          <span className="block text-slate-600">
                            {factor.factorValue} kg CO₂e/{factor.factorUnit} · {factor.factorRegion} {factor.factorYear} · v{factor.factorVersion}
                          </span>
                        </>
                      ) : line.source === "supplier_factor"
                          ? `${line.supplierName ?? t("supplier")}: ${line.supplierFactorValue} kg/${line.supplierFactorUnit}`
                          : line.gas
                            ? gasName(line.gas, en)
                            : null}
                      {supplierFootprint ? (
                        <span className="mt-1 block">
                          <Badge tone={supplierFootprint.verification ? "info" : "warning"}>
                            {t(supplierFootprint.verification ? "supplierFootprint.certified" : "supplierFootprint.selfDeclared")}
                          </Badge>{" "}
                          {supplierFootprint.verification ? (
                            <>
                              {t("supplierFootprint.verifiedBy", { body: supplierFootprint.verification.bodyName, version: supplierFootprint.footprintVersion })}{" "}
                              <Link className="text-brand-700 underline" href={supplierFootprint.verification.labelPath}>
                                {supplierFootprint.certificateNumber}
                              </Link>
                            </>
                          ) : null}
                          {supplierCertificateStatus ? (
                            <span className={supplierCertificateStatus === "valid" ? "block text-slate-700" : "block font-medium text-red-800"}>
                              {t("supplierFootprint.statusNow", { status: common(`certificateStatus.${supplierCertificateStatus}`) })}
                            </span>
                          ) : null}
                        </span>
                      ) : null}
                      {importedFootprint ? (
                        <span className="mt-1 block">
                          <Badge tone={importedFootprint.selfDeclared ? "warning" : "info"}>
                            {importedFootprint.selfDeclared ? t("supplierFootprint.selfDeclared") : t("supplierFootprint.imported", { provider: importedFootprint.verifiedBy ?? "—" })}
                          </Badge>{" "}
                          {t("supplierFootprint.pactId", { id: importedFootprint.footprintId })}
                        </span>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap">{emission ? kg(emission.emissions) : "—"}</Td>
                    <Td>
                      <div className="flex flex-col items-start gap-2">
                        <Badge tone={verified ? "success" : "neutral"}>{t(`lineVerification.${line.verification}`)}</Badge>
                        {permitted.has("line.verify") ? (
                          <ActionButton
                            action={verifyLineAction}
                            input={{ applicationId: id, lineId: line.id, verified: !verified }}
                            label={verified ? t("unverifyLine") : t("verifyLine")}
                            aria-label={`${verified ? t("unverifyLine") : t("verifyLine")}: ${line.description}`}
                            size="sm"
                            variant={verified ? "ghost" : "secondary"}
                          />
                        ) : null}
                        {(evidenceByLine.get(line.id) ?? []).length ? (
                          // The line's own evidence beside its mark, so verifying a line needs no trip to the list below.
                          <ul aria-label={`${t("evidence")}: ${line.description}`} className="space-y-1 text-xs">
                            {(evidenceByLine.get(line.id) ?? []).map((file) => (
                              <li key={file.id}>
                                <span className="block break-words">{file.fileName}</span>
                                {isDownloadable(file.scanStatus) ? <EvidenceLinks file={file} /> : <ScanBadge status={file.scanStatus} infectedBy={file.infectedBy} />}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {permitted.has("finding.raise") ? (
                          <details>
                            <summary className="cursor-pointer text-sm text-brand-700">{t("findingOnLine")}</summary>
                            <div className="mt-2 w-72 max-w-full">
                              <FindingForm applicationId={id} lines={lineOptions} lineId={line.id} />
                            </div>
                          </details>
                        ) : null}
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {linePage.pages > 1 ? (
            <div className="px-4 py-3">
              <Pagination
                label={t("inventory")}
                position={{ page: linePage.page, pageCount: linePage.pages, total: linePage.total }}
                {...pageLinks(`/verifier/applications/${id}`, {}, linePage.page, linePage.pages)}
              />
            </div>
          ) : null}
        </Card>

        <Card>
          <CardHeader title={findingsT("title")} />
          <CardBody className="space-y-4">
            <FindingList
              findings={view.findings}
              renderActions={(finding) =>
                finding.status === "open" && permitted.has("finding.close") ? (
                  <ActionButton
                    action={closeFindingAction}
                    input={{ applicationId: id, findingId: finding.id }}
                    label={findingsT("close")}
                    size="sm"
                    variant="secondary"
                  />
                ) : null
              }
            />
            {permitted.has("finding.raise") ? (
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium">{t("raiseFinding")}</summary>
                <div className="mt-3">
                  <FindingForm applicationId={id} lines={lineOptions} />
                </div>
              </details>
            ) : null}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title={t("inspections")} />
          <CardBody className="space-y-4">
            {view.inspections.length === 0 ? <p className="text-sm text-slate-600">{t("noInspections")}</p> : null}
            {view.inspections.map(({ inspection, recordedByName }) => (
              <div key={inspection.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium">
                  {format.dateTime(calendarDate(inspection.inspectedOn), DATE_FORMAT)} · {inspection.site}
                </p>
                <dl className="mt-2 grid gap-1 sm:grid-cols-[10rem_1fr]">
                  <dt className="text-slate-600">{t("participants")}</dt>
                  <dd>{inspection.participants}</dd>
                  <dt className="text-slate-600">{t("inspectionScope")}</dt>
                  <dd className="whitespace-pre-wrap">{inspection.scope}</dd>
                  <dt className="text-slate-600">{t("inspectionResult")}</dt>
                  <dd className="whitespace-pre-wrap">{inspection.result}</dd>
                  <dt className="text-slate-600">{t("recordedBy")}</dt>
                  <dd>{recordedByName}</dd>
                </dl>
                {permitted.has("application.recordInspection") ? (
                  <div className="mt-3">
                    <InspectionEvidenceForm applicationId={id} inspectionId={inspection.id} />
                  </div>
                ) : null}
              </div>
            ))}
            {permitted.has("application.recordInspection") ? (
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium">{t("recordInspection")}</summary>
                <div className="mt-3">
                  <InspectionForm applicationId={id} defaultSite={product.site} />
                </div>
              </details>
            ) : null}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title={t("evidence")} />
          {view.evidence.length === 0 ? (
            <CardBody>
              <EmptyState title={t("noEvidence")} />
            </CardBody>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("fileName")}</Th>
                  <Th>{t("attachedTo")}</Th>
                  <Th>{t("size")}</Th>
                  <Th>SHA-256</Th>
                  <Th>{t("uploadedBy")}</Th>
                </tr>
              </thead>
              <tbody>
                {view.evidence.map((file) => (
                  <tr key={file.id}>
                    <Td>
                      <p className="break-words font-medium">{file.fileName}</p>
                      <p className="text-xs text-slate-600">{file.mimeType}</p>
                      <ScanBadge status={file.scanStatus} infectedBy={file.infectedBy} />
                      {isDownloadable(file.scanStatus) ? <EvidenceLinks file={file} /> : null}
                    </Td>
                    <Td className="text-xs">
                      {file.inspectionId
                        ? t("attachedInspection")
                        : file.lineId
                          ? (view.lines.find(({ line }) => line.id === file.lineId)?.line.description ?? t("attachedLine"))
                          : t("attachedApplication")}
                    </Td>
                    <Td className="whitespace-nowrap">{format.number(file.sizeBytes / 1024, { maximumFractionDigits: 1 })} KB</Td>
                    <Td>
                      <code className="break-all text-xs">{file.sha256}</code>
                    </Td>
                    <Td className="text-xs">
                      {file.uploaderName} · {file.uploaderOrganization}
                      <br />
                      {format.dateTime(file.createdAt, DATE_TIME_FORMAT)}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
