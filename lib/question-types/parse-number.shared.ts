// Parses what a student typed as a number: decimals and scientific notation ("1.5e-3", "-2E+4").
// Shared by the browser (instant feedback) and the server.
export function parseNumericAnswer(text: string): number | null {
  const t = text.trim().replace(/\u2212/g, "-");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}
