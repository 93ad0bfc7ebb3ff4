// Whole-number command-line options of the benchmarks, with the message a person can act on.
export function intOption(values: Record<string, unknown>, name: string, min: number): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min}`);
    process.exit(2);
  }
  return n;
}
