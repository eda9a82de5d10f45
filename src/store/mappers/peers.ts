import {
  type PeerGroup,
  PeerGroupSchema,
  type PeerProfile,
  PeerProfileSchema,
  type PeerRound,
  PeerRoundSchema,
} from "../../core/domain/index.js";
import type { PeerGroup as PeerGroupRow, PeerProfile as PeerProfileRow, PeerRound as PeerRoundRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** A peer profile as a `peer_profiles` row; the tags become JSON. */
export const peerProfileToRow = (p: PeerProfile): PeerProfileRow => ({ ...p, tags: toJson(p.tags) });

/** A `peer_profiles` row back as a validated PeerProfile. */
export function peerProfileFromRow(r: PeerProfileRow): PeerProfile {
  const where = `peer_profiles(${r.memberId})`;
  return parseRow(PeerProfileSchema, { ...r, tags: readJson(r.tags, where) }, where);
}

/** A round as a `peer_rounds` row; its counts become JSON. */
export const peerRoundToRow = (r: PeerRound): PeerRoundRow => ({ ...r, counts: toJson(r.counts) });

/** A `peer_rounds` row back as a validated PeerRound. */
export function peerRoundFromRow(r: PeerRoundRow): PeerRound {
  const where = `peer_rounds(${r.id})`;
  return parseRow(PeerRoundSchema, { ...r, counts: readJson(r.counts, where) }, where);
}

/** A group as a `peer_groups` row; members, slots and reports become JSON. */
export const peerGroupToRow = (g: PeerGroup): PeerGroupRow => ({
  ...g,
  memberIds: toJson(g.memberIds),
  proposedSlots: toJson(g.proposedSlots),
  slot: g.slot === null ? null : toJson(g.slot),
  reports: toJson(g.reports),
});

/** A `peer_groups` row back as a validated PeerGroup. */
export function peerGroupFromRow(r: PeerGroupRow): PeerGroup {
  const where = `peer_groups(${r.id})`;
  return parseRow(
    PeerGroupSchema,
    {
      ...r,
      memberIds: readJson(r.memberIds, where),
      proposedSlots: readJson(r.proposedSlots, where),
      slot: r.slot === null ? null : readJson(r.slot, where),
      reports: readJson(r.reports, where),
    },
    where,
  );
}
