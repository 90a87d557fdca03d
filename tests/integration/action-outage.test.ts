import { describe, expect, it, vi } from "vitest";
import { createAction } from "@/lib/actions/validated-action";
import { z } from "@/lib/validation/zod";

describe("a server action when the database goes away", () => {
  it("answers with the retry message, not the unexpected-error one", async () => {
    const lostConnection = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    const action = createAction(
      async () => {
        throw lostConnection;
      },
      { schema: z.object({}) },
    );
    expect(await action({})).toEqual({ ok: false, message: "platform.databaseUnavailable" });
  });

  it("still reports any other failure as unexpected", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const action = createAction(
      async () => {
        throw new Error("a bug");
      },
      { schema: z.object({}) },
    );
    expect(await action({})).toEqual({ ok: false, message: "errors.unexpected" });
    vi.restoreAllMocks();
  });
});
