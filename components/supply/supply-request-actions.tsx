"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionError, useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { acceptSupplyRequestAction } from "@/lib/actions/supply-requests/accept-supply-request";
import { cancelSupplyRequestAction } from "@/lib/actions/supply-requests/cancel-supply-request";
import { declineSupplyRequestAction } from "@/lib/actions/supply-requests/decline-supply-request";
import { fulfilSupplyRequestAction } from "@/lib/actions/supply-requests/fulfil-supply-request";
import { SHARED_FOOTPRINT_FIELDS, type SharedFootprintField } from "@/lib/enums";
import type { ActionResult } from "@/lib/result";
import { Select } from "@/components/ui/input";

type Request = { id: string; version: number; productName: string; actions: readonly ("accept" | "decline" | "cancel" | "fulfil")[] };
type Footprint = { id: string; certificateNumber: string; productName: string; value: string; declaredUnit: string };

/** The supplier picks one of its certified footprints and ticks what the customer may see. */
function FulfilForm({ request, footprints, onDone }: { request: Request; footprints: Footprint[]; onDone: () => void }) {
  const t = useTranslations("supply.fulfil");
  const { pending, error, run } = useActionRunner();
  const [footprintId, setFootprintId] = useState(footprints[0]?.id ?? "");
  const [fields, setFields] = useState<SharedFootprintField[]>([...SHARED_FOOTPRINT_FIELDS]);
  if (footprints.length === 0) return <p className="text-sm text-slate-700">{t("noFootprints")}</p>;
  return (
    <form
      className="space-y-3 rounded-md border border-slate-200 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => fulfilSupplyRequestAction({ requestId: request.id, expectedVersion: request.version, footprintId, fields }), {
          onSuccess: onDone,
          messageOf: (refusal) => refusal.fieldErrors?.footprintId?.[0] ?? refusal.message,
        });
      }}
    >
      <Field label={t("footprint")} hint={t("footprintHint")}>
        <Select value={footprintId} onChange={(event) => setFootprintId(event.target.value)}>
          {footprints.map((footprint) => (
            <option key={footprint.id} value={footprint.id}>
              {t("footprintOption", { product: footprint.productName, number: footprint.certificateNumber, value: footprint.value, unit: footprint.declaredUnit })}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("visible")}</legend>
        <p className="text-xs text-slate-600">{t("visibleHint")}</p>
        {SHARED_FOOTPRINT_FIELDS.map((field) => (
          <label key={field} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={fields.includes(field)}
              onChange={(event) => setFields((current) => (event.target.checked ? [...current, field] : current.filter((entry) => entry !== field)))}
            />
            {t(`fields.${field}`)}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {t("submit")}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t("back")}
        </Button>
      </div>
      <ActionError message={error} className="block" />
    </form>
  );
}

/** What the viewer may do with a request now: the supplier accepts or declines, the requester cancels. */
export function SupplyRequestActions({ request, footprints }: { request: Request; footprints: Footprint[] }) {
  const t = useTranslations("supply.actions");
  const runner = useActionRunner();
  const { pending, error } = runner;
  const [declining, setDeclining] = useState(false);
  const [fulfilling, setFulfilling] = useState(false);
  const [reason, setReason] = useState("");
  const ref = { requestId: request.id, expectedVersion: request.version };
  const run = (action: () => Promise<ActionResult<unknown>>, confirm?: string) =>
    runner.run(action, { confirm, onSuccess: () => setDeclining(false), messageOf: (refusal) => refusal.fieldErrors?.reason?.[0] ?? refusal.message });

  if (request.actions.length === 0) return null;
  if (fulfilling) return <FulfilForm request={request} footprints={footprints} onDone={() => setFulfilling(false)} />;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {request.actions.includes("fulfil") ? (
          <Button size="sm" disabled={pending} aria-label={t("fulfilLabel", { product: request.productName })} onClick={() => setFulfilling(true)}>
            {t("fulfil")}
          </Button>
        ) : null}
        {request.actions.includes("accept") ? (
          <Button size="sm" variant="secondary" disabled={pending} aria-label={t("acceptLabel", { product: request.productName })} onClick={() => run(() => acceptSupplyRequestAction(ref))}>
            {t("accept")}
          </Button>
        ) : null}
        {request.actions.includes("decline") && !declining ? (
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => setDeclining(true)} aria-label={t("declineLabel", { product: request.productName })}>
            {t("decline")}
          </Button>
        ) : null}
        {request.actions.includes("cancel") ? (
          <Button
            size="sm"
            variant="danger"
            disabled={pending}
            aria-label={t("cancelLabel", { product: request.productName })}
            onClick={() => run(() => cancelSupplyRequestAction(ref), t("cancelConfirm", { product: request.productName }))}
          >
            {t("cancel")}
          </Button>
        ) : null}
      </div>
      {declining ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => declineSupplyRequestAction({ ...ref, reason }));
          }}
        >
          <Field label={t("reason")}>
            <Textarea value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={2000} />
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" variant="danger" disabled={pending}>
              {t("confirmDecline")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setDeclining(false)}>
              {t("back")}
            </Button>
          </div>
        </form>
      ) : null}
      <ActionError message={error} className="block" />
    </div>
  );
}
