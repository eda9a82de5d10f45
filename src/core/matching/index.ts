export * from "./weights.js";
export * from "./score.js";
export { assignBatch, type AssignOptions, type AssignResult, type AssignedPair, type AssignStats, type BatchAsker } from "./assign.js";
export { explainPair, type PairExplanation } from "./explain.js";
export { assignGreedy, assignRandom, type BaselineResult } from "./baselines.js";
export { MinCostFlow, type FlowOptions, type FlowResult } from "./min-cost-flow.js";
export { solveBMatching, type BMatchingInput, type BMatchingSolution } from "./b-matching.js";
export { seededRandom, shuffleInPlace } from "./prng.js";
export * from "./peer/index.js";
