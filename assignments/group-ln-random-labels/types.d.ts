export type Params = { W: number[][]; b: number[]; v: number[]; c: number };
export type TrainConfig = { X: number[][]; y: number[]; width: number; groups: number; steps: number; lr: number; seed: number };
export type TrainResult = { initial: Params; final: Params; losses: number[]; fittedFraction: number };
/** Given: mulberry32, uniform numbers in [0, 1) from a 32-bit seed. */
export declare function mulberry32(seed: number): () => number;
/** Given: standard normal numbers from a uniform generator (Box–Muller, one value per call). */
export declare function gaussian(uniform: () => number): () => number;
/** LayerNorm inside each of `groups` contiguous blocks of z: (z − μ_g)/√(σ²_g + eps), σ² biased (divide by the group size). */
export declare function groupLayerNorm(z: number[], groups: number, eps?: number): number[];
/** f(x) = v · GLN_G(W x + b) + c with eps = 1e-5. */
export declare function forward(p: Params, x: number[], groups: number): number;
/** Mean of log(1 + exp(−y f(x))) over the rows of X, and its gradient in every parameter. */
export declare function lossAndGradient(p: Params, X: number[][], y: number[], groups: number): { loss: number; grad: Params };
/** From gaussian(mulberry32(seed)): W row by row ~ N(0, 1/inputDim), then b ~ N(0, 1), then v ~ N(0, 1/width); c = 0. */
export declare function initParams(seed: number, width: number, inputDim: number): Params;
/** initParams, then cfg.steps full-batch gradient steps p ← p − lr·∇L; losses has steps + 1 entries; fittedFraction of the final parameters. */
export declare function train(cfg: TrainConfig): TrainResult;
