/**
 * The single source of truth for CarbonLabel's tables, enums and inferred types.
 * Quantities, factors and results are `numeric` (exact decimal), never float.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  customType,
  boolean,
  check,
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
import {
  ORGANIZATION_KINDS,
  USER_ROLES,
  SYSTEM_BOUNDARIES,
  APPLICATION_STATUSES,
  REVIEW_STAGES,
  LIFE_CYCLE_STAGES,
  LINE_SOURCES,
  DATA_TYPES,
  EMISSION_CATEGORIES,
  LINE_VERIFICATIONS,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  RECOMMENDATIONS,
  CERTIFICATE_STATUSES,
  SURVEILLANCE_RESULTS,
  TEAM_ROLES,
  SIGNING_KEY_STATUSES,
  STATUS_PURPOSES,
  FOOTPRINT_DEPRECATION_REASONS,
  FOOTPRINT_REQUEST_OUTCOMES,
  PACT_DELIVERY_STATUSES,
  BATTERY_CATEGORIES,
  SERVICE_LIFE_BASES,
  MAIL_STATUSES,
  EVIDENCE_SCAN_STATUSES,
  MAIL_PREFERENCES,
  EMAIL_TOKEN_PURPOSES,
  SCENARIO_CHANGE_KINDS,
  SUPPLY_REQUEST_STATUSES,
  SUPPLIER_CERTIFICATE_CHANGES,
  FACTOR_IMPACT_RUN_STATUSES,
} from "@/lib/enums";

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------- enums
// The value tuples live in lib/enums.ts, shared with the zod schemas (no table reaches the browser).

export const organizationKind = pgEnum("organization_kind", ORGANIZATION_KINDS);
/** verifier = lead verifier / team member; reviewer = the body's decision maker. */
export const userRole = pgEnum("user_role", USER_ROLES);
export const systemBoundary = pgEnum("system_boundary", SYSTEM_BOUNDARIES);
export const applicationStatus = pgEnum("application_status", APPLICATION_STATUSES);
/** Sub-stage of `in_review`, following CNCA-CFP-00:2025. */
export const reviewStage = pgEnum("review_stage", REVIEW_STAGES);
export const lifeCycleStage = pgEnum("life_cycle_stage", LIFE_CYCLE_STAGES);
export const lineSource = pgEnum("line_source", LINE_SOURCES);
export const dataType = pgEnum("data_type", DATA_TYPES);
export const emissionCategory = pgEnum("emission_category", EMISSION_CATEGORIES);
export const lineVerification = pgEnum("line_verification", LINE_VERIFICATIONS);
export const findingSeverity = pgEnum("finding_severity", FINDING_SEVERITIES);
export const findingStatus = pgEnum("finding_status", FINDING_STATUSES);
export const recommendation = pgEnum("recommendation", RECOMMENDATIONS);
export const certificateStatus = pgEnum("certificate_status", CERTIFICATE_STATUSES);
export const surveillanceResult = pgEnum("surveillance_result", SURVEILLANCE_RESULTS);
export const teamRole = pgEnum("team_role", TEAM_ROLES);
export const signingKeyStatus = pgEnum("signing_key_status", SIGNING_KEY_STATUSES);
export const statusPurpose = pgEnum("status_purpose", STATUS_PURPOSES);
export const footprintDeprecationReason = pgEnum("footprint_deprecation_reason", FOOTPRINT_DEPRECATION_REASONS);
export const footprintRequestOutcome = pgEnum("footprint_request_outcome", FOOTPRINT_REQUEST_OUTCOMES);
export const pactDeliveryStatus = pgEnum("pact_delivery_status", PACT_DELIVERY_STATUSES);
export const mailStatus = pgEnum("mail_status", MAIL_STATUSES);
export const factorImpactRunStatus = pgEnum("factor_impact_run_status", FACTOR_IMPACT_RUN_STATUSES);
export const evidenceScanStatus = pgEnum("evidence_scan_status", EVIDENCE_SCAN_STATUSES);
export const mailPreference = pgEnum("mail_preference", MAIL_PREFERENCES);
export const emailTokenPurpose = pgEnum("email_token_purpose", EMAIL_TOKEN_PURPOSES);
export const batteryCategory = pgEnum("battery_category", BATTERY_CATEGORIES);
export const serviceLifeBasis = pgEnum("service_life_basis", SERVICE_LIFE_BASES);
export const scenarioChangeKind = pgEnum("scenario_change_kind", SCENARIO_CHANGE_KINDS);
export const supplyRequestStatus = pgEnum("supply_request_status", SUPPLY_REQUEST_STATUSES);
export const supplierCertificateChange = pgEnum("supplier_certificate_change", SUPPLIER_CERTIFICATE_CHANGES);

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
    /**
     * A verification body's target for how long an application waits in one stage (days) before
     * the reminders job reminds whoever must act; null = the platform default.
     */
    stageTargetDays: integer("stage_target_days"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organizations_credit_code_uq").on(t.creditCode),
    index("organizations_kind_region_idx").on(t.kind, t.region, t.district),
    // The bounds of stageTargetSchema (lib/validation/schemas/organizations.ts).
    check("organizations_stage_target_days_ck", sql`${t.stageTargetDays} between 1 and 180`),
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
    /** When the user proved the address is theirs (a sign-up's link); set at creation for accounts the operator makes. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** The language of the user's emails (lib/i18n/config.ts LOCALES). */
    locale: text("locale").notNull().default("zh-CN"),
    /** Notifications by email: off, each at once, or a daily digest. Security notices are always sent. */
    mailPreference: mailPreference("mail_preference").notNull().default("immediate"),
    /**
     * Mainland mobile number, its 11 digits (lib/validation/mobile.ts): the contact person's, given
     * at sign-up; null for accounts the operator makes and for those made before it was asked.
     */
    mobile: text("mobile"),
    /** When the person agreed to the terms of use and the privacy policy (sign-up); null for accounts the operator makes. */
    consentedAt: timestamp("consented_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    index("users_organization_idx").on(t.organizationId),
    check("users_mobile_ck", sql`${t.mobile} ~ '^1[3-9][0-9]{9}$'`),
  ],
);

/**
 * Sign-in attempts per email (existing account or not), shared by every app instance: counted
 * before the password is checked; past the free allowance each attempt needs a proof of work
 * (lib/auth/throttle.ts). A successful sign-in or a password reset deletes the row.
 */
export const loginThrottle = pgTable("login_throttle", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
  /** No longer written or read (a lock kept the rightful user out too); kept so the change stays additive. */
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * One row per sign-in: the session cookie names it, and every request checks it is still open,
 * inside its idle timeout and its absolute lifetime (lib/auth/sessions.ts).
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** createdAt + the absolute lifetime: no activity extends it. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set by sign-out, "sign out everywhere" and a password change (for the other sessions). */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** Current-password checks made in this session (password change), capped per session. */
    passwordChecks: integer("password_checks").notNull().default(0),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.endedAt)],
);

/** Fixed-window counters by key, e.g. failed sign-ins or sign-ups per client address. */
export const rateLimitCounters = pgTable("rate_limit_counters", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
});

/** Proof-of-work challenges already redeemed: each solution counts once. */
export const proofOfWorkRedemptions = pgTable(
  "proof_of_work_redemptions",
  {
    challengeId: text("challenge_id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("proof_of_work_redemptions_expires_idx").on(t.expiresAt)],
);

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
    /**
     * What PACT data exchange asks of the product itself (per declared unit, excluding packaging):
     * its mass in kg, and the fossil and biogenic carbon it contains in kg C. Optional: without
     * them a certificate is not published as a PACT ProductFootprint (lib/pact/footprint.ts).
     */
    massPerDeclaredUnit: numeric("mass_per_declared_unit"),
    fossilCarbonContent: numeric("fossil_carbon_content"),
    biogenicCarbonContent: numeric("biogenic_carbon_content"),
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

/**
 * The impact of a new factor version on the certificates in force that used an earlier one,
 * computed by the `factor-impact` job after the regulator's write committed (the write inserts
 * the run in its own transaction, so no committed version lacks one). Claimed with `FOR UPDATE
 * SKIP LOCKED` and leased while running; a runner that dies leaves it to be claimed again.
 */
export const factorImpactRuns = pgTable(
  "factor_impact_runs",
  {
    id: id(),
    /** The new version whose impact is computed: one run per version. */
    factorId: uuid("factor_id")
      .notNull()
      .references(() => emissionFactors.id),
    /** The factor's region (its regulator reads the run; a national one, e.g. CN, the operator). */
    region: text("region").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id),
    status: factorImpactRunStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    /** While running: when the claim lapses and another runner may take the run over. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("factor_impact_runs_factor_uq").on(t.factorId), index("factor_impact_runs_due_idx").on(t.status, t.createdAt), index("factor_impact_runs_region_idx").on(t.region, t.createdAt)],
);

/** A certificate a finished run found moved by more than the threshold (its enterprise was notified once). */
export const factorImpactCertificates = pgTable(
  "factor_impact_certificates",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => factorImpactRuns.id),
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => certificates.id),
    /** Relative change of the certified footprint, e.g. 0.1234 = +12.34 %. */
    shift: numeric("shift").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.certificateId] })],
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

/**
 * Category benchmark (kg CO2e per declared unit) with grade thresholds,
 * versioned per region: each region's regulator sets its own, and a
 * certificate is graded against the benchmark of its region.
 */
export const benchmarks = pgTable(
  "benchmarks",
  {
    id: id(),
    categoryId: text("category_id")
      .notNull()
      .references(() => productCategories.id),
    /** Province-level division code (GB/T 2260); rows from before regions were recorded are the Chongqing pilot's. */
    region: text("region").notNull().default("500000"),
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
    uniqueIndex("benchmarks_region_category_version_uq").on(t.region, t.categoryId, t.version),
  ],
);

/**
 * What an EU battery carbon footprint declaration (Regulation (EU) 2023/1542, Article 7) needs
 * beyond the footprint, per battery product: the model, the manufacturing plant, the battery
 * category, the rated energy and the expected service life (which turn the footprint into
 * kg CO2e per kWh of the total energy provided over the service life), the EU declaration of
 * conformity and the public study. Entered by the enterprise; not part of what is verified.
 */
export const batteryDeclarations = pgTable("battery_declarations", {
  productId: uuid("product_id")
    .primaryKey()
    .references(() => products.id),
  organizationId: uuid("organization_id")
    .notNull()
    .references(() => organizations.id),
  batteryModel: text("battery_model").notNull(),
  plantName: text("plant_name").notNull(),
  plantAddress: text("plant_address").notNull(),
  plantLatitude: numeric("plant_latitude").notNull(),
  plantLongitude: numeric("plant_longitude").notNull(),
  batteryCategory: batteryCategory("battery_category").notNull(),
  /** kWh. */
  ratedEnergy: numeric("rated_energy").notNull(),
  serviceLifeBasis: serviceLifeBasis("service_life_basis").notNull(),
  /** Full equivalent charge–discharge cycles over the service life (basis `cycles`). */
  serviceLifeCycles: integer("service_life_cycles"),
  /** Years of service and the energy provided per year, kWh (basis `years`). */
  serviceLifeYears: numeric("service_life_years"),
  annualEnergyThroughput: numeric("annual_energy_throughput"),
  declarationOfConformityId: text("declaration_of_conformity_id").notNull(),
  /** The public version of the study; null = the certificate's public label page. */
  studyUrl: text("study_url"),
  updatedBy: uuid("updated_by")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

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
    /** Who planned the review (separation of duties: the planner does not decide). */
    plannedBy: uuid("planned_by").references(() => users.id),
    /** Who recommended the decision (separation of duties: the recommender does not decide). */
    recommendedBy: uuid("recommended_by").references(() => users.id),
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
    /**
     * A supplier certified footprint: the fulfilled supply request whose shared footprint gave the
     * supplier factor (value per declared unit, unit, supplier). Cleared by any manual edit.
     */
    supplyRequestId: uuid("supply_request_id").references((): AnyPgColumn => supplyRequests.id),
    /** Or a PACT ProductFootprint file the enterprise imported (never both). Cleared by any manual edit. */
    importedFootprintId: uuid("imported_footprint_id").references((): AnyPgColumn => importedFootprints.id),
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
    index("inventory_lines_supply_request_idx").on(t.supplyRequestId),
    index("inventory_lines_imported_footprint_idx").on(t.importedFootprintId),
    check("inventory_lines_one_supplier_footprint_ck", sql`${t.supplyRequestId} is null or ${t.importedFootprintId} is null`),
  ],
);

/**
 * A named what-if on an application's inventory (issue 16): kept by the enterprise, calculated
 * on demand from the current inventory with its changes, never submitted. Once made real it
 * names the draft application it became.
 */
export const reductionScenarios = pgTable(
  "reduction_scenarios",
  {
    id: id(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    convertedApplicationId: uuid("converted_application_id").references(() => applications.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("reduction_scenarios_name_uq").on(t.applicationId, t.name)],
);

/** One change of a scenario to one line; a line holds at most one change of each kind. */
export const scenarioChanges = pgTable(
  "scenario_changes",
  {
    id: id(),
    scenarioId: uuid("scenario_id")
      .notNull()
      .references(() => reductionScenarios.id, { onDelete: "cascade" }),
    lineId: uuid("line_id")
      .notNull()
      .references(() => inventoryLines.id, { onDelete: "cascade" }),
    kind: scenarioChangeKind("kind").notNull(),
    /** replace_factor: the database factor the line would use. */
    factorId: uuid("factor_id").references(() => emissionFactors.id),
    /** scale_quantity: the change of the quantity in percent (−100 … 1000). */
    percent: numeric("percent"),
    /** set_allocation: the share in [0, 1] the line would carry. */
    allocationShare: numeric("allocation_share"),
    /** supplier_footprint: the supplier's certified footprint, kg CO2e per one `supplierFactorUnit`. */
    supplierFactorValue: numeric("supplier_factor_value"),
    supplierFactorUnit: text("supplier_factor_unit"),
    supplierName: text("supplier_name"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("scenario_changes_line_kind_uq").on(t.scenarioId, t.lineId, t.kind)],
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
    /**
     * Who of the body accepted this round (each resubmission is accepted
     * again): separation of duties bars every acceptor from the decision.
     */
    acceptedBy: uuid("accepted_by").references(() => users.id),
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
    /** The malware scan: pending from upload until the scanner answers when CLAMAV_SOCKET is set. */
    scanStatus: evidenceScanStatus("scan_status").notNull().default("not_scanned"),
    /** When the scanner last answered for these bytes (clean or infected). */
    scannedAt: timestamp("scanned_at", { withTimezone: true }),
    /** The signature ClamAV named for an infected file; the scanner's error for scan_failed. */
    scanDetail: text("scan_detail"),
    createdAt: createdAt(),
  },
  (t) => [
    index("evidence_files_application_idx").on(t.applicationId),
    // The scan job's round looks up the files waiting for the scanner.
    index("evidence_files_scan_waiting_idx").on(t.storageKey).where(sql`scan_status in ('pending', 'scan_failed')`),
    index("evidence_files_line_idx").on(t.lineId),
    // Stored bytes are shared by content (SHA-256 keys): releasing them counts the rows per key.
    index("evidence_files_storage_key_idx").on(t.storageKey),
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
    // The public page names the renewals of a certificate: without it, a scan of every certificate.
    index("certificates_previous_idx").on(t.previousCertificateId),
    /**
     * The public registry's four orders (lib/dal/public-certificates.ts, REGISTRY_ORDER): a page
     * of 20 is read in order from the index; without them, every certificate's snapshot fields
     * were extracted and sorted for each page (a second at 50,000).
     */
    // Read backwards for newest first; ascending is also nulls last, as the grade order asks.
    index("certificates_registry_newest_idx").on(t.issuedOn, t.number),
    index("certificates_registry_footprint_idx").on(t.value, t.number),
    index("certificates_registry_grade_idx").on(t.grade, t.value, t.number),
    index("certificates_registry_product_idx").on(t.productName, t.number),
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

/** Raw bytes (PostgreSQL bytea), read back as a Uint8Array from both drivers. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * The CFP study report PDF a certificate was issued with, rendered once inside the issuing
 * transaction: downloads serve these very bytes, whatever later versions of the fonts or the
 * PDF library would render. The certificate's snapshot records their digest (`studyReport`).
 */
export const certificateStudyReports = pgTable("certificate_study_reports", {
  certificateId: uuid("certificate_id")
    .primaryKey()
    .references(() => certificates.id),
  sha256: text("sha256").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  pdf: bytea("pdf").notNull(),
  createdAt: createdAt(),
});

// ------------------------------------------------- signed credentials

/**
 * A verification body's Ed25519 signing keys. The platform generates them; the private key is
 * sealed with the key-encryption key (AES-256-GCM, lib/keys/key-encryption.ts) and never leaves
 * the server. One key is active per body; retired keys stay published in the JWKS so the
 * credentials they signed keep verifying.
 */
export const signingKeys = pgTable(
  "signing_keys",
  {
    id: id(),
    verificationBodyId: uuid("verification_body_id")
      .notNull()
      .references(() => organizations.id),
    /** RFC 7638 JWK thumbprint of the public key; the JWS `kid`. */
    kid: text("kid").notNull(),
    /** The public key as a JWK (kty OKP, crv Ed25519). */
    publicJwk: jsonb("public_jwk").$type<{ kty: string; crv: string; x: string }>().notNull(),
    /** The PKCS#8 private key sealed with the key-encryption key. */
    sealedPrivateKey: text("sealed_private_key").notNull(),
    status: signingKeyStatus("status").notNull().default("active"),
    createdAt: createdAt(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("signing_keys_kid_uq").on(t.kid),
    uniqueIndex("signing_keys_active_uq").on(t.verificationBodyId).where(sql`status = 'active'`),
    index("signing_keys_body_idx").on(t.verificationBodyId, t.createdAt),
  ],
);

/**
 * The W3C Verifiable Credential of a certificate, signed by its body at issuance (compact JWS).
 * `statusListIndex` is the credential's position in both of its body's status lists.
 */
export const certificateCredentials = pgTable(
  "certificate_credentials",
  {
    certificateId: uuid("certificate_id")
      .primaryKey()
      .references(() => certificates.id),
    verificationBodyId: uuid("verification_body_id")
      .notNull()
      .references(() => organizations.id),
    statusListIndex: integer("status_list_index").notNull(),
    kid: text("kid").notNull(),
    jws: text("jws").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("certificate_credentials_status_index_uq").on(t.verificationBodyId, t.statusListIndex)],
);

/**
 * The signed Bitstring Status List credential of each body and purpose, re-signed by every status
 * change of one of the body's certificates (and by a key rotation), served as it is stored.
 */
export const statusListCredentials = pgTable(
  "status_list_credentials",
  {
    verificationBodyId: uuid("verification_body_id")
      .notNull()
      .references(() => organizations.id),
    purpose: statusPurpose("purpose").notNull(),
    kid: text("kid").notNull(),
    jws: text("jws").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.verificationBodyId, t.purpose] })],
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
 * event's hash in the same chain and this event's canonical content. There is
 * one chain per region and organization (`lib/audit/chain.ts` auditChainKey),
 * so writers of different organizations never wait for each other; `chain`
 * and `chain_seq` are null for the events recorded before chains existed,
 * which stay one closed chain in id order (the `legacy` head).
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
    /** Set when the actor acted through one of its organization's API clients. */
    actorApiClientId: uuid("actor_api_client_id"),
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
    /** The chain this event extends (auditChainKey of its content); null for pre-chain events. */
    chain: text("chain"),
    /** 1, 2, 3 … within the chain, without gaps. */
    chainSeq: integer("chain_seq"),
  },
  (t) => [
    /** The verifier streams each chain in order; two appends can never claim the same place. */
    uniqueIndex("audit_events_chain_seq_uq").on(t.chain, t.chainSeq),
    check("audit_events_chain_seq_ck", sql`(${t.chain} is null) = (${t.chainSeq} is null)`),
    /** A regulator's check streams its region's chains in order. */
    index("audit_events_region_chain_idx").on(t.region, t.chain, t.chainSeq),
    index("audit_events_region_idx").on(t.region, t.occurredAt),
    index("audit_events_application_idx").on(t.applicationId),
    index("audit_events_certificate_idx").on(t.certificateId),
    index("audit_events_actor_idx").on(t.actorUserId),
    index("audit_events_subject_idx").on(t.subjectOrganizationId),
    /** Regulator audit trail: newest first within a region (keyset on id). */
    index("audit_events_region_id_idx").on(t.region, t.id),
  ],
);

/**
 * The head of each audit chain: where the next event attaches. Appending locks
 * this row (FOR UPDATE), so only writers of the same chain wait for each
 * other. The verifier compares each chain's last event with its head, which
 * reveals events removed from the end. A trigger lets a head only advance by
 * one event and refuses deleting it.
 */
export const auditChains = pgTable(
  "audit_chains",
  {
    /** auditChainKey: `<region>/<organization id>` (`-` when absent), or `legacy`. */
    id: text("id").primaryKey(),
    region: text("region"),
    organizationId: uuid("organization_id"),
    lastSeq: integer("last_seq").notNull().default(0),
    lastHash: text("last_hash").notNull(),
    lastEventId: bigint("last_event_id", { mode: "number" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_chains_region_idx").on(t.region)],
);

/**
 * Reminders the reminders job has sent: one row per reminder (what, about which record, for
 * which occurrence — a due date, a threshold, a stage entered), so each is sent exactly once
 * however often or on however many instances the job runs.
 */
export const sentReminders = pgTable(
  "sent_reminders",
  {
    id: id(),
    kind: text("kind").notNull(),
    subjectId: uuid("subject_id").notNull(),
    occurrence: text("occurrence").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sent_reminders_uq").on(t.kind, t.subjectId, t.occurrence)],
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

// ------------------------------------------------------------ email

/**
 * Outgoing email, written in the same transaction as the change that causes it and sent after
 * commit by `deliverPendingMail` (lib/mail/deliver.ts), which claims rows with
 * `FOR UPDATE SKIP LOCKED` and records attempts and backoff here. A link that must not rest
 * readable (password reset, email verification) is kept sealed in `sealedSecret`, never in the
 * bodies, and erased once the message has left; the bodies carry a placeholder for it.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    userId: uuid("user_id").references(() => users.id),
    organizationId: uuid("organization_id").references(() => organizations.id),
    recipient: text("recipient").notNull(),
    locale: text("locale").notNull(),
    /** What the message is (e.g. `notification`, `digest`, `passwordReset`). */
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** The secret part of a link, sealed with the key-encryption key; null once sent. */
    sealedSecret: text("sealed_secret"),
    /** Makes a message idempotent (a user's digest of one day is queued once). */
    dedupeKey: text("dedupe_key"),
    status: mailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_outbox_created_idx").on(t.createdAt),
    uniqueIndex("mail_outbox_dedupe_uq").on(t.dedupeKey),
  ],
);

/**
 * Single-use emailed links (ASVS 5.0 V6.4): 256 random bits whose SHA-256 is stored, never the
 * token; expiring, spent on use, and a password reset's are voided by any password change.
 */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    purpose: emailTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_tokens_hash_uq").on(t.tokenHash), index("email_tokens_user_idx").on(t.userId, t.purpose)],
);

// ------------------------------------------------------------ machine access

/**
 * An organization's API client (OAuth 2.0 client credentials). `id` is the `client_id`. The
 * secret is 256 random bits, so its SHA-256 is stored (a slow password hash would only slow the
 * token endpoint: there is nothing to guess). The client acts as its creator within `scopes`.
 */
export const apiClients = pgTable(
  "api_clients",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    /** Values of API_SCOPES. */
    scopes: text("scopes").array().notNull(),
    /** SHA-256 (hex) of the current secret. */
    secretHash: text("secret_hash").notNull(),
    /** Bumped by every rotation: access tokens issued under an older secret stop working. */
    secretVersion: integer("secret_version").notNull().default(1),
    /** PACT: every certified footprint of the organization, or only those in api_client_footprints. */
    allFootprints: boolean("all_footprints").notNull().default(true),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    secretRotatedAt: timestamp("secret_rotated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    /** Token issuance and API requests; written at most once a minute per client. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("api_clients_organization_idx").on(t.organizationId, t.createdAt)],
);

/** The certified footprints (by certificate) a client limited to some may read. */
export const apiClientFootprints = pgTable(
  "api_client_footprints",
  {
    apiClientId: uuid("api_client_id")
      .notNull()
      .references(() => apiClients.id, { onDelete: "cascade" }),
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => certificates.id),
  },
  (t) => [primaryKey({ columns: [t.apiClientId, t.certificateId] })],
);

/**
 * `Idempotency-Key` of API POSTs, per client, kept 24 hours: the first response is replayed to
 * a retry with the same body. `responseStatus` is null while the first request is in progress.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    apiClientId: uuid("api_client_id")
      .notNull()
      .references(() => apiClients.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body. */
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    responseBody: text("response_body"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.apiClientId, t.key] })],
);

/** Fixed-window request counters shared by every app instance (`key` = bucket and client). */
export const apiRateLimitWindows = pgTable(
  "api_rate_limit_windows",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    requests: integer("requests").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

// ------------------------------------------------------------ PACT host

/**
 * A certified application as a PACT v3 ProductFootprint: `document` is the footprint as created
 * (status Active) and never changes; the only later write is `deprecatedAt` (set once, never
 * cleared), from which — with the certificate's expiry — the served `status` is derived. The
 * array and validity columns repeat the document's filterable values (lower-cased where PACT
 * matches case-insensitively) so ListFootprints filters in SQL.
 */
export const productFootprints = pgTable(
  "product_footprints",
  {
    /** The PACT `id` (pfId). */
    id: uuid("id").primaryKey(),
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => certificates.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    document: jsonb("document").notNull(),
    productIds: text("product_ids").array().notNull(),
    companyIds: text("company_ids").array().notNull(),
    classifications: text("classifications").array().notNull(),
    /** The subdivision and every geography containing it (country, UN subregion and region). */
    geographies: text("geographies").array().notNull(),
    validityStart: timestamp("validity_start", { withTimezone: true }).notNull(),
    validityEnd: timestamp("validity_end", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deprecatedAt: timestamp("deprecated_at", { withTimezone: true }),
    deprecationReason: footprintDeprecationReason("deprecation_reason"),
  },
  (t) => [
    index("product_footprints_organization_idx").on(t.organizationId, t.createdAt, t.id),
    index("product_footprints_certificate_idx").on(t.certificateId),
    check("product_footprints_deprecation_ck", sql`(${t.deprecatedAt} is null) = (${t.deprecationReason} is null)`),
  ],
);

/**
 * Another company's PACT host, registered by an enterprise: replies to the footprint requests it
 * sends go to `baseUrl` (HTTPS), authenticated at its token endpoint with the outbound client
 * credentials; the secret is sealed with the key-encryption key. Removed partners are kept (the
 * inbox and delivery history name them) but receive nothing more.
 */
export const pactPartners = pgTable(
  "pact_partners",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    /** Normalized: https, lower-case host, no trailing slash, no query or fragment. */
    baseUrl: text("base_url").notNull(),
    clientId: text("client_id").notNull(),
    sealedClientSecret: text("sealed_client_secret").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("pact_partners_base_url_uq").on(t.organizationId, t.baseUrl).where(sql`removed_at is null`),
    index("pact_partners_organization_idx").on(t.organizationId, t.createdAt),
  ],
);

/**
 * A RequestCreatedEvent another company's host sent to an enterprise through `POST /3/events`,
 * with what it was answered: the matching footprints, or a rejection when none matched (those
 * wait in the enterprise's inbox). One row per CloudEvent (`source` + `eventId`).
 */
export const footprintRequests = pgTable(
  "footprint_requests",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => pactPartners.id),
    apiClientId: uuid("api_client_id")
      .notNull()
      .references(() => apiClients.id),
    eventId: text("event_id").notNull(),
    source: text("source").notNull(),
    /** The event's `data`: the filter criteria and comment, as received. */
    criteria: jsonb("criteria").notNull(),
    outcome: footprintRequestOutcome("outcome").notNull(),
    matchedFootprintIds: uuid("matched_footprint_ids").array().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("footprint_requests_event_uq").on(t.organizationId, t.source, t.eventId),
    index("footprint_requests_inbox_idx").on(t.organizationId, t.outcome, t.receivedAt),
  ],
);

/**
 * An outgoing PACT CloudEvent (a reply to a request) and its delivery: tried at once, then again
 * with exponential backoff until `deliverUntil` (72 hours), each attempt claimed for a lease so
 * that two app instances never send it at the same time.
 */
export const pactEventDeliveries = pgTable(
  "pact_event_deliveries",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => pactPartners.id),
    requestId: uuid("request_id").references(() => footprintRequests.id),
    /** Or a request of the enterprise's own sent out to the partner (a RequestCreatedEvent). */
    supplyRequestId: uuid("supply_request_id").references((): AnyPgColumn => supplyRequests.id),
    eventType: text("event_type").notNull(),
    event: jsonb("event").notNull(),
    status: pactDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    deliverUntil: timestamp("deliver_until", { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("pact_event_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("pact_event_deliveries_request_idx").on(t.requestId),
    index("pact_event_deliveries_supply_request_idx").on(t.supplyRequestId),
  ],
);

// ------------------------------------------------------------ supply chain

/**
 * A footprint request an enterprise sends one of its suppliers: an organization of the platform
 * (`supplierOrganizationId`) or a company elsewhere reached through a registered PACT partner
 * (`partnerId`) — exactly one of the two. Each state change is a conditional update on `version`.
 */
export const supplyRequests = pgTable(
  "supply_requests",
  {
    id: id(),
    requesterOrganizationId: uuid("requester_organization_id")
      .notNull()
      .references(() => organizations.id),
    supplierOrganizationId: uuid("supplier_organization_id").references(() => organizations.id),
    partnerId: uuid("partner_id").references(() => pactPartners.id),
    /** The supplier's name of the purchased product, and its model or part number. */
    productName: text("product_name").notNull(),
    productModel: text("product_model"),
    partNumber: text("part_number"),
    /** A unit code of lib/calc/units: the footprint asked for is per one of it. */
    declaredUnit: text("declared_unit").notNull(),
    /** How much the requester buys, for the supplier's context (free text: "12 000 t a year"). */
    quantityContext: text("quantity_context"),
    dueOn: date("due_on").notNull(),
    message: text("message"),
    /** The requester's application (and line) the request was sent from, if any. */
    applicationId: uuid("application_id").references(() => applications.id),
    lineId: uuid("line_id").references(() => inventoryLines.id, { onDelete: "set null" }),
    status: supplyRequestStatus("status").notNull().default("pending"),
    declineReason: text("decline_reason"),
    /** Fulfilled: the supplier's certified footprint, and the part of it the supplier chose to share (frozen). */
    fulfilledFootprintId: uuid("fulfilled_footprint_id").references(() => productFootprints.id),
    fulfilledCertificateId: uuid("fulfilled_certificate_id").references(() => certificates.id),
    sharedFootprint: jsonb("shared_footprint"),
    /**
     * A request sent to a PACT partner: the id of the RequestCreatedEvent it went out as (the
     * partner's answer names it as `requestEventId`), the id of the event that answered it, and —
     * fulfilled — the partner's ProductFootprint, kept as an import of the requester's.
     */
    requestEventId: text("request_event_id"),
    answerEventId: text("answer_event_id"),
    importedFootprintId: uuid("imported_footprint_id").references((): AnyPgColumn => importedFootprints.id),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    answeredBy: uuid("answered_by").references(() => users.id),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("supply_requests_one_supplier_ck", sql`(${t.supplierOrganizationId} is null) <> (${t.partnerId} is null)`),
    check("supply_requests_other_supplier_ck", sql`${t.supplierOrganizationId} is null or ${t.supplierOrganizationId} <> ${t.requesterOrganizationId}`),
    index("supply_requests_requester_idx").on(t.requesterOrganizationId, t.status, t.createdAt),
    index("supply_requests_supplier_idx").on(t.supplierOrganizationId, t.status, t.createdAt),
    index("supply_requests_due_idx").on(t.status, t.dueOn),
    index("supply_requests_certificate_idx").on(t.fulfilledCertificateId),
    check("supply_requests_fulfilled_ck", sql`(${t.status} = 'fulfilled') = (${t.sharedFootprint} is not null or ${t.importedFootprintId} is not null)`),
    uniqueIndex("supply_requests_request_event_uq").on(t.partnerId, t.requestEventId),
  ],
);

/**
 * A supplier's PACT v3 ProductFootprint an enterprise imported from a file, valid against the PACT
 * schema when imported. The document is kept as received; the columns are what pricing a line
 * needs (kg CO2e per one `declaredUnit`, a unit code of lib/calc/units). Without the document's
 * `pcf.verification` block (`verification` null) it is self-declared wherever shown. Only the
 * importing organization sees or uses it.
 */
export const importedFootprints = pgTable(
  "imported_footprints",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** The document's own PACT id: one organization imports one footprint once. */
    footprintId: uuid("footprint_id").notNull(),
    companyName: text("company_name").notNull(),
    productName: text("product_name").notNull(),
    value: numeric("value").notNull(),
    declaredUnit: text("declared_unit").notNull(),
    /** The document's `pcf.verification`, or null: self-declared. */
    verification: jsonb("verification"),
    document: jsonb("document").notNull(),
    /** The uploaded file's name, or for a footprint fetched from a partner's host the URL it was read at. */
    fileName: text("file_name").notNull(),
    /** Fetched from (or sent by) a registered PACT partner's host. */
    partnerId: uuid("partner_id").references(() => pactPartners.id),
    /**
     * The verdict on the certificate credential the document's extensions carry (lib/credentials
     * `Verdict`), checked when it was imported; null when it carries none.
     */
    credentialVerdict: text("credential_verdict"),
    importedBy: uuid("imported_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("imported_footprints_footprint_uq").on(t.organizationId, t.footprintId)],
);

/**
 * A customer's line resting on a supplier certificate that changed (suspended, withdrawn, expired,
 * superseded). One row per change and line: `changeKey` names the change (certificate, change and
 * the certificate version it happened at), so the flagging job writes — and notifies — once. A draft
 * line's flag is resolved when the line is updated or the customer confirms it.
 */
export const supplierFootprintFlags = pgTable(
  "supplier_footprint_flags",
  {
    id: id(),
    changeKey: text("change_key").notNull(),
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => certificates.id),
    change: supplierCertificateChange("change").notNull(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    lineId: uuid("line_id")
      .notNull()
      .references(() => inventoryLines.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** The customer's application status when the change reached it. */
    applicationStatus: applicationStatus("application_status").notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("supplier_footprint_flags_change_uq").on(t.changeKey, t.lineId),
    index("supplier_footprint_flags_application_idx").on(t.applicationId, t.resolvedAt),
  ],
);

// ------------------------------------------------------------ types

export type {
  ApplicationStatus,
  CertificateStatus,
  LifeCycleStage,
  OrganizationKind,
  UserRole as Role,
} from "@/lib/enums";

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Product = typeof products.$inferSelect;
export type EmissionFactor = typeof emissionFactors.$inferSelect;
export type Benchmark = typeof benchmarks.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type InventoryLine = typeof inventoryLines.$inferSelect;
export type NewInventoryLine = typeof inventoryLines.$inferInsert;
export type Calculation = typeof calculations.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type Finding = typeof findings.$inferSelect;
export type Certificate = typeof certificates.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type SigningKey = typeof signingKeys.$inferSelect;
export type CertificateCredential = typeof certificateCredentials.$inferSelect;
export type StatusListCredential = typeof statusListCredentials.$inferSelect;
export type ProductFootprintRow = typeof productFootprints.$inferSelect;
export type PactPartner = typeof pactPartners.$inferSelect;
export type BatteryDeclaration = typeof batteryDeclarations.$inferSelect;
export type ReductionScenario = typeof reductionScenarios.$inferSelect;
export type SupplyRequest = typeof supplyRequests.$inferSelect;
