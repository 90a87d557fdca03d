import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/forms/action-button";
import { FindingList } from "@/components/findings/finding-list";
import { PageHeader } from "@/components/page-header";
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
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES, can } from "@/lib/auth/permissions";
import { LIFE_CYCLE_STAGES } from "@/lib/calc/calculate";
import { formatSignificant } from "@/lib/calc/format";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { mayDecide } from "@/lib/domain/verification/stage-rules";
import { ConflictForm } from "./conflict-form";
import { DecideForm } from "./decide-form";
import { DeclineForm } from "./decline-form";
import { FindingForm } from "./finding-form";
import { InspectionEvidenceForm } from "./inspection-evidence-form";
import { InspectionForm } from "./inspection-form";
import { PlanForm } from "./plan-form";
import { RecommendForm } from "./recommend-form";
import { RoundDiffView } from "./round-diff-view";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

export default async function VerifierApplicationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(AREA_ROLES.verifier, `/verifier/applications/${id}`);
  const { page } = await searchParams;
  const view = await loadVerifierApplication(user, id, Number(page ?? 1));
  if (!view) notFound();
  const [t, common, findingsT, format, locale] = await Promise.all([
    getTranslations("verifier"),
    getTranslations("common"),
    getTranslations("findings"),
    getFormatter(),
    getLocale(),
  ]);
  const en = locale === "en";
  const { application, product, calculation, linePage } = view;
  const version = application.version;
  const inReview = application.status === "in_review";
  const reviewing = inReview && can(user.role, "line.verify");
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
          </div>
        }
      />

      <div className="space-y-6">
        <Card>
          <CardHeader title={t("nextStep")} />
          <CardBody className="space-y-4">
            {application.status === "submitted" && can(user.role, "application.accept") ? (
              <>
                <p className="text-sm text-slate-700">{application.plannedAt ? t("resubmittedHint") : t("acceptHint")}</p>
                <ActionButton action={acceptApplicationAction} input={{ applicationId: id, expectedVersion: version }} label={t("accept")} />
                <details className="rounded-md border border-slate-200 p-3">
                  <summary className="cursor-pointer text-sm font-medium">{t("decline")}</summary>
                  <div className="mt-3">
                    <DeclineForm applicationId={id} expectedVersion={version} />
                  </div>
                </details>
                <details className="rounded-md border border-slate-200 p-3">
                  <summary className="cursor-pointer text-sm font-medium">{t("declareConflict")}</summary>
                  <div className="mt-3">
                    <ConflictForm applicationId={id} />
                  </div>
                </details>
              </>
            ) : null}
            {application.status === "accepted" && can(user.role, "application.plan") ? (
              <PlanForm applicationId={id} expectedVersion={version} staff={view.staff} />
            ) : null}
            {inReview ? (
              <>
                <p className="text-sm text-slate-700">
                  {t("verifiedCount", { verified: linePage.verified, total: linePage.total })}
                </p>
                {can(user.role, "application.requestChanges") && view.findings.some((f) => f.status === "open") ? (
                  <ActionButton
                    action={requestChangesAction}
                    input={{ applicationId: id, expectedVersion: version }}
                    label={t("requestChanges")}
                    variant="secondary"
                    confirm={t("requestChangesConfirm")}
                  />
                ) : null}
                {can(user.role, "application.recommend") ? (
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
                {can(user.role, "application.decide") ? (
                  mayDecide(user.id, application.leadVerifierId) ? (
                    <DecideForm applicationId={id} expectedVersion={version} />
                  ) : (
                    <Alert tone="warning">{t("errors.leadCannotDecide")}</Alert>
                  )
                ) : (
                  <p className="text-sm text-slate-700">{t("waitingForReviewer")}</p>
                )}
              </>
            ) : null}
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
                <dd>{application.plannedDocumentReviewOn}</dd>
                <dt className="font-medium">{t("plannedOnSiteOn")}</dt>
                <dd>{application.plannedOnSiteOn}</dd>
              </dl>
            </CardBody>
          </Card>
        ) : null}

        <Card>
          <CardHeader title={t("calculation")} description={t("perDeclaredUnit", { unit: declaredUnit })} />
          <CardBody>
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
              {view.lines.map(({ line, ...factor }) => {
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
                      {line.source === "database_factor" && factor.factorKey
                        ? `${factor.factorKey} v${factor.factorVersion}: ${factor.factorValue} kg/${factor.factorUnit}`
                        : line.source === "supplier_factor"
                          ? `${line.supplierName ?? t("supplier")}: ${line.supplierFactorValue} kg/${line.supplierFactorUnit}`
                          : line.gas}
                    </Td>
                    <Td className="whitespace-nowrap">{emission ? kg(emission.emissions) : "—"}</Td>
                    <Td>
                      <div className="flex flex-col items-start gap-2">
                        <Badge tone={verified ? "success" : "neutral"}>{t(`lineVerification.${line.verification}`)}</Badge>
                        {reviewing ? (
                          <>
                            <ActionButton
                              action={verifyLineAction}
                              input={{ applicationId: id, lineId: line.id, verified: !verified }}
                              label={verified ? t("unverifyLine") : t("verifyLine")}
                              aria-label={`${verified ? t("unverifyLine") : t("verifyLine")}: ${line.description}`}
                              size="sm"
                              variant={verified ? "ghost" : "secondary"}
                            />
                            <details>
                              <summary className="cursor-pointer text-sm text-brand-700">{t("findingOnLine")}</summary>
                              <div className="mt-2 w-72 max-w-full">
                                <FindingForm applicationId={id} lines={lineOptions} lineId={line.id} />
                              </div>
                            </details>
                          </>
                        ) : null}
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {linePage.pages > 1 ? (
            <nav aria-label={t("inventory")} className="flex items-center justify-between px-4 py-3 text-sm">
              {linePage.page > 1 ? <Link href={`?page=${linePage.page - 1}`}>{common("previous")}</Link> : <span />}
              <span>{common("page", { page: linePage.page, pages: linePage.pages })}</span>
              {linePage.page < linePage.pages ? <Link href={`?page=${linePage.page + 1}`}>{common("next")}</Link> : <span />}
            </nav>
          ) : null}
        </Card>

        <Card>
          <CardHeader title={findingsT("title")} />
          <CardBody className="space-y-4">
            <FindingList
              findings={view.findings}
              renderActions={(finding) =>
                inReview && finding.status === "open" && can(user.role, "finding.close") ? (
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
            {reviewing && can(user.role, "finding.raise") ? (
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
                  {inspection.inspectedOn} · {inspection.site}
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
                {reviewing && can(user.role, "evidence.upload") ? (
                  <div className="mt-3">
                    <InspectionEvidenceForm applicationId={id} inspectionId={inspection.id} />
                  </div>
                ) : null}
              </div>
            ))}
            {reviewing && can(user.role, "application.recordInspection") ? (
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
                      <a className="text-brand-700 hover:underline" href={`/api/evidence/${file.id}`}>
                        {file.fileName}
                      </a>
                      <p className="text-xs text-slate-600">{file.mimeType}</p>
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
                      {format.dateTime(file.createdAt, { dateStyle: "medium", timeStyle: "short" })}
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
