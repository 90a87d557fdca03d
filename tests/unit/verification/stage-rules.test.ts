import { describe, expect, it } from "vitest";
import { applicationStatus } from "@/db/schema";
import {
  advanceReviewStage,
  allowsOperation,
  mayDecide,
  mayRequestChanges,
  OPERATION_STATUSES,
  recommendationBlockers,
  statusAfterAcceptance,
} from "@/lib/domain/verification/stage-rules";

describe("operation statuses", () => {
  it("allows acceptance and declining only of a submitted application", () => {
    const allowed = applicationStatus.enumValues.filter((status) => allowsOperation(status, "accept"));
    expect(allowed).toEqual(["submitted"]);
    expect(OPERATION_STATUSES.decline).toEqual(["submitted"]);
  });

  it("allows review work only in review, and the decision only after a recommendation", () => {
    for (const operation of ["verifyLine", "raiseFinding", "closeFinding", "requestChanges", "recommend", "recordInspection"] as const) {
      expect(applicationStatus.enumValues.filter((status) => allowsOperation(status, operation))).toEqual(["in_review"]);
    }
    expect(applicationStatus.enumValues.filter((status) => allowsOperation(status, "decide"))).toEqual(["awaiting_decision"]);
    expect(allowsOperation("certified", "decide")).toBe(false);
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
    expect(mayDecide("u1", "u1")).toBe(false);
    expect(mayDecide("u2", "u1")).toBe(true);
    expect(mayDecide("u2", null)).toBe(true);
  });

  it("needs an open finding to send back", () => {
    expect(mayRequestChanges([])).toBe(false);
    expect(mayRequestChanges([{ status: "closed" }])).toBe(false);
    expect(mayRequestChanges([{ status: "closed" }, { status: "open" }])).toBe(true);
  });
});
