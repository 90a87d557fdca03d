"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { OrganizationKind, Role } from "@/db/schema";
import { changeUserRoleAction } from "@/lib/actions/admin/change-user-role";
import { endUserSessionsAction } from "@/lib/actions/admin/end-user-sessions";
import { setUserDisabledAction } from "@/lib/actions/admin/set-user-disabled";
import type { ActionResult } from "@/lib/result";
import { ROLES_BY_ORGANIZATION_KIND } from "@/lib/policy";

type Props = {
  userId: string;
  email: string;
  role: Role;
  disabled: boolean;
  organizationKind: OrganizationKind;
  isSelf: boolean;
};

/** Disable / enable, change role, sign out of every session; each takes effect on the user's next request. */
export function UserRowActions({ userId, email, role, disabled, organizationKind, isSelf }: Props) {
  const t = useTranslations("admin");
  const security = useTranslations("security.admin");
  const common = useTranslations("common");
  const translate = useMessage();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const roles = ROLES_BY_ORGANIZATION_KIND[organizationKind];

  function run(action: () => Promise<ActionResult<unknown>>) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.message);
    });
  }

  if (isSelf) return <span className="text-xs text-slate-600">{t("you")}</span>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {roles.length > 1 ? (
        <Select
          aria-label={t("roleOf", { email })}
          className="h-8 w-auto py-0"
          defaultValue={role}
          disabled={pending}
          onChange={(event) => run(() => changeUserRoleAction({ userId, role: event.target.value as Role }))}
        >
          {roles.map((option) => (
            <option key={option} value={option}>
              {common(`roles.${option}`)}
            </option>
          ))}
        </Select>
      ) : null}
      <Button
        size="sm"
        variant={disabled ? "secondary" : "danger"}
        disabled={pending}
        aria-label={disabled ? t("enableUser", { email }) : t("disableUser", { email })}
        onClick={() => run(() => setUserDisabledAction({ userId, disabled: !disabled }))}
      >
        {disabled ? t("enable") : t("disable")}
      </Button>
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={security("endSessionsOf", { email })}
        onClick={() => {
          if (window.confirm(security("endSessionsConfirm", { email }))) run(() => endUserSessionsAction({ userId }));
        }}
      >
        {security("endSessions")}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {translate(error)}
        </span>
      ) : null}
    </div>
  );
}
