import { DashboardGrantSchema, type DashboardGrant } from "../../core/domain/index.js";
import type { DashboardGrant as DashboardGrantRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** A dashboard grant as a `dashboard_grants` row; the roles become JSON. */
export const dashboardGrantToRow = (g: DashboardGrant): DashboardGrantRow => ({
  hash: g.hash,
  kind: g.kind,
  communityId: g.communityId,
  memberId: g.memberId,
  platformAdmin: g.platformAdmin,
  roles: toJson(g.roles),
  createdAt: g.createdAt,
  expiresAt: g.expiresAt,
  usedAt: g.usedAt,
});

/** A `dashboard_grants` row back as a validated DashboardGrant. */
export function dashboardGrantFromRow(r: DashboardGrantRow): DashboardGrant {
  // The hash is a credential's fingerprint: name the row by its start only.
  const where = `dashboard_grants(${r.hash.slice(0, 8)}…)`;
  return parseRow(DashboardGrantSchema, { ...r, roles: readJson(r.roles, where) }, where);
}
