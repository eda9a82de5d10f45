export { type EdgeListBuilder, edgeList, type PeerEdges } from "./edge-list.js";
export { maxWeightMatching } from "./blossom.js";
export { PEER_EDGES_PER_MEMBER, type PeerEdgeOptions, type PeerMember, peerEdges } from "./edges.js";
export { type PeerExcluded, pairPeers, type PeerRoundPlan } from "./pair-round.js";
export { greedyPeers, randomPeers } from "./baselines.js";
