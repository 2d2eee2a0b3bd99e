import { describe, expect, it } from "vitest";
import { emptyFilter, isEmptyFilter } from "./api";

describe("isEmptyFilter", () => {
  it("lets the start-up list be reused only when nothing is filtered", () => {
    expect(isEmptyFilter(emptyFilter())).toBe(true);
    expect(isEmptyFilter({ ...emptyFilter(), status: "vetted" })).toBe(false);
    expect(isEmptyFilter({ ...emptyFilter(), review_due_by: "2026-12-31" })).toBe(false);
  });
});
