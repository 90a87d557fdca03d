import { describe, expect, it } from "vitest";
import { currentNavHref } from "@/lib/utils";

describe("currentNavHref", () => {
  const items = ["/regulator", "/regulator/benchmarks", "/regulator/audit", "/registry", "/verify"];

  it("marks the page itself, or the entry of the area it lies under", () => {
    expect(currentNavHref("/regulator", items)).toBe("/regulator");
    expect(currentNavHref("/regulator/audit", items)).toBe("/regulator/audit");
    expect(currentNavHref("/regulator/certificates", items)).toBe("/regulator");
    expect(currentNavHref("/verify", items)).toBe("/verify");
  });

  it("does not take a longer word for a parent, and marks nothing outside the navigation", () => {
    expect(currentNavHref("/registry", ["/regist", "/registry"])).toBe("/registry");
    expect(currentNavHref("/verifier", ["/verify"])).toBeNull();
    expect(currentNavHref("/help", items)).toBeNull();
  });
});
