/** Series colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by the legend and table too. */
export const chartPalette = ["#1d4ed8", "#b42318", "#067647", "#7a2e0e", "#6941c6", "#026aa2", "#c4320a", "#344054"];
