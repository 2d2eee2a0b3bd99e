import { describe, expect, it } from "vitest";
import { onMenu, runMenu } from "./commands.svelte";

describe("menu routing", () => {
  it("offers an item to the newest handler first and falls through when it declines", () => {
    const calls: string[] = [];
    const offOld = onMenu("undo", () => {
      calls.push("old");
    });
    const offNew = onMenu("undo", () => {
      calls.push("new declines");
      return false;
    });
    expect(runMenu("undo")).toBe(true);
    expect(calls).toEqual(["new declines", "old"]);
    offOld();
    offNew();
    expect(runMenu("undo")).toBe(false);
  });
});
