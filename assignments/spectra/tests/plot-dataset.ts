// The visible data set whose spectrum the student page plots against the reference (log-log):
// n = 200 samples, d = 16 features, covariance eigenvalues exactly λ_k = 4·k^(−1.5).
import { createRng } from "../../../grader/rng";
import { covariance, symmetricEigenvalues } from "../solution";
import { dataWithSpectrum } from "./datasets";

export const PLOT_N = 200;
export const PLOT_D = 16;
export const PLOT_TRUE_SPECTRUM: number[] = Array.from({ length: PLOT_D }, (_, k) => 4 * Math.pow(k + 1, -1.5));

export const Z: number[][] = dataWithSpectrum(createRng("spectra/plot-dataset/v1"), PLOT_N, PLOT_TRUE_SPECTRUM).Z;

/** The reference eigenvalues of covariance(Z), descending (equal to PLOT_TRUE_SPECTRUM up to rounding). */
export function referenceEigenvalues(): number[] {
  return symmetricEigenvalues(covariance(Z));
}
