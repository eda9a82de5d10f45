import { z } from "zod";
import type { Installation } from "../../core/ports/index.js";
import type { Installation as InstallationRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** What an `installations` row must hold to be an Installation: the store's edge (HOUSE_STYLE §5). */
const InstallationSchema: z.ZodType<Installation> = z.object({
  id: z.string().min(1),
  platform: z.literal("slack"),
  teamId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  installerId: z.string().nullable(),
  botUserId: z.string(),
  scopes: z.array(z.string()),
  tokenExpiresAt: z.date().nullable(),
  sealed: z.string().min(1),
  installedAt: z.date(),
  updatedAt: z.date(),
});

/** An installation as an `installations` row; the scopes become JSON, the sealed credentials are kept as given. */
export const installationToRow = (i: Installation): InstallationRow => ({
  id: i.id,
  platform: i.platform,
  teamId: i.teamId,
  enterpriseId: i.enterpriseId,
  installerId: i.installerId,
  botUserId: i.botUserId,
  scopes: toJson(i.scopes),
  tokenExpiresAt: i.tokenExpiresAt,
  sealed: i.sealed,
  installedAt: i.installedAt,
  updatedAt: i.updatedAt,
});

/** An `installations` row back as a validated Installation. */
export function installationFromRow(r: InstallationRow): Installation {
  const where = `installations(${r.id})`;
  return parseRow(InstallationSchema, { ...r, scopes: readJson(r.scopes, where) }, where);
}
