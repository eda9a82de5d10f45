import { CommunitySchema, type Community } from "../../core/domain/index.js";
import type { Community as CommunityRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** A community as a `communities` row; settings become JSON, a reachable community's inactive_since is null. */
export const communityToRow = (c: Community): CommunityRow => ({
  id: c.id,
  name: c.name,
  settings: toJson(c.settings),
  createdAt: c.createdAt,
  inactiveSince: c.inactiveSince ?? null,
});

/** A `communities` row back as a validated Community (inactiveSince absent when the column is null). */
export function communityFromRow(r: CommunityRow): Community {
  const where = `communities(${r.id})`;
  const fields = { id: r.id, name: r.name, settings: readJson(r.settings, where), createdAt: r.createdAt };
  return parseRow(CommunitySchema, r.inactiveSince === null ? fields : { ...fields, inactiveSince: r.inactiveSince }, where);
}
