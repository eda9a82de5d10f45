import { ChatRequestSchema, type ChatRequest } from "../../core/domain/index.js";
import type { ChatRequest as RequestRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** A chat request as a `chat_requests` row; tags, tried and suggestions become JSON. */
export const requestToRow = (r: ChatRequest): RequestRow => ({
  communityId: r.communityId,
  id: r.id,
  seekerId: r.seekerId,
  tags: toJson(r.tags),
  goals: r.goals,
  status: r.status,
  tried: toJson(r.tried),
  suggestions: toJson(r.suggestions),
  referredBy: r.referredBy,
  waitlistedAt: r.waitlistedAt ?? null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** A `chat_requests` row back as a validated ChatRequest. */
export function requestFromRow(r: RequestRow): ChatRequest {
  const where = `chat_requests(${r.communityId}, ${r.id})`;
  return parseRow(
    ChatRequestSchema,
    {
      ...r,
      // Absent rather than null when not waitlisted, as records from before the column read.
      waitlistedAt: r.waitlistedAt ?? undefined,
      tags: readJson(r.tags, where),
      tried: readJson(r.tried, where),
      suggestions: readJson(r.suggestions, where),
    },
    where,
  );
}
