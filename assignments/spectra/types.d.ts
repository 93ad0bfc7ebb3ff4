/** Covariance of the rows of Z (n samples × d features): center each feature, divide by n. */
export declare function covariance(Z: number[][]): number[][];
/** All eigenvalues of a symmetric matrix, in descending order (your own solver; no libraries). */
export declare function symmetricEigenvalues(C: number[][]): number[];
/** exp(−Σ p_k ln p_k), p_k = λ_k / Σλ over the positive λ_k. */
export declare function effectiveRank(eigenvalues: number[]): number;
/** (Z − mean)·U·diag(1/√(λ + eps))·Uᵀ where U·diag(λ)·Uᵀ = covariance(Z) (ZCA, not PCA whitening). eps defaults to 1e-5. */
export declare function zcaWhiten(Z: number[][], eps?: number): number[][];
/** α of the least-squares fit ln λ_k = c − α·ln k over the positive eigenvalues sorted descending, k = 1..K. */
export declare function powerLawExponent(eigenvalues: number[]): number;
