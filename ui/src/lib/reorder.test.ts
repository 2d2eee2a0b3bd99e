import { describe, expect, it } from "vitest";
import { dropMove, keyboardMove } from "./reorder";

describe("keyboardMove", () => {
  it("moves with Alt and the arrows, within bounds", () => {
    expect(keyboardMove("ArrowUp", true, 3, 5)).toEqual({ from: 3, to: 2 });
    expect(keyboardMove("ArrowDown", true, 3, 5)).toEqual({ from: 3, to: 4 });
    expect(keyboardMove("ArrowUp", true, 1, 5)).toBeNull();
    expect(keyboardMove("ArrowDown", true, 5, 5)).toBeNull();
    expect(keyboardMove("ArrowDown", false, 3, 5)).toBeNull();
    expect(keyboardMove("Enter", true, 3, 5)).toBeNull();
  });
});

describe("dropMove", () => {
  it("turns a drop gap into the target position", () => {
    expect(dropMove(1, 4, 5)).toEqual({ from: 1, to: 3 });
    expect(dropMove(4, 1, 5)).toEqual({ from: 4, to: 1 });
    expect(dropMove(2, 6, 5)).toEqual({ from: 2, to: 5 });
  });

  it("ignores drops that change nothing", () => {
    expect(dropMove(2, 2, 5)).toBeNull();
    expect(dropMove(2, 3, 5)).toBeNull();
  });
});
