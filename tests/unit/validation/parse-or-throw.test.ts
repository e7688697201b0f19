import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";

const schema = z.object({
  email: z.string({ error: "required" }).min(1, { error: "required" }).pipe(z.email({ error: "invalidEmail" })),
  texts: z.object({ fi: z.object({ title: z.string({ error: "titleRequired" }) }) }),
});

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("parseOrThrow", () => {
  it("answers the parsed data", () => {
    expect(parseOrThrow(z.object({ n: z.coerce.number() }), { n: "2" })).toEqual({ n: 2 });
  });

  it("refuses with VALIDATION, the first issue per top-level field, and the caller's message", () => {
    const error = refusal(() => parseOrThrow(schema, { email: "", texts: { fi: {} } }, { userMessage: "invalidInput", what: "consent input" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toBe("invalid consent input");
    expect(error.options.userMessage).toBe("invalidInput");
    expect(error.options.fields).toEqual({ email: "required", texts: "titleRequired" });
  });

  it("names nested fields by their dotted path when asked (forms with nested fields)", () => {
    const error = refusal(() => parseOrThrow(schema, { email: "x@example.test", texts: { fi: {} } }, { paths: "full" }));
    expect(error.options.fields).toEqual({ "texts.fi.title": "titleRequired" });
    expect(error.options.userMessage).toBe("invalid");
  });

  it("names an issue of the input as a whole root", () => {
    expect(refusal(() => parseOrThrow(schema, "not an object", { paths: "full" })).options.fields).toEqual({ root: expect.any(String) });
  });
});
