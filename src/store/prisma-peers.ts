import { empty, sqltag as sql } from "@prisma/client/runtime/client";
import type { PeerGroup, PeerProfile, PeerRound } from "../core/domain/index.js";
import type { PeerGroupFilter } from "../core/ports/index.js";
import type { HotReads } from "./hot-reads.js";
import {
  peerGroupFromRow,
  peerGroupToRow,
  peerProfileFromRow,
  peerProfileToRow,
  peerRoundFromRow,
  peerRoundToRow,
} from "./mappers/peers.js";
import { PEER_GROUP, PEER_PROFILE, PEER_ROUND } from "./row-specs.js";

/**
 * Peer-round profiles, rounds and groups over one store transaction, in plain SQL both engines
 * run. Groups are read by community (and creation time) through their index; the member filter
 * is applied here, since a group's members are one JSON column.
 */
export class PeerRecords {
  constructor(private readonly hot: HotReads) {}

  async getProfile(communityId: string, memberId: string): Promise<PeerProfile | null> {
    const r = await this.hot.one(PEER_PROFILE, sql`"community_id" = ${communityId} AND "member_id" = ${memberId}`);
    return r && peerProfileFromRow(r);
  }

  saveProfile(p: PeerProfile): Promise<void> {
    return this.hot.save(PEER_PROFILE, peerProfileToRow(p));
  }

  async listProfiles(communityId: string): Promise<PeerProfile[]> {
    const rows = await this.hot.many(PEER_PROFILE, sql`"community_id" = ${communityId}`, sql` ORDER BY "created_at", "member_id"`);
    return rows.map(peerProfileFromRow);
  }

  async deleteProfile(communityId: string, memberId: string): Promise<void> {
    await this.hot.run(sql`DELETE FROM "peer_profiles" WHERE "community_id" = ${communityId} AND "member_id" = ${memberId}`);
  }

  saveRound(r: PeerRound): Promise<void> {
    return this.hot.save(PEER_ROUND, peerRoundToRow(r));
  }

  async listRounds(communityId: string, limit: number): Promise<PeerRound[]> {
    const n = Math.max(0, Math.floor(limit));
    const rows = await this.hot.many(PEER_ROUND, sql`"community_id" = ${communityId}`, sql` ORDER BY "at" DESC, "id" DESC LIMIT ${n}`);
    return rows.map(peerRoundFromRow);
  }

  async getGroup(communityId: string, id: string): Promise<PeerGroup | null> {
    const r = await this.hot.one(PEER_GROUP, sql`"community_id" = ${communityId} AND "id" = ${id}`);
    return r && peerGroupFromRow(r);
  }

  async saveGroups(gs: readonly PeerGroup[]): Promise<void> {
    for (const g of gs) await this.hot.save(PEER_GROUP, peerGroupToRow(g));
  }

  async listGroups(communityId: string, f: PeerGroupFilter = {}): Promise<PeerGroup[]> {
    const since = f.createdSince ? sql` AND "created_at" >= ${f.createdSince}` : empty;
    const round = f.roundId !== undefined ? sql` AND "round_id" = ${f.roundId}` : empty;
    const rows = await this.hot.many(PEER_GROUP, sql`"community_id" = ${communityId}${since}${round}`, sql` ORDER BY "created_at", "id"`);
    const groups = rows.map(peerGroupFromRow);
    return f.memberId === undefined ? groups : groups.filter((g) => g.memberIds.includes(f.memberId as string));
  }
}
