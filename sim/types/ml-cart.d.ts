/** The part of ml-cart (no types of its own) that discover/cart.ts uses. */
declare module "ml-cart" {
  export interface TreeNode {
    splitColumn?: number;
    splitValue?: number;
    left?: TreeNode;
    right?: TreeNode;
    /** leaves only: the class shares, a one-row matrix */
    distribution?: { getRow(i: number): number[] };
  }
  export class DecisionTreeClassifier {
    constructor(options?: { gainFunction?: "gini"; splitFunction?: "mean"; minNumSamples?: number; maxDepth?: number; gainThreshold?: number });
    root: TreeNode;
    train(x: number[][], y: number[]): void;
    predict(x: number[][]): number[];
  }
}
