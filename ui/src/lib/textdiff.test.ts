import { describe, expect, it } from "vitest";
import { changeSize, wordDiff } from "./textdiff";

describe("wordDiff", () => {
  it("marks a changed figure as one removal and one addition", () => {
    const parts = wordDiff("We have 45 member organisations.", "We have 52 member organisations.");
    expect(parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "45" },
      { kind: "added", text: "52" },
    ]);
    expect(parts.map((p) => (p.kind === "removed" ? "" : p.text)).join("")).toBe("We have 52 member organisations.");
  });

  it("counts words added and removed", () => {
    const parts = wordDiff("Protection comes first", "Protection must come first always");
    expect(changeSize(parts)).toEqual({ added: 3, removed: 1 });
  });

  it("gives a single unchanged part for equal texts", () => {
    expect(wordDiff("same text", "same text")).toEqual([{ kind: "same", text: "same text" }]);
  });
});
