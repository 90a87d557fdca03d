import { APPLICATION_STATUSES } from "@/lib/enums";
import { describe, expect, it } from "vitest";
import { APPLICATION_RULES, mayDecide, statusAllows } from "@/lib/policy";
import { advanceReviewStage, mayRequestChanges, recommendationBlockers, statusAfterAcceptance } from "@/lib/rules/verification";

describe("operation statuses", () => {
  it("allows acceptance and declining only of a submitted application", () => {
    const allowed = APPLICATION_STATUSES.filter((status) => statusAllows("application.accept", status));
    expect(allowed).toEqual(["submitted"]);
    expect(APPLICATION_RULES["application.decline"].statuses).toEqual(["submitted"]);
  });

  it("allows review work only in review, and the decision only after a recommendation", () => {
    for (const permission of ["line.verify", "finding.raise", "finding.close", "application.requestChanges", "application.recommend", "application.recordInspection"] as const) {
      expect(APPLICATION_STATUSES.filter((status) => statusAllows(permission, status))).toEqual(["in_review"]);
    }
    expect(APPLICATION_STATUSES.filter((status) => statusAllows("application.decide", status))).toEqual(["awaiting_decision"]);
    expect(statusAllows("application.decide", "certified")).toBe(false);
  });

  it("sends a resubmission of a planned application straight back to review", () => {
    expect(statusAfterAcceptance(false)).toBe("accepted");
    expect(statusAfterAcceptance(true)).toBe("in_review");
  });
});

describe("review sub-stage", () => {
  it("only moves forward", () => {
    expect(advanceReviewStage(null, "document_review")).toBe("document_review");
    expect(advanceReviewStage("document_review", "on_site_inspection")).toBe("on_site_inspection");
    expect(advanceReviewStage("on_site_inspection", "pcf_verification")).toBe("pcf_verification");
    expect(advanceReviewStage("pcf_verification", "on_site_inspection")).toBe("pcf_verification");
    expect(advanceReviewStage("on_site_inspection", "document_review")).toBe("on_site_inspection");
  });
});

describe("recommendation blockers", () => {
  const verified = { verification: "verified" as const };
  const unverified = { verification: "unverified" as const };

  it("blocks while a line is unverified or a major nonconformity is open", () => {
    expect(recommendationBlockers([verified, unverified], [])).toEqual(["unverifiedLines"]);
    expect(recommendationBlockers([verified], [{ severity: "major", status: "open" }])).toEqual(["openMajorFindings"]);
    expect(recommendationBlockers([], [])).toEqual(["noLines"]);
  });

  it("allows open minor findings and observations, and closed majors", () => {
    expect(
      recommendationBlockers(
        [verified, verified],
        [
          { severity: "major", status: "closed" },
          { severity: "minor", status: "open" },
          { severity: "observation", status: "open" },
        ],
      ),
    ).toEqual([]);
  });
});

describe("decision and sending back", () => {
  it("refuses the lead verifier as decider", () => {
    const loaded = { team: [], acceptedBy: [] };
    expect(mayDecide("u1", { ...loaded, leadVerifierId: "u1" })).toBe(false);
    expect(mayDecide("u2", { ...loaded, leadVerifierId: "u1" })).toBe(true);
    expect(mayDecide("u2", { ...loaded, leadVerifierId: null })).toBe(true);
  });

  it("needs an open finding to send back", () => {
    expect(mayRequestChanges([])).toBe(false);
    expect(mayRequestChanges([{ status: "closed" }])).toBe(false);
    expect(mayRequestChanges([{ status: "closed" }, { status: "open" }])).toBe(true);
  });
});
