// Representation spectra. Rows of Z are n samples, columns are d features.
// Keep the names and signatures; no imports (write your own eigen-solver, e.g. Jacobi).

/** Center each feature, then C = Xᵀ X / n. */
export function covariance(Z: number[][]): number[][] {
  const n = Z.length;
  const d = Z[0]?.length ?? 0;
  const C = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  // TODO: subtract the mean of each column first.
  for (const row of Z) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) C[i]![j]! += (row[i]! * row[j]!) / n;
  return C;
}

/** All eigenvalues of the symmetric matrix C, in descending order. */
export function symmetricEigenvalues(C: number[][]): number[] {
  // TODO: the diagonal is only right when C is already diagonal.
  return C.map((row, i) => row[i]!).sort((a, b) => b - a);
}

/** exp(−Σ p_k ln p_k) with p_k = λ_k / Σλ over the positive λ_k. */
export function effectiveRank(eigenvalues: number[]): number {
  // TODO
  return eigenvalues.filter((v) => v > 0).length;
}

/** ZCA whitening: (Z − mean)·U·diag(1/√(λ + eps))·Uᵀ with U·diag(λ)·Uᵀ = covariance(Z). */
export function zcaWhiten(Z: number[][], eps = 1e-5): number[][] {
  // TODO
  return Z.map((row) => row.slice());
}

/** α of the least-squares fit ln λ_k = c − α ln k over the positive eigenvalues sorted descending. */
export function powerLawExponent(eigenvalues: number[]): number {
  // TODO
  return 1;
}
