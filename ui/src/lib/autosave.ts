// Autosave without a Save button: every change is written as a draft within a second (debounced
// while typing, never later than `maxWait` after the first unsaved keystroke), and the draft is
// cut into a version at sensible points: after a pause in typing, or when the editor is left.
// Calls to the store are queued so they never overlap or arrive out of order.

export interface DraftText {
  title: string;
  body: string;
}

export type SaveState =
  | { kind: "saved" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "drafted" }
  | { kind: "version"; number: number }
  | { kind: "error"; error: unknown };

export interface AutosaveOptions {
  /** Writes the draft durably. */
  saveDraft: (text: DraftText) => Promise<void>;
  /** Cuts the draft into a version; resolves to its number, or null if nothing changed. */
  commit: () => Promise<number | null>;
  /** Told about every change of state, for the status line. */
  onState: (state: SaveState) => void;
  /** Quiet time before a draft is written. */
  draftDelay?: number;
  /** Longest a change waits before being written, however fast the typing. */
  maxWait?: number;
  /** Quiet time after which a version is cut. */
  pauseDelay?: number;
}

export class AutoSaver {
  private pending: DraftText | null = null;
  private firstUnsavedAt: number | null = null;
  private draftTimer: ReturnType<typeof setTimeout> | null = null;
  private pauseTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private dirtySinceVersion = false;
  private readonly draftDelay: number;
  private readonly maxWait: number;
  private readonly pauseDelay: number;

  constructor(private readonly options: AutosaveOptions) {
    this.draftDelay = options.draftDelay ?? 300;
    this.maxWait = options.maxWait ?? 1000;
    this.pauseDelay = options.pauseDelay ?? 10_000;
  }

  /** Records an edit: the draft is written soon, a version after a pause. */
  change(text: DraftText): void {
    this.pending = text;
    this.dirtySinceVersion = true;
    const now = Date.now();
    this.firstUnsavedAt ??= now;
    this.options.onState({ kind: "pending" });
    if (this.draftTimer) clearTimeout(this.draftTimer);
    const wait = Math.max(0, Math.min(this.draftDelay, this.firstUnsavedAt + this.maxWait - now));
    this.draftTimer = setTimeout(() => void this.writeDraft(), wait);
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => void this.cutVersion(), this.pauseDelay);
  }

  /** Writes anything pending and cuts a version now (the editor is being left). */
  async flush(): Promise<void> {
    await this.writeDraft();
    await this.cutVersion();
  }

  /** Writes anything pending without cutting a version (the window is losing focus). */
  async saveNow(): Promise<void> {
    await this.writeDraft();
  }

  /** Stops the timers; pending text is not written. Use `flush` first to keep it. */
  dispose(): void {
    if (this.draftTimer) clearTimeout(this.draftTimer);
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.draftTimer = null;
    this.pauseTimer = null;
  }

  /** Gives up the unsaved changes: drops pending text and runs `drop` (which deletes the stored
   * draft) after any write already under way, so no earlier write can bring the draft back and
   * leaving the editor afterwards cuts no version. */
  discard(drop: () => Promise<void>): Promise<void> {
    this.dispose();
    this.pending = null;
    this.firstUnsavedAt = null;
    this.dirtySinceVersion = false;
    return this.enqueue(async () => {
      await drop();
      this.options.onState({ kind: "saved" });
    });
  }

  private writeDraft(): Promise<void> {
    if (this.draftTimer) clearTimeout(this.draftTimer);
    this.draftTimer = null;
    const text = this.pending;
    if (!text) return this.queue;
    this.pending = null;
    this.firstUnsavedAt = null;
    return this.enqueue(async () => {
      this.options.onState({ kind: "saving" });
      await this.options.saveDraft(text);
      if (!this.pending) this.options.onState({ kind: "drafted" });
    });
  }

  private cutVersion(): Promise<void> {
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
    if (!this.dirtySinceVersion) return this.queue;
    this.dirtySinceVersion = false;
    return this.enqueue(async () => {
      const number = await this.options.commit();
      if (this.pending) return;
      this.options.onState(number === null ? { kind: "saved" } : { kind: "version", number });
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.options.onState({ kind: "error", error });
    });
    return this.queue;
  }
}
