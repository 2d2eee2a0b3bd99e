// Preview update times (from the change that caused them to the new HTML arriving), in
// milliseconds. The end-to-end benchmark reads them from the window.

export const previewTimings: number[] = [];

declare global {
  interface Window {
    plenaryPreviewTimings?: number[];
  }
}

window.plenaryPreviewTimings = previewTimings;
