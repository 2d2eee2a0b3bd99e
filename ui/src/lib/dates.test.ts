import { describe, expect, it } from "vitest";
import { localDate } from "./dates";

describe("localDate", () => {
  it("writes the local day, padded, and crosses months and years", () => {
    const now = new Date(2026, 0, 1, 0, 30);
    expect(localDate(0, now)).toBe("2026-01-01");
    expect(localDate(-1, now)).toBe("2025-12-31");
    expect(localDate(59, now)).toBe("2026-03-01");
  });
});
