import { describe, expect, it } from "vitest";
import { parseTags } from "./tags";

describe("parseTags", () => {
  it("splits on commas, trims, drops blanks and repeats", () => {
    expect(parseTags(" gfmd, detention,,GFMD , migración ")).toEqual(["gfmd", "detention", "migración"]);
    expect(parseTags("")).toEqual([]);
  });
});
