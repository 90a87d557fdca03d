/**
 * The value lists of every enum, in one module with no dependencies: `db/schema.ts`
 * builds its `pgEnum`s from them and the zod schemas their `z.enum`s, so client
 * code can use them without pulling table definitions into the browser.
 */

export const ORGANIZATION_KINDS = ["enterprise", "verification_body", "regulator", "operator"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** verifier = lead verifier / team member; reviewer = the body's decision maker. */
export const USER_ROLES = ["enterprise", "verifier", "reviewer", "regulator", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const SYSTEM_BOUNDARIES = ["cradle_to_gate", "cradle_to_grave"] as const;
export type SystemBoundary = (typeof SYSTEM_BOUNDARIES)[number];

export const APPLICATION_STATUSES = ["draft", "submitted", "declined", "accepted", "in_review", "changes_requested", "awaiting_decision", "certified", "rejected"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Sub-stage of `in_review`, following CNCA-CFP-00:2025. */
export const REVIEW_STAGES = ["document_review", "on_site_inspection", "pcf_verification"] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const LIFE_CYCLE_STAGES = ["raw_material", "production", "distribution", "use", "end_of_life"] as const;
export type LifeCycleStage = (typeof LIFE_CYCLE_STAGES)[number];

export const LINE_SOURCES = ["database_factor", "supplier_factor", "direct_gas"] as const;
export type LineSource = (typeof LINE_SOURCES)[number];

export const DATA_TYPES = ["primary", "secondary"] as const;
export type DataType = (typeof DATA_TYPES)[number];

export const EMISSION_CATEGORIES = ["fossil", "biogenic", "land_use_change"] as const;
export type EmissionCategory = (typeof EMISSION_CATEGORIES)[number];

export const LINE_VERIFICATIONS = ["unverified", "verified"] as const;

export const FINDING_SEVERITIES = ["major", "minor", "observation"] as const;

export const FINDING_STATUSES = ["open", "closed"] as const;

export const RECOMMENDATIONS = ["approve", "reject"] as const;

export const CERTIFICATE_STATUSES = ["valid", "suspended", "withdrawn", "expired"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const SURVEILLANCE_RESULTS = ["passed", "failed"] as const;

export const TEAM_ROLES = ["lead", "member"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A verification body's signing key: one active at a time; retired keys stay published so old credentials verify. */
export const SIGNING_KEY_STATUSES = ["active", "retired"] as const;

/** The Bitstring Status List purposes each credential has an entry in (W3C Bitstring Status List v1.0). */
export const STATUS_PURPOSES = ["revocation", "suspension"] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];
/**
 * What an API client may be granted (OAuth 2.0 scopes). lib/policy/permissions.ts maps each onto
 * permissions of the table and says which kinds of organization may grant which.
 */
export const API_SCOPES = ["footprints:read", "applications:read", "applications:write", "certificates:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * Why a PACT ProductFootprint became Deprecated (its certificate stopped being valid, or a newer
 * footprint took its place: re-certification, or a reinstated certificate's fresh footprint).
 */
export const FOOTPRINT_DEPRECATION_REASONS = ["suspended", "withdrawn", "expired", "recertified", "reissued"] as const;
export type FootprintDeprecationReason = (typeof FOOTPRINT_DEPRECATION_REASONS)[number];

/** An incoming PACT footprint request: answered with matching footprints, or rejected because none matched. */
export const FOOTPRINT_REQUEST_OUTCOMES = ["fulfilled", "rejected"] as const;
export type FootprintRequestOutcome = (typeof FOOTPRINT_REQUEST_OUTCOMES)[number];

/** An outgoing PACT event: waiting for (another) attempt, delivered, or given up after 72 hours. */
export const PACT_DELIVERY_STATUSES = ["pending", "delivered", "abandoned"] as const;
export type PactDeliveryStatus = (typeof PACT_DELIVERY_STATUSES)[number];

/** EU Battery Regulation (EU) 2023/1542 Article 7: the battery categories that must declare a carbon footprint. */
export const BATTERY_CATEGORIES = ["ev", "industrial", "lmt"] as const;
export type BatteryCategory = (typeof BATTERY_CATEGORIES)[number];

/** How a battery's expected service life is stated: full equivalent cycles, or years with a yearly energy throughput. */
export const SERVICE_LIFE_BASES = ["cycles", "years"] as const;
export type ServiceLifeBasis = (typeof SERVICE_LIFE_BASES)[number];

/**
 * An outgoing email: waiting to be sent (or retried), sent to the relay, given up after its last
 * retry, or kept unsent because no relay is configured (the demo) — never dropped.
 */
export const MAIL_STATUSES = ["pending", "sent", "failed", "no_relay"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** What an outgoing email is: its `emails.<kind>` message and its name in the operator's outbox. */
export const MAIL_KINDS = ["notification", "digest", "verifyEmail", "passwordReset", "newSignIn", "passwordChanged"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** What an outbox row records as its last error when no relay is configured, or the relay gave no reason. */
export const MAIL_NO_RELAY_ERROR = "not sent: no relay";
export const MAIL_UNKNOWN_ERROR = "unknown";

/**
 * A factor-update impact run (the background job that lists the certificates a new factor
 * version moves and notifies their enterprises): waiting, being computed, finished with its
 * figures, or given up after its last attempt.
 */
export const FACTOR_IMPACT_RUN_STATUSES = ["queued", "running", "done", "failed"] as const;
export type FactorImpactRunStatus = (typeof FACTOR_IMPACT_RUN_STATUSES)[number];

/**
 * An evidence file's malware scan (ClamAV, when CLAMAV_SOCKET is set): not scanned (no scanner
 * configured, or uploaded before one was), waiting for the scanner, found clean, found infected
 * (its bytes deleted), or the scanner could not be reached (retried). Only not_scanned and clean
 * files are downloadable.
 */
export const EVIDENCE_SCAN_STATUSES = ["not_scanned", "pending", "clean", "infected", "scan_failed"] as const;
export type EvidenceScanStatus = (typeof EVIDENCE_SCAN_STATUSES)[number];

/** How a user wants their notifications by email: not at all, each at once, or one digest a day. */
export const MAIL_PREFERENCES = ["off", "immediate", "daily"] as const;
export type MailPreference = (typeof MAIL_PREFERENCES)[number];

/** What a single-use emailed link proves: the address is the user's, or the user may set a new password. */
export const EMAIL_TOKEN_PURPOSES = ["verify_email", "password_reset"] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/**
 * What-if changes a reduction scenario makes to one inventory line without touching it: another
 * database factor, a supplier's certified footprint, the quantity up or down by a percentage,
 * another allocation share, or no line.
 */
export const SCENARIO_CHANGE_KINDS = ["replace_factor", "supplier_footprint", "scale_quantity", "set_allocation", "remove_line"] as const;
export type ScenarioChangeKind = (typeof SCENARIO_CHANGE_KINDS)[number];

/** Orders of the public registry: newest first, lowest footprint, best grade, product name. */
export const REGISTRY_SORTS = ["newest", "footprint", "grade", "product"] as const;
export type RegistrySort = (typeof REGISTRY_SORTS)[number];

/**
 * A footprint request one enterprise sends a supplier (on the platform, or a PACT partner):
 * pending → accepted / declined → fulfilled; expired once its due date passed unanswered;
 * cancelled by the requester at any point before it is fulfilled.
 */
export const SUPPLY_REQUEST_STATUSES = ["pending", "accepted", "declined", "fulfilled", "expired", "cancelled"] as const;
export type SupplyRequestStatus = (typeof SUPPLY_REQUEST_STATUSES)[number];

/** The states from which a request can still move (a finished one is kept as it ended). */
export const OPEN_SUPPLY_REQUEST_STATUSES = ["pending", "accepted"] as const satisfies readonly SupplyRequestStatus[];

/**
 * What a supplier may choose to show a customer with a fulfilled request, beyond the footprint's
 * value and unit (always shown). Its inventory and evidence are never among them.
 */
export const SHARED_FOOTPRINT_FIELDS = ["boundary", "stageBreakdown", "primaryDataShare", "dataQuality", "verification"] as const;
export type SharedFootprintField = (typeof SHARED_FOOTPRINT_FIELDS)[number];

/** What happened to a supplier's certificate that a customer's footprint rests on. */
export const SUPPLIER_CERTIFICATE_CHANGES = ["suspended", "withdrawn", "expired", "superseded"] as const;
export type SupplierCertificateChange = (typeof SUPPLIER_CERTIFICATE_CHANGES)[number];
