/** Types of the `sobol` package (tornord/sobol 1.1.4, CommonJS, ships none). */
declare module "sobol" {
  export class SobolSequenceGenerator {
    /** dimension 1 … 21201 (Joe–Kuo new-joe-kuo-6.21201 direction numbers) */
    constructor(dimension: number);
    readonly dimension: number;
    /** the next point of [0, 1)^dimension; the first call gives the origin */
    nextVector(): number[];
  }
}
