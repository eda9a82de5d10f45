import type { ChatRequest } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { withdrawIntro } from "./shared/withdraw-intro.js";
import { withdrawChat } from "./shared/withdraw.js";

export interface CancelRequest {
  actor: Actor;
  requestId: string;
}

/**
 * The seeker withdraws a request at any stage before the chat: a pending intro is withdrawn
 * (the volunteer is told), a chat being set up is cancelled. Cancelling twice changes nothing.
 */
export async function cancelRequest(
  deps: Deps,
  cmd: CancelRequest,
): Promise<Result<{ request: ChatRequest; replay: boolean }, "NOT_FOUND" | "NOT_YOURS" | "ALREADY_CLOSED">> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const request = await tx.getRequest(community.id, cmd.requestId);
    if (!request) return fail("NOT_FOUND", { requestId: cmd.requestId });
    if (request.seekerId !== member.id) return fail("NOT_YOURS");
    if (request.status === "cancelled") return ok({ request, replay: true });
    if (request.status === "completed") return fail("ALREADY_CLOSED", { status: request.status });
    for (const intro of await tx.listIntros(community.id, { requestId: request.id, status: ["pending"] }))
      await withdrawIntro(tx, deps, community, intro, member);
    for (const chat of await tx.listChats(community.id, { requestId: request.id, status: ["proposing", "scheduled"] })) {
      await withdrawChat(tx, deps, community, chat, member.id);
    }
    const cancelled: ChatRequest = { ...request, status: "cancelled", updatedAt: now };
    await tx.saveRequest(cancelled);
    return ok({ request: cancelled, replay: false });
  });
}
