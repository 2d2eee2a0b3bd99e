// Preview update times (from the change that caused them to the new HTML arriving), in
// milliseconds. The end-to-end benchmark reads them from the window.

export const previewTimings: number[] = [];

/** Start-up milestones (ms since the page began loading), reported with `window_ready`. */
export const startMarks: Record<string, number> = {};

export function mark(name: string): void {
  startMarks[name] ??= Math.round(performance.now());
}

declare global {
  interface Window {
    plenaryPreviewTimings?: number[];
  }
}

window.plenaryPreviewTimings = previewTimings;
