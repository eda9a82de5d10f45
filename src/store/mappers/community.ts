import { CommunitySchema, type Community } from "../../core/domain/index.js";
import type { Community as CommunityRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** A community as a `communities` row; settings become JSON. */
export const communityToRow = (c: Community): CommunityRow => ({
  id: c.id,
  name: c.name,
  settings: toJson(c.settings),
  createdAt: c.createdAt,
});

/** A `communities` row back as a validated Community. */
export function communityFromRow(r: CommunityRow): Community {
  const where = `communities(${r.id})`;
  return parseRow(CommunitySchema, { id: r.id, name: r.name, settings: readJson(r.settings, where), createdAt: r.createdAt }, where);
}
