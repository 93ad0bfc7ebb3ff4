export type LossKind = "hard" | "soft";
export type TrainConfig = { seed: number; n: number; d: number; T: number[][]; loss: LossKind; steps: number; lr: number; beta: number };
export type TrainResult = { initial: number[][]; final: number[][]; losses: number[]; stableRanks: number[]; spectrum: number[] };
/** Given: mulberry32, uniform numbers in [0, 1) from a 32-bit seed. */
export declare function mulberry32(seed: number): () => number;
/** Given: standard normal numbers from a uniform generator (Box–Muller, one value per call). */
export declare function gaussian(uniform: () => number): () => number;
/** Given: eigenvalues (descending) and eigenvectors (the columns of `vectors`) of a symmetric matrix. */
export declare function symmetricEigen(C: number[][]): { values: number[]; vectors: number[][] };
/** Covariance of the rows of Z: center each feature, divide by n. */
export declare function covariance(Z: number[][]): number[][];
/** tr(C)/λ_max(C) of the covariance of Z. */
export declare function stableRank(Z: number[][]): number;
/** (1/n)·‖X (C + eps I)^(−1/2) − T‖² with X the centered Z (ZCA whitening), and its gradient in Z. eps defaults to 1e-5. */
export declare function hardWhiteningLoss(Z: number[][], T: number[][], eps?: number): { loss: number; grad: number[][] };
/** (1/n)·‖Z − T‖² + beta·‖C − I‖²_F, and its gradient in Z. */
export declare function softWhiteningLoss(Z: number[][], T: number[][], beta: number): { loss: number; grad: number[][] };
/** From gaussian(mulberry32(seed)), row by row: Z0[s][j] = normal() / (j + 1). */
export declare function initRepresentation(seed: number, n: number, d: number): number[][];
/** initRepresentation, then cfg.steps steps Z ← Z − lr·∇L; losses and stableRanks have steps + 1 entries; spectrum of the final covariance, descending. */
export declare function train(cfg: TrainConfig): TrainResult;
