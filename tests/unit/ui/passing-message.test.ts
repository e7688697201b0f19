// The shared success/error message state (components/ui/use-passing-message.ts): a success passes
// (its time runs out, or the form is edited again), an error stays until the next try.
import { describe, expect, it } from "vitest";
import { outcomeReducer, type Outcome } from "@/components/ui/use-passing-message";

const show = (current: Outcome | null, ok: boolean, text: string) => outcomeReducer(current, { type: "show", outcome: { ok, text } });

describe("outcomeReducer", () => {
  it("shows a success and lets it go when its time is up", () => {
    const shown = show(null, true, "Tallennettu.");
    expect(shown).toEqual({ ok: true, text: "Tallennettu." });
    expect(outcomeReducer(shown, { type: "expired", outcome: shown! })).toBeNull();
  });

  it("lets a success go when the form is edited again", () => {
    expect(outcomeReducer(show(null, true, "Tehty."), { type: "edited" })).toBeNull();
  });

  it("keeps an error through edits and timers until the next outcome or a clear", () => {
    const error = show(null, false, "Perustelu on liian lyhyt.");
    expect(outcomeReducer(error, { type: "edited" })).toBe(error);
    expect(outcomeReducer(error, { type: "expired", outcome: error! })).toBe(error);
    expect(show(error, true, "Tehty.")).toEqual({ ok: true, text: "Tehty." });
    expect(outcomeReducer(error, { type: "clear" })).toBeNull();
  });

  it("does not let an older success's timer take away a newer one, even with the same words", () => {
    const first = show(null, true, "Jonossa uudelleen.");
    const second = show(first, true, "Jonossa uudelleen.");
    // A new object, so the hook's timer starts again for it.
    expect(second).not.toBe(first);
    expect(outcomeReducer(second, { type: "expired", outcome: first! })).toBe(second);
    expect(outcomeReducer(second, { type: "expired", outcome: second! })).toBeNull();
  });

  it("keeps a newer error when an older success's time runs out", () => {
    const success = show(null, true, "Kutsuttu.");
    const error = show(success, false, "Osoite on jo käytössä.");
    expect(outcomeReducer(error, { type: "expired", outcome: success! })).toBe(error);
  });
});
