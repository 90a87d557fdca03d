import { useFormatter, useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { EvidenceView } from "@/lib/dal/enterprise-application";
import { evidenceTypeLabel } from "@/lib/evidence/rules";
import { EvidenceDeleteButton } from "./evidence-delete-button";
import { EvidenceLinks } from "./evidence-links";
import { EvidenceUploadForm } from "./evidence-upload-form";
import { isDownloadable, ScanBadge } from "./scan-badge";
import { Sha256Value } from "./sha256-value";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

type Props = {
  applicationId: string;
  /** The files are this line's; without it, every file of the application. */
  lineId?: string;
  /** The files the user sees, each marked whether the user may delete it. */
  files: EvidenceView;
  /** The owner may attach files while the application is editable. */
  canUpload: boolean;
};

/**
 * The evidence of an application (or of one line) as the signed-in user may
 * see it, with downloads, and for the owner of an editable application the
 * upload form and delete buttons. The server still checks every action.
 */
export function EvidencePanel({ applicationId, lineId, files, canUpload }: Props) {
  const t = useTranslations("evidence");
  const format = useFormatter();
  const fileSize = (bytes: number) =>
    bytes >= 1024 * 1024
      ? format.number(bytes / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })
      : format.number(Math.max(bytes / 1024, 0.1), { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 });

  return (
    <Card>
      <CardHeader title={t("title")} description={lineId ? t("lineDescription") : t("description")} />
      <CardBody className="space-y-4">
        {files.length === 0 ? (
          <EmptyState title={t("empty")} description={canUpload ? t("emptyHint") : undefined} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("file")}</Th>
                <Th>{t("type")}</Th>
                <Th className="text-right">{t("size")}</Th>
                <Th>{t("sha256")}</Th>
                <Th>{t("uploadedBy")}</Th>
                <Th>{t("uploadedAt")}</Th>
                <Th>
                  <span className="sr-only">{t("actions")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.id}>
                  <Td className="max-w-64 break-words font-medium text-slate-900">
                    {file.fileName}
                    <ScanBadge status={file.scanStatus} infectedBy={file.infectedBy} />
                  </Td>
                  <Td>{evidenceTypeLabel(file.mimeType)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{fileSize(file.sizeBytes)}</Td>
                  <Td>
                    <Sha256Value value={file.sha256} fileName={file.fileName} />
                  </Td>
                  <Td>
                    {file.uploaderName}
                    <span className="block text-xs text-slate-600">{file.uploaderOrganization}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{format.dateTime(file.createdAt, DATE_TIME_FORMAT)}</Td>
                  <Td className="whitespace-nowrap">
                    {isDownloadable(file.scanStatus) ? <EvidenceLinks file={file} /> : null}
                    {file.deletable ? <EvidenceDeleteButton evidenceId={file.id} fileName={file.fileName} /> : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {canUpload ? <EvidenceUploadForm applicationId={applicationId} lineId={lineId} /> : null}
      </CardBody>
    </Card>
  );
}
