import { describe, expect, it } from "vitest";
import { scrollToReveal, visibleRange } from "./virtual";

describe("visibleRange", () => {
  it("draws only the rows in view plus the overscan", () => {
    const range = visibleRange(10_000, 50, 5_000, 500, 5);
    expect(range).toEqual({ start: 95, end: 115, offset: 4_750, total: 500_000 });
  });

  it("clamps at both ends", () => {
    expect(visibleRange(3, 50, 0, 500)).toEqual({ start: 0, end: 3, offset: 0, total: 150 });
    const end = visibleRange(100, 50, 99_999, 500, 2);
    expect(end.end).toBe(100);
    expect(end.start).toBe(88);
  });

  it("draws nothing for an empty list", () => {
    expect(visibleRange(0, 50, 0, 500)).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
  });
});

describe("scrollToReveal", () => {
  it("scrolls up or down just enough, and not at all when visible", () => {
    expect(scrollToReveal(2, 50, 200, 300)).toBe(100);
    expect(scrollToReveal(12, 50, 200, 300)).toBe(350);
    expect(scrollToReveal(5, 50, 200, 300)).toBeNull();
  });
});
