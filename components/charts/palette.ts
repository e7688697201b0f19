/** Series colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by the legend and table too. */
export const chartPalette = ["#1d4ed8", "#b42318", "#067647", "#7a2e0e", "#6941c6", "#026aa2", "#c4320a", "#344054"];

/**
 * The colour of a series from a stable index (e.g. a purpose's place in creation order), so a
 * series keeps its colour when another is added or removed.
 */
export function seriesColor(index: number): string {
  return chartPalette[((index % chartPalette.length) + chartPalette.length) % chartPalette.length]!;
}
