/**
 * zod with i18n-key messages: import `z` from here in every shared schema so
 * that the same schema validates the form and the server action, and both
 * show the same translated errors.
 */
import { z } from "zod";
import { messageKey } from "@/lib/i18n/translate";

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === ""
          ? "validation.required"
          : "validation.invalidType";
      case "too_small":
        if (issue.origin === "string") {
          return Number(issue.minimum) <= 1
            ? "validation.required"
            : messageKey("validation.tooShort", { minimum: Number(issue.minimum) });
        }
        if (issue.origin === "array" || issue.origin === "set") {
          return messageKey("validation.tooFewItems", { minimum: Number(issue.minimum) });
        }
        return messageKey(issue.inclusive ? "validation.min" : "validation.greaterThan", {
          minimum: Number(issue.minimum),
        });
      case "too_big":
        if (issue.origin === "string") {
          return messageKey("validation.tooLong", { maximum: Number(issue.maximum) });
        }
        if (issue.origin === "array" || issue.origin === "set") {
          return messageKey("validation.tooManyItems", { maximum: Number(issue.maximum) });
        }
        return messageKey(issue.inclusive ? "validation.max" : "validation.lessThan", {
          maximum: Number(issue.maximum),
        });
      case "invalid_format":
        return issue.format === "email" ? "validation.email" : "validation.format";
      case "invalid_value":
        return "validation.choice";
      default:
        return "validation.invalid";
    }
  },
});

export { z };
