/**
 * The single source of truth for CarbonLabel's tables, enums and inferred types.
 * Quantities, factors and results are `numeric` (exact decimal), never float.
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------- enums

export const organizationKind = pgEnum("organization_kind", [
  "enterprise",
  "verification_body",
  "regulator",
  "operator",
]);

/** verifier = lead verifier / team member; reviewer = the body's decision maker. */
export const userRole = pgEnum("user_role", [
  "enterprise",
  "verifier",
  "reviewer",
  "regulator",
  "admin",
]);

export const systemBoundary = pgEnum("system_boundary", [
  "cradle_to_gate",
  "cradle_to_grave",
]);

export const applicationStatus = pgEnum("application_status", [
  "draft",
  "submitted",
  "declined",
  "accepted",
  "in_review",
  "changes_requested",
  "awaiting_decision",
  "certified",
  "rejected",
]);

/** Sub-stage of `in_review`, following CNCA-CFP-00:2025. */
export const reviewStage = pgEnum("review_stage", [
  "document_review",
  "on_site_inspection",
  "pcf_verification",
]);

export const lifeCycleStage = pgEnum("life_cycle_stage", [
  "raw_material",
  "production",
  "distribution",
  "use",
  "end_of_life",
]);

export const lineSource = pgEnum("line_source", [
  "database_factor",
  "supplier_factor",
  "direct_gas",
]);

export const dataType = pgEnum("data_type", ["primary", "secondary"]);

export const emissionCategory = pgEnum("emission_category", [
  "fossil",
  "biogenic",
  "land_use_change",
]);

export const lineVerification = pgEnum("line_verification", [
  "unverified",
  "verified",
]);

export const findingSeverity = pgEnum("finding_severity", [
  "major",
  "minor",
  "observation",
]);

export const findingStatus = pgEnum("finding_status", ["open", "closed"]);

export const recommendation = pgEnum("recommendation", ["approve", "reject"]);

export const certificateStatus = pgEnum("certificate_status", [
  "valid",
  "suspended",
  "withdrawn",
  "expired",
]);

export const surveillanceResult = pgEnum("surveillance_result", [
  "passed",
  "failed",
]);

export const teamRole = pgEnum("team_role", ["lead", "member"]);

// ---------------------------------------------------------- organizations

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    kind: organizationKind("kind").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    /** Unified social credit code (GB 32100-2015); required for enterprises. */
    creditCode: text("credit_code"),
    /** Province-level division code (GB/T 2260), e.g. 500000 for Chongqing. */
    region: text("region").notNull(),
    /** County-level division code, e.g. 500112 for Yubei. */
    district: text("district"),
    /** Accreditation number of a verification body. */
    accreditationNo: text("accreditation_no"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organizations_credit_code_uq").on(t.creditCode),
    index("organizations_kind_region_idx").on(t.kind, t.region, t.district),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** Stored lower-case. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    /** Bumped on disable or role change: older sessions stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    index("users_organization_idx").on(t.organizationId),
  ],
);

/** Failed sign-ins per email, shared by every app instance. */
export const loginThrottle = pgTable("login_throttle", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/** A verification body declares it will not certify an enterprise. */
export const conflictsOfInterest = pgTable(
  "conflicts_of_interest",
  {
    verificationBodyId: uuid("verification_body_id")
      .notNull()
      .references(() => organizations.id),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => organizations.id),
    reason: text("reason").notNull(),
    declaredBy: uuid("declared_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.verificationBodyId, t.enterpriseId] })],
);

// ------------------------------------------------------ products & factors

export const productCategories = pgTable("product_categories", {
  /** Stable code, e.g. `laptop`. */
  id: text("id").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  sector: text("sector").notNull(),
  /** Typical declared unit, e.g. `piece`, `kWh`, `t`. */
  declaredUnit: text("declared_unit").notNull(),
  /** Plausibility band for warnings (kg CO2e per declared unit), where known. */
  plausibleMin: numeric("plausible_min"),
  plausibleMax: numeric("plausible_max"),
  plausibleSource: text("plausible_source"),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const products = pgTable(
  "products",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    categoryId: text("category_id")
      .notNull()
      .references(() => productCategories.id),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    model: text("model").notNull(),
    hsCode: text("hs_code").notNull(),
    declaredUnitAmount: numeric("declared_unit_amount").notNull(),
    declaredUnit: text("declared_unit").notNull(),
    systemBoundary: systemBoundary("system_boundary").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    /** Declared units produced in the reference period. */
    productionVolume: numeric("production_volume").notNull(),
    site: text("site").notNull(),
    exportMarkets: text("export_markets")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    /** Also the regulator dashboard's product count (category and period read from the index). */
    index("products_organization_idx").on(t.organizationId, t.categoryId, t.createdAt),
    index("products_category_idx").on(t.categoryId),
  ],
);

/**
 * Emission factors are versioned: `factorKey` names the logical factor,
 * each change is a new row with the next `version`; rows are never edited
 * once a certificate used them (only superseded).
 */
export const emissionFactors = pgTable(
  "emission_factors",
  {
    id: id(),
    factorKey: text("factor_key").notNull(),
    version: integer("version").notNull().default(1),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    /** electricity, fuel, material, transport, waste, … */
    category: text("category").notNull(),
    /** kg CO2e per one `unit`. */
    value: numeric("value").notNull(),
    unit: text("unit").notNull(),
    region: text("region").notNull(),
    year: integer("year").notNull(),
    source: text("source").notNull(),
    gwpBasis: text("gwp_basis").notNull().default("AR6"),
    emissionCategory: emissionCategory("emission_category")
      .notNull()
      .default("fossil"),
    /** Set when a newer version exists. */
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("emission_factors_key_version_uq").on(t.factorKey, t.version),
    index("emission_factors_current_idx")
      .on(t.category, t.year)
      .where(sql`${t.supersededAt} is null`),
  ],
);

/** Global warming potentials (kg CO2e per kg of gas), by IPCC assessment. */
export const gwpValues = pgTable(
  "gwp_values",
  {
    gas: text("gas").notNull(),
    gwpSet: text("gwp_set").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    value: numeric("value").notNull(),
    /** CH4 of biological origin counts as biogenic. */
    emissionCategory: emissionCategory("emission_category")
      .notNull()
      .default("fossil"),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.gas, t.gwpSet] })],
);

/** Category benchmark (kg CO2e per declared unit) with grade thresholds, versioned. */
export const benchmarks = pgTable(
  "benchmarks",
  {
    id: id(),
    categoryId: text("category_id")
      .notNull()
      .references(() => productCategories.id),
    version: integer("version").notNull(),
    value: numeric("value").notNull(),
    declaredUnit: text("declared_unit").notNull(),
    source: text("source").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    /** Upper bounds of the ratio footprint / benchmark for levels 1..n-1, ascending. */
    thresholds: jsonb("thresholds").$type<number[]>().notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("benchmarks_category_version_uq").on(t.categoryId, t.version),
  ],
);

// ------------------------------------------------------------ applications

export const applications = pgTable(
  "applications",
  {
    id: id(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    /** The enterprise that owns the product. */
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** Denormalized from product and organization for scoped dashboards. */
    categoryId: text("category_id")
      .notNull()
      .references(() => productCategories.id),
    region: text("region").notNull(),
    district: text("district"),
    status: applicationStatus("status").notNull().default("draft"),
    reviewStage: reviewStage("review_stage"),
    /** Optimistic-concurrency version, bumped by every transition. */
    version: integer("version").notNull().default(1),
    /** Bumped by every inventory change; a calculation is fresh when it matches. */
    inventoryRevision: integer("inventory_revision").notNull().default(0),
    round: integer("round").notNull().default(0),
    verificationBodyId: uuid("verification_body_id").references(
      () => organizations.id,
    ),
    leadVerifierId: uuid("lead_verifier_id").references(() => users.id),
    reviewerId: uuid("reviewer_id").references(() => users.id),
    plannedDocumentReviewOn: date("planned_document_review_on"),
    plannedOnSiteOn: date("planned_on_site_on"),
    declineReason: text("decline_reason"),
    recommendation: recommendation("recommendation"),
    verificationStatement: text("verification_statement"),
    decisionReason: text("decision_reason"),
    /** Latest calculation result (kg CO2e per declared unit), full precision. */
    resultValue: numeric("result_value"),
    latestCalculationId: uuid("latest_calculation_id"),
    /** Re-certification: the certificate this application renews. */
    previousCertificateId: uuid("previous_certificate_id"),
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    plannedAt: timestamp("planned_at", { withTimezone: true }),
    recommendedAt: timestamp("recommended_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("applications_organization_idx").on(t.organizationId, t.status),
    index("applications_body_queue_idx").on(
      t.verificationBodyId,
      t.status,
      t.stageEnteredAt,
    ),
    index("applications_region_idx").on(
      t.region,
      t.status,
      t.categoryId,
      t.district,
    ),
    index("applications_product_idx").on(t.productId),
    /** Regulator dashboard: enterprises with an application in the filtered category. */
    index("applications_category_organization_idx").on(t.categoryId, t.organizationId),
    /**
     * Regulator dashboard: applications opened in a period within a region; the
     * trailing columns let the funnel and body activity read the index alone.
     */
    index("applications_region_created_idx").on(
      t.region,
      t.createdAt,
      t.categoryId,
      t.district,
      t.status,
      t.verificationBodyId,
    ),
  ],
);

export const applicationTeam = pgTable(
  "application_team",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    teamRole: teamRole("team_role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.userId] })],
);

/** Each time an application moves between statuses: time-in-stage statistics. */
export const stageTransitions = pgTable(
  "stage_transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    region: text("region").notNull(),
    categoryId: text("category_id").notNull(),
    district: text("district"),
    fromStatus: applicationStatus("from_status"),
    toStatus: applicationStatus("to_status").notNull(),
    enteredFromAt: timestamp("entered_from_at", { withTimezone: true }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Days spent in `fromStatus`. */
    daysInFrom: numeric("days_in_from"),
  },
  (t) => [
    index("stage_transitions_app_idx").on(t.applicationId),
    index("stage_transitions_region_idx").on(t.region, t.fromStatus, t.at),
    /**
     * Regulator dashboard: the transitions of a partial month at the edges of a
     * period filter (whole months come from stage_duration_buckets), index only.
     */
    index("stage_transitions_dashboard_idx").on(
      t.region,
      t.at,
      t.fromStatus,
      t.categoryId,
      t.district,
      t.daysInFrom,
    ),
  ],
);

/**
 * Histogram of days spent per stage, kept in the same transaction as every
 * stage_transitions row (lib/domain/applications/stage-durations.ts), so the
 * dashboard reads percentiles from counts instead of sorting raw transitions.
 * Each transition is counted once per roll-up: `categoryId` / `district` hold
 * '' for "all categories" / "all districts" (a district filter never matches a
 * transition without a district, so those are only counted under '').
 * `daysBucket` = days rounded to 0.1 day, in tenths (resolution of the display).
 * `month` = first day of the month of `at` in Asia/Shanghai; each transition is
 * also counted under month 0001-01-01, the all-time roll-up (ALL_MONTHS).
 */
export const stageDurationBuckets = pgTable(
  "stage_duration_buckets",
  {
    region: text("region").notNull(),
    categoryId: text("category_id").notNull(),
    district: text("district").notNull(),
    month: date("month").notNull(),
    fromStatus: applicationStatus("from_status").notNull(),
    daysBucket: integer("days_bucket").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({
      name: "stage_duration_buckets_pk",
      columns: [t.region, t.categoryId, t.district, t.month, t.fromStatus, t.daysBucket],
    }),
  ],
);

export const inventoryLines = pgTable(
  "inventory_lines",
  {
    id: id(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    stage: lifeCycleStage("stage").notNull(),
    position: integer("position").notNull().default(0),
    description: text("description").notNull(),
    quantity: numeric("quantity").notNull(),
    unit: text("unit").notNull(),
    source: lineSource("source").notNull(),
    factorId: uuid("factor_id").references(() => emissionFactors.id),
    supplierFactorValue: numeric("supplier_factor_value"),
    /** Denominator unit of the supplier factor (kg CO2e per this unit). */
    supplierFactorUnit: text("supplier_factor_unit"),
    supplierName: text("supplier_name"),
    gas: text("gas"),
    dataType: dataType("data_type").notNull().default("secondary"),
    dqrTechnological: smallint("dqr_technological").notNull().default(3),
    dqrGeographical: smallint("dqr_geographical").notNull().default(3),
    dqrTemporal: smallint("dqr_temporal").notNull().default(3),
    allocationShare: numeric("allocation_share").notNull().default("1"),
    emissionCategory: emissionCategory("emission_category")
      .notNull()
      .default("fossil"),
    verification: lineVerification("verification")
      .notNull()
      .default("unverified"),
    verifiedBy: uuid("verified_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("inventory_lines_application_idx").on(
      t.applicationId,
      t.stage,
      t.position,
    ),
    /** Which certificates a superseded factor affects. */
    index("inventory_lines_factor_idx").on(t.factorId),
  ],
);

/** A calculation run; submitted ones are frozen snapshots with a digest. */
export const calculations = pgTable(
  "calculations",
  {
    id: id(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    inventoryRevision: integer("inventory_revision").notNull(),
    /** kg CO2e per declared unit, full precision. */
    result: numeric("result").notNull(),
    fossil: numeric("fossil").notNull(),
    biogenic: numeric("biogenic").notNull(),
    landUseChange: numeric("land_use_change").notNull(),
    primaryShare: numeric("primary_share").notNull(),
    dataQuality: numeric("data_quality").notNull(),
    gwpSet: text("gwp_set").notNull(),
    /** Per-stage and per-line breakdown and factor versions used. */
    breakdown: jsonb("breakdown").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("calculations_application_idx").on(t.applicationId)],
);

export const submissions = pgTable(
  "submissions",
  {
    id: id(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    verificationBodyId: uuid("verification_body_id")
      .notNull()
      .references(() => organizations.id),
    calculationId: uuid("calculation_id")
      .notNull()
      .references(() => calculations.id),
    /** Canonical snapshot: inputs, factor ids and versions, result. */
    snapshot: jsonb("snapshot").notNull(),
    snapshotSha256: text("snapshot_sha256").notNull(),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    uniqueIndex("submissions_application_round_uq").on(
      t.applicationId,
      t.round,
    ),
  ],
);

export const findings = pgTable(
  "findings",
  {
    id: id(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    /** Null for a finding on the application as a whole. */
    lineId: uuid("line_id").references(() => inventoryLines.id, {
      onDelete: "set null",
    }),
    round: integer("round").notNull(),
    severity: findingSeverity("severity").notNull(),
    text: text("text").notNull(),
    status: findingStatus("status").notNull().default("open"),
    response: text("response"),
    raisedBy: uuid("raised_by")
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp("raised_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    closedBy: uuid("closed_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("findings_application_idx").on(t.applicationId, t.status)],
);

export const onSiteInspections = pgTable(
  "on_site_inspections",
  {
    id: id(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    inspectedOn: date("inspected_on").notNull(),
    site: text("site").notNull(),
    participants: text("participants").notNull(),
    scope: text("scope").notNull(),
    result: text("result").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("on_site_inspections_application_idx").on(t.applicationId)],
);

export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: id(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    lineId: uuid("line_id").references(() => inventoryLines.id, {
      onDelete: "set null",
    }),
    inspectionId: uuid("inspection_id").references(() => onSiteInspections.id),
    /** Organization of the uploader (enterprise or verification body). */
    uploadedByOrganizationId: uuid("uploaded_by_organization_id")
      .notNull()
      .references(() => organizations.id),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    /** Detected from the content, not the name. */
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("evidence_files_application_idx").on(t.applicationId),
    index("evidence_files_line_idx").on(t.lineId),
  ],
);

// ------------------------------------------------------------ certificates

export const certificates = pgTable(
  "certificates",
  {
    id: id(),
    /** e.g. CFP-CQ-2026-7K3M9Q */
    number: text("number").notNull(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    verificationBodyId: uuid("verification_body_id")
      .notNull()
      .references(() => organizations.id),
    categoryId: text("category_id")
      .notNull()
      .references(() => productCategories.id),
    region: text("region").notNull(),
    district: text("district"),
    /** Denormalized public fields for the registry search. */
    productName: text("product_name").notNull(),
    productNameEn: text("product_name_en").notNull(),
    enterpriseName: text("enterprise_name").notNull(),
    /** kg CO2e per declared unit, full precision. */
    value: numeric("value").notNull(),
    benchmarkId: uuid("benchmark_id").references(() => benchmarks.id),
    /** Null when the category had no benchmark. */
    grade: smallint("grade"),
    ratio: numeric("ratio"),
    issuedOn: date("issued_on").notNull(),
    expiresOn: date("expires_on").notNull(),
    /** Stored status; `expired` is also derived from `expiresOn` when read. */
    status: certificateStatus("status").notNull().default("valid"),
    statusReason: text("status_reason"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    nextSurveillanceDue: date("next_surveillance_due").notNull(),
    previousCertificateId: uuid("previous_certificate_id"),
    snapshot: jsonb("snapshot").notNull(),
    snapshotSha256: text("snapshot_sha256").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("certificates_number_uq").on(t.number),
    uniqueIndex("certificates_application_uq").on(t.applicationId),
    index("certificates_organization_idx").on(t.organizationId),
    index("certificates_body_idx").on(t.verificationBodyId),
    index("certificates_region_idx").on(
      t.region,
      t.status,
      t.categoryId,
      t.issuedOn,
    ),
    /**
     * Regulator dashboard: filter by category, district and issue period within a
     * region; the trailing columns make every dashboard certificate query index-only
     * (the rows themselves are wide: snapshot).
     */
    index("certificates_dashboard_idx").on(
      t.region,
      t.categoryId,
      t.district,
      t.issuedOn,
      t.status,
      t.expiresOn,
      t.grade,
      t.value,
      t.ratio,
    ),
  ],
);

export const surveillanceRecords = pgTable(
  "surveillance_records",
  {
    id: id(),
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => certificates.id),
    performedOn: date("performed_on").notNull(),
    result: surveillanceResult("result").notNull(),
    notes: text("notes").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("surveillance_records_certificate_idx").on(t.certificateId)],
);

// ------------------------------------------------------------ regulator

export const pilotTargets = pgTable(
  "pilot_targets",
  {
    id: id(),
    regulatorId: uuid("regulator_id")
      .notNull()
      .references(() => organizations.id),
    region: text("region").notNull(),
    /** Null = every sector. */
    categoryId: text("category_id").references(() => productCategories.id),
    title: text("title").notNull(),
    /** products_with_footprint | certificates_issued */
    metric: text("metric").notNull(),
    targetCount: integer("target_count").notNull(),
    deadline: date("deadline").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("pilot_targets_region_idx").on(t.region)],
);

/**
 * Per-stage emissions of each certificate (kg CO2e per declared unit), written at
 * issuance so the regulator's hotspot chart never reads certificate snapshots.
 */
export const certificateStageEmissions = pgTable(
  "certificate_stage_emissions",
  {
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => certificates.id),
    stage: lifeCycleStage("stage").notNull(),
    value: numeric("value").notNull(),
    region: text("region").notNull(),
    categoryId: text("category_id").notNull(),
    district: text("district"),
    issuedOn: date("issued_on").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.certificateId, t.stage] }),
    /** Regulator dashboard, index-only (stage and value trail the filter columns). */
    index("certificate_stage_emissions_dashboard_idx").on(
      t.region,
      t.categoryId,
      t.district,
      t.issuedOn,
      t.stage,
      t.value,
    ),
    /** The same for a district filter without a category (no skip scan over category_id). */
    index("certificate_stage_emissions_district_idx").on(t.region, t.district, t.issuedOn, t.stage, t.value),
  ],
);

// ------------------------------------------------- audit & notifications

/**
 * Append-only, hash-chained audit trail: `hash` = SHA-256 of the previous
 * event's hash and this event's canonical content.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorRole: text("actor_role"),
    actorOrganizationId: uuid("actor_organization_id").references(
      () => organizations.id,
    ),
    /** e.g. application.submit, certificate.suspend, user.disable */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** The organization whose data the event concerns (scoping). */
    subjectOrganizationId: uuid("subject_organization_id"),
    region: text("region"),
    productId: uuid("product_id"),
    applicationId: uuid("application_id"),
    certificateId: uuid("certificate_id"),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    reason: text("reason"),
    data: jsonb("data"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_region_idx").on(t.region, t.occurredAt),
    index("audit_events_application_idx").on(t.applicationId),
    index("audit_events_certificate_idx").on(t.certificateId),
    index("audit_events_actor_idx").on(t.actorUserId),
    index("audit_events_subject_idx").on(t.subjectOrganizationId),
    /** Regulator audit trail: newest first within a region (keyset on id). */
    index("audit_events_region_id_idx").on(t.region, t.id),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** Null = every user of the organization. */
    userId: uuid("user_id").references(() => users.id),
    /** Message key in the `notifications` i18n namespace. */
    kind: text("kind").notNull(),
    applicationId: uuid("application_id"),
    certificateId: uuid("certificate_id"),
    params: jsonb("params").$type<Record<string, string>>(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_organization_idx").on(
      t.organizationId,
      t.readAt,
      t.createdAt,
    ),
  ],
);

// ------------------------------------------------------------ types

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Role = (typeof userRole.enumValues)[number];
export type OrganizationKind = (typeof organizationKind.enumValues)[number];
export type ProductCategory = typeof productCategories.$inferSelect;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type EmissionFactor = typeof emissionFactors.$inferSelect;
export type GwpValue = typeof gwpValues.$inferSelect;
export type Benchmark = typeof benchmarks.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type ApplicationStatus = (typeof applicationStatus.enumValues)[number];
export type InventoryLine = typeof inventoryLines.$inferSelect;
export type NewInventoryLine = typeof inventoryLines.$inferInsert;
export type LifeCycleStage = (typeof lifeCycleStage.enumValues)[number];
export type Calculation = typeof calculations.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type Finding = typeof findings.$inferSelect;
export type OnSiteInspection = typeof onSiteInspections.$inferSelect;
export type EvidenceFile = typeof evidenceFiles.$inferSelect;
export type Certificate = typeof certificates.$inferSelect;
export type CertificateStatus = (typeof certificateStatus.enumValues)[number];
export type SurveillanceRecord = typeof surveillanceRecords.$inferSelect;
export type PilotTarget = typeof pilotTargets.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type CertificateStageEmission = typeof certificateStageEmissions.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
