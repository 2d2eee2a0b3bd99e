import { describe, expect, it } from "vitest";
import { rowAfterRemoval } from "./focus";

describe("rowAfterRemoval", () => {
  it("gives the row now in the removed one's place, the last row after the last, none when empty", () => {
    expect(rowAfterRemoval(3, 1)).toBe(1);
    expect(rowAfterRemoval(3, 3)).toBe(2);
    expect(rowAfterRemoval(0, 0)).toBeNull();
  });
});
