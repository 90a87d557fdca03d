import { Badge } from "@/components/ui/badge";
import type { MailStatus } from "@/lib/enums";

const TONES: Record<MailStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  pending: "info",
  sent: "success",
  failed: "danger",
  no_relay: "warning",
};

export function MailStatusBadge({ status, label }: { status: MailStatus; label: string }) {
  return <Badge tone={TONES[status]}>{label}</Badge>;
}
