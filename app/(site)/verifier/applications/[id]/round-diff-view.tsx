import { useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatSignificant } from "@/lib/calc/format";
import type { RoundDiff, SnapshotLine } from "@/lib/rules/round-diff";

function describe(line: SnapshotLine): string {
  return `${line.description} — ${line.quantity} ${line.unit}`;
}

/** What the enterprise changed since the previous round: the verifier's starting point on a resubmission. */
export function RoundDiffView({ diff, rounds, declaredUnit }: { diff: RoundDiff; rounds: [number, number]; declaredUnit: string }) {
  const t = useTranslations("verifier");
  const result = (value: string | null) => (value === null ? "—" : `${formatSignificant(value, 4)} kg CO₂e`);
  const nothing = !diff.added.length && !diff.removed.length && !diff.edited.length;
  return (
    <Card>
      <CardHeader title={t("diffTitle", { previous: rounds[0], current: rounds[1] })} />
      <CardBody className="space-y-3 text-sm">
        <p>
          {t("diffResult", { unit: declaredUnit })}: <strong>{result(diff.result.before)}</strong> → <strong>{result(diff.result.after)}</strong>
          {diff.result.changed ? "" : ` (${t("diffUnchanged")})`}
        </p>
        {nothing ? <p className="text-slate-600">{t("diffNoLineChanges")}</p> : null}
        {diff.added.length ? (
          <section>
            <h3 className="font-medium text-brand-800">{t("diffAdded", { count: diff.added.length })}</h3>
            <ul className="list-disc pl-5">
              {diff.added.map((line) => (
                <li key={line.id}>{describe(line)}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {diff.removed.length ? (
          <section>
            <h3 className="font-medium text-red-800">{t("diffRemoved", { count: diff.removed.length })}</h3>
            <ul className="list-disc pl-5">
              {diff.removed.map((line) => (
                <li key={line.id} className="line-through">
                  {describe(line)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {diff.edited.length ? (
          <section>
            <h3 className="font-medium text-amber-800">{t("diffEdited", { count: diff.edited.length })}</h3>
            <ul className="list-disc pl-5">
              {diff.edited.map(({ before, after, fields }) => (
                <li key={after.id}>
                  {describe(before)} → {describe(after)}{" "}
                  <span className="text-xs text-slate-600">({t("diffFields", { fields: fields.join(", ") })})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p className="text-xs text-slate-600">{t("diffUnchangedCount", { count: diff.unchangedCount })}</p>
      </CardBody>
    </Card>
  );
}
