/**
 * What an actor may do with one application now: role (the permission table)
 * ∧ scope (own organization, the body it is entrusted to, the regulator's
 * region) ∧ state (the application's status). Domain operations assert these
 * decisions; pages render their buttons from `permittedOnApplication`.
 */
import type { ApplicationStatus, TeamRole } from "@/lib/enums";
import { isUserActor, type Actor, type UserActor } from "./actor";
import { ALLOWED, refuse, roleDecision, type Decision } from "./decision";
import type { Permission } from "./permissions";

/** The facts of an application the policy reads. */
export type ApplicationFacts = {
  status: ApplicationStatus;
  /** The enterprise that owns it. */
  organizationId: string;
  /** The body it is entrusted to, once submitted. */
  verificationBodyId: string | null;
  region: string;
  leadVerifierId: string | null;
  /** The planned team (lead and members), when the caller loaded it. */
  team?: ReadonlyArray<{ userId: string; teamRole: TeamRole }>;
  /** Who planned the review and who recommended the decision (application columns). */
  plannedBy?: string | null;
  recommendedBy?: string | null;
  /** Who accepted each submission round, when the caller loaded them. */
  acceptedBy?: readonly string[];
};

/** What separation of duties reads: everyone who took part in the verification. */
type VerificationParticipants = Pick<ApplicationFacts, "leadVerifierId" | "team" | "plannedBy" | "recommendedBy" | "acceptedBy">;

/** The enterprise may change the inventory (and submit) only while no body holds the application. */
export const INVENTORY_EDITABLE_STATUSES = ["draft", "changes_requested", "declined"] as const satisfies readonly ApplicationStatus[];

/** A submission can be withdrawn until the body accepts it. */
export const WITHDRAWABLE_STATUSES = ["submitted"] as const satisfies readonly ApplicationStatus[];

/** Statuses in which a verification body holds the application. */
export const WITH_BODY_STATUSES = ["submitted", "accepted", "in_review", "awaiting_decision"] as const satisfies readonly ApplicationStatus[];

/** Decided applications: a product may then get a new application. */
export const CLOSED_STATUSES = ["certified", "rejected"] as const satisfies readonly ApplicationStatus[];

/** The body records on-site inspection evidence while it works on the application. */
const BODY_EVIDENCE_STATUSES = ["accepted", "in_review"] as const satisfies readonly ApplicationStatus[];

export function isInventoryEditable(status: ApplicationStatus): boolean {
  return (INVENTORY_EDITABLE_STATUSES as readonly ApplicationStatus[]).includes(status);
}

type Scope =
  /** The enterprise that owns the application. */
  | "owner"
  /** Staff of the body the application is entrusted to. */
  | "body"
  /** Owner, entrusted body, or the regulator of the application's region. */
  | "reader";

type Rule = {
  scope: Scope;
  /** Statuses the permission needs; absent = any status. */
  statuses?: readonly ApplicationStatus[];
  /** The refusal message when the status does not allow it. */
  conflictMessage?: string;
  /**
   * Verification work: only the planned team (the lead verifier and the
   * members the plan named) does it, not every verifier of the body.
   */
  teamOnly?: true;
};

/** The owner's changes to its inventory (lines, evidence, calculations) while no body holds the application. */
const INVENTORY_RULE = {
  scope: "owner",
  statuses: INVENTORY_EDITABLE_STATUSES,
  conflictMessage: "inventory.errors.frozen",
} as const satisfies Rule;

/**
 * Every permission that acts on one application, with its scope and the
 * statuses it needs. A permission held in more than one scope lists one rule
 * per scope; the first whose scope holds the actor decides.
 */
export const APPLICATION_RULES = {
  "application.read": { scope: "reader" },
  "evidence.download": { scope: "reader" },
  // Whether a calculated footprint exists is a fact of the data: the report read checks it.
  "application.studyReport": [{ scope: "owner" }, { scope: "body" }],
  "application.batteryDeclaration": [{ scope: "owner" }, { scope: "body" }],
  // What-if scenarios never touch the inventory, so any status will do; a calculation of the
  // current inventory is a fact of the data the operations check.
  "scenario.manage": { scope: "owner" },
  "inventory.edit": INVENTORY_RULE,
  "evidence.upload": [
    INVENTORY_RULE,
    // The entrusted body attaches on-site inspection evidence while it works on the application.
    { scope: "body", statuses: BODY_EVIDENCE_STATUSES, conflictMessage: "evidence.errors.notUnderReview" },
  ],
  // The owner removes its own files; a body's inspection record is never deleted.
  "evidence.delete": INVENTORY_RULE,
  "application.calculate": INVENTORY_RULE,
  "application.submit": {
    scope: "owner",
    statuses: INVENTORY_EDITABLE_STATUSES,
    conflictMessage: "applications.errors.notSubmittable",
  },
  "application.withdrawSubmission": {
    scope: "owner",
    statuses: WITHDRAWABLE_STATUSES,
    conflictMessage: "applications.errors.notWithdrawable",
  },
  "finding.respond": { scope: "owner", statuses: ["changes_requested"] },
  "application.accept": { scope: "body", statuses: ["submitted"] },
  "application.decline": { scope: "body", statuses: ["submitted"] },
  "conflict.declare": { scope: "body" },
  "application.plan": { scope: "body", statuses: ["accepted"] },
  "application.recordInspection": { scope: "body", statuses: ["in_review"], teamOnly: true },
  "line.verify": { scope: "body", statuses: ["in_review"], teamOnly: true },
  "finding.raise": { scope: "body", statuses: ["in_review"], teamOnly: true },
  "finding.close": { scope: "body", statuses: ["in_review"], teamOnly: true },
  "application.requestChanges": { scope: "body", statuses: ["in_review"], teamOnly: true },
  "application.recommend": { scope: "body", statuses: ["in_review"], teamOnly: true },
  "application.decide": { scope: "body", statuses: ["awaiting_decision"] },
} as const satisfies Partial<Record<Permission, Rule | readonly Rule[]>>;

export type ApplicationPermission = keyof typeof APPLICATION_RULES;

function rulesOf(permission: ApplicationPermission): readonly Rule[] {
  const rules: Rule | readonly Rule[] = APPLICATION_RULES[permission];
  return Array.isArray(rules) ? rules : [rules as Rule];
}

function inScope(actor: UserActor, scope: Scope, facts: ApplicationFacts): boolean {
  const owner = actor.organizationKind === "enterprise" && actor.organizationId === facts.organizationId;
  const body = actor.organizationKind === "verification_body" && actor.organizationId === facts.verificationBodyId;
  if (scope === "owner") return owner;
  if (scope === "body") return body;
  return owner || body || (actor.role === "regulator" && actor.region === facts.region);
}

/**
 * On the planned team: the lead verifier, or a member named by the plan. A
 * caller that did not load `team` counts the lead alone, so leaving it out
 * never lets anyone more through.
 */
function isOnTeam(actor: UserActor, facts: Pick<ApplicationFacts, "leadVerifierId" | "team">): boolean {
  return actor.id === facts.leadVerifierId || !!facts.team?.some((member) => member.userId === actor.id);
}

/** Whether a permission's status rule lets it act on an application in `status`. */
export function statusAllows(permission: ApplicationPermission, status: ApplicationStatus): boolean {
  return rulesOf(permission).some((rule) => !rule.statuses || rule.statuses.includes(status));
}

/**
 * Separation of duties (CNCA: the decision is taken by someone independent of
 * the verification): the decider accepted no round, did not plan the review,
 * is not on the planned team (lead or member) and did not recommend. A caller
 * that did not load the team and the acceptors cannot show independence, so
 * the answer is then no.
 */
export function mayDecide(deciderId: string, facts: VerificationParticipants): boolean {
  if (!facts.team || !facts.acceptedBy) return false;
  return (
    deciderId !== facts.leadVerifierId &&
    deciderId !== facts.plannedBy &&
    deciderId !== facts.recommendedBy &&
    !facts.acceptedBy.includes(deciderId) &&
    !facts.team.some((member) => member.userId === deciderId)
  );
}

/** Role ∧ scope ∧ state for one permission on one application. */
export function decideOnApplication(actor: Actor | null | undefined, permission: ApplicationPermission, facts: ApplicationFacts): Decision {
  const role = roleDecision(actor, permission);
  if (!role.allowed) return role;
  if (!isUserActor(actor)) return refuse("forbidden");
  const rules = rulesOf(permission);
  const rule = rules.find((candidate) => inScope(actor, candidate.scope, facts));
  // Outside the scope the application is "not found", the answer for an id that does not exist:
  // another tenant's ids are no oracle.
  if (!rule) return refuse("notFound");
  if (rule.teamOnly && !isOnTeam(actor, facts)) return refuse("forbidden");
  if (rule.statuses && !rule.statuses.includes(facts.status)) return refuse("conflict", rule.conflictMessage);
  if (permission === "application.decide" && !mayDecide(actor.id, facts)) {
    return refuse("forbidden", actor.id === facts.leadVerifierId ? "verifier.errors.leadCannotDecide" : "verifier.errors.deciderNotIndependent");
  }
  return ALLOWED;
}

/** Everything the actor may do with the application now: the buttons a page shows. */
export function permittedOnApplication(actor: Actor | null | undefined, facts: ApplicationFacts): Set<ApplicationPermission> {
  const permitted = new Set<ApplicationPermission>();
  for (const permission of Object.keys(APPLICATION_RULES) as ApplicationPermission[]) {
    if (decideOnApplication(actor, permission, facts).allowed) permitted.add(permission);
  }
  return permitted;
}
