// Number formatting shared by the staff pages (the CSV export has its own, stricter formatScore).
export function pts(x: number | null | undefined): string {
  if (x === null || x === undefined) return "—";
  return String(Math.round(x * 100) / 100);
}
