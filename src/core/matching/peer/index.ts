export { type EdgeListBuilder, edgeList, type PeerEdges } from "./edge-list.js";
export { maxWeightMatching } from "./blossom.js";
