import type { PeerGroup, PeerProfile, PeerRound } from "../core/domain/index.js";
import type { PeerGroupFilter } from "../core/ports/index.js";

const copy = <T>(v: T): T => structuredClone(v);
const k = (communityId: string, id: string): string => `${communityId}\u0000${id}`;

/** The peer-round tables in memory (MemoryStore's), keyed by community and id. */
export interface PeerTables {
  peerProfiles: Map<string, PeerProfile>;
  peerRounds: Map<string, PeerRound>;
  peerGroups: Map<string, PeerGroup>;
}

/**
 * Peer profiles, rounds and groups in memory: the same rules as the SQL ones. Records are
 * replaced, never changed in place, so a transaction that throws leaves the tables as they were.
 */
export class MemoryPeers {
  constructor(
    private readonly t: PeerTables,
    private readonly reachable: (communityId: string) => boolean,
  ) {}

  getProfile(communityId: string, memberId: string): PeerProfile | null {
    const p = this.t.peerProfiles.get(k(communityId, memberId));
    return p ? copy(p) : null;
  }

  saveProfile(p: PeerProfile): void {
    this.t.peerProfiles.set(k(p.communityId, p.memberId), copy(p));
  }

  listProfiles(communityId: string): PeerProfile[] {
    return [...this.t.peerProfiles.values()]
      .filter((p) => p.communityId === communityId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.memberId.localeCompare(b.memberId))
      .map(copy);
  }

  deleteProfile(communityId: string, memberId: string): void {
    this.t.peerProfiles.delete(k(communityId, memberId));
  }

  communities(): string[] {
    const ids = [...this.t.peerProfiles.values()].filter((p) => p.active).map((p) => p.communityId);
    return [...new Set(ids)].filter(this.reachable);
  }

  saveRound(r: PeerRound): void {
    this.t.peerRounds.set(k(r.communityId, r.id), copy(r));
  }

  listRounds(communityId: string, limit: number): PeerRound[] {
    return [...this.t.peerRounds.values()]
      .filter((r) => r.communityId === communityId)
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id))
      .slice(0, Math.max(0, limit))
      .map(copy);
  }

  getGroup(communityId: string, id: string): PeerGroup | null {
    const g = this.t.peerGroups.get(k(communityId, id));
    return g ? copy(g) : null;
  }

  saveGroups(gs: readonly PeerGroup[]): void {
    for (const g of gs) this.t.peerGroups.set(k(g.communityId, g.id), copy(g));
  }

  listGroups(communityId: string, f: PeerGroupFilter = {}): PeerGroup[] {
    return [...this.t.peerGroups.values()]
      .filter(
        (g) =>
          g.communityId === communityId &&
          (f.roundId === undefined || g.roundId === f.roundId) &&
          (f.memberId === undefined || g.memberIds.includes(f.memberId)) &&
          (f.createdSince === undefined || g.createdAt.getTime() >= f.createdSince.getTime()),
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map(copy);
  }
}
