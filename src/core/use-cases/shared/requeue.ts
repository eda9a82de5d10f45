import type { ChatRequest, Community, Chat } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { withdrawIntro } from "./withdraw-intro.js";

/**
 * Whether a request is still about this chat: not closed by someone else's chat since (a
 * new intro may be out — that one can be withdrawn — but no other chat is under way or held).
 */
export async function requestStillWith(tx: StoreTx, communityId: string, request: ChatRequest, chat: Chat): Promise<boolean> {
  if (request.status === "cancelled") return false;
  const others = (await tx.listChats(communityId, { requestId: request.id })).filter(
    (c) => c.id !== chat.id && c.status !== "cancelled" && c.createdAt >= chat.createdAt,
  );
  return others.length === 0;
}

/**
 * The seeker's chat did not happen (by their word or the volunteer's): the request goes back
 * to the queue, where the next batch match offers it to someone new. Every volunteer already
 * tried — the one who did not meet them included — stays excluded. A request that has moved
 * on already is left alone. Returns whether it went back.
 */
export async function requeue(tx: StoreTx, deps: Deps, community: Community, chat: Chat): Promise<boolean> {
  const request = await tx.getRequest(community.id, chat.requestId);
  if (!request || !(await requestStillWith(tx, community.id, request, chat))) return false;
  if (request.status === "waitlisted" || request.status === "open" || request.status === "offered") return true;
  await tx.saveRequest({ ...request, status: "waitlisted", updatedAt: deps.clock.now() });
  return true;
}

/**
 * The request is about this chat again (the pair will try another time, or the seeker says it
 * happened after all): any intro the queue sent out meanwhile is withdrawn and the request
 * takes `status`. Returns false, changing nothing, when another chat has taken its place.
 */
export async function reclaim(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  chat: Chat,
  status: "scheduling" | "completed",
): Promise<boolean> {
  const request = await tx.getRequest(community.id, chat.requestId);
  if (!request) return true;
  if (!(await requestStillWith(tx, community.id, request, chat))) return false;
  const seeker = await tx.getMember(community.id, request.seekerId);
  for (const intro of await tx.listIntros(community.id, { requestId: request.id, status: ["pending"] }))
    if (seeker) await withdrawIntro(tx, deps, community, intro, seeker);
  await tx.saveRequest({ ...request, status, updatedAt: deps.clock.now() });
  return true;
}
