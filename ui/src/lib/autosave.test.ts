import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutoSaver, type DraftText, type SaveState } from "./autosave";

function harness(options: { commitResult?: number | null } = {}) {
  const drafts: DraftText[] = [];
  const states: SaveState[] = [];
  let commits = 0;
  const saver = new AutoSaver({
    saveDraft: async (text) => {
      drafts.push(text);
    },
    commit: async () => {
      commits += 1;
      return options.commitResult === undefined ? commits + 1 : options.commitResult;
    },
    onState: (state) => states.push(state),
    draftDelay: 300,
    maxWait: 1000,
    pauseDelay: 10_000,
  });
  return { saver, drafts, states, commits: () => commits };
}

describe("AutoSaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes one draft after a burst of typing, not one per keystroke", async () => {
    const h = harness();
    for (const body of ["P", "Pr", "Pro", "Prot"]) {
      h.saver.change({ title: "T", body });
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(300);
    expect(h.drafts).toEqual([{ title: "T", body: "Prot" }]);
    expect(h.commits()).toBe(0);
  });

  it("never lets a change wait longer than a second while typing goes on", async () => {
    const h = harness();
    for (let i = 0; i < 12; i += 1) {
      h.saver.change({ title: "T", body: "x".repeat(i + 1) });
      await vi.advanceTimersByTimeAsync(200);
    }
    // 2.4 s of continuous typing: at least two drafts were written on the way.
    expect(h.drafts.length).toBeGreaterThanOrEqual(2);
    expect(h.drafts[0]?.body.length).toBeLessThanOrEqual(6);
  });

  it("cuts a version after a pause in typing", async () => {
    const h = harness();
    h.saver.change({ title: "T", body: "one" });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(h.commits()).toBe(0);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(h.commits()).toBe(1);
    expect(h.states.at(-1)).toEqual({ kind: "version", number: 2 });
  });

  it("writes pending text and cuts a version when the editor is left", async () => {
    const h = harness();
    h.saver.change({ title: "T", body: "typed just now" });
    await h.saver.flush();
    expect(h.drafts).toEqual([{ title: "T", body: "typed just now" }]);
    expect(h.commits()).toBe(1);
    // Leaving again without edits does not cut an empty version.
    await h.saver.flush();
    expect(h.commits()).toBe(1);
  });

  it("reports an unchanged text as saved, not as a new version", async () => {
    const h = harness({ commitResult: null });
    h.saver.change({ title: "T", body: "same" });
    await h.saver.flush();
    expect(h.states.at(-1)).toEqual({ kind: "saved" });
  });

  it("reports a failed save and keeps working", async () => {
    const states: SaveState[] = [];
    let fail = true;
    const saver = new AutoSaver({
      saveDraft: async () => {
        if (fail) throw { code: "library", message: "locked" };
      },
      commit: async () => 3,
      onState: (state) => states.push(state),
    });
    saver.change({ title: "T", body: "a" });
    await saver.saveNow();
    expect(states.at(-1)).toEqual({ kind: "error", error: { code: "library", message: "locked" } });
    fail = false;
    saver.change({ title: "T", body: "ab" });
    await saver.flush();
    expect(states.at(-1)).toEqual({ kind: "version", number: 3 });
  });
  it("discards after a write under way, and then cuts no version", async () => {
    const order: string[] = [];
    let finishWrite: () => void = () => {};
    let commits = 0;
    const saver = new AutoSaver({
      saveDraft: () =>
        new Promise<void>((resolve) => {
          order.push("write started");
          finishWrite = () => {
            order.push("write finished");
            resolve();
          };
        }),
      commit: async () => {
        commits += 1;
        return commits;
      },
      onState: () => {},
    });
    // Recovered text is written back as soon as the editor opens; the user discards it while
    // that write is still under way.
    saver.change({ title: "T", body: "recovered" });
    await vi.advanceTimersByTimeAsync(300);
    const discarded = saver.discard(async () => {
      order.push("draft deleted");
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(["write started"]);
    finishWrite();
    await discarded;
    expect(order).toEqual(["write started", "write finished", "draft deleted"]);
    await saver.flush();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(commits).toBe(0);
  });
});
