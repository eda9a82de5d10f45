import type { Member } from "../domain/index.js";
import { ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";

/** Back from a pause, or back after leaving: the member is matched again. Idempotent. */
export async function resume(deps: Deps, cmd: { actor: Actor }): Promise<Result<{ member: Member; wasPaused: boolean }, never>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { member } = await loadActor(tx, cmd.actor, now);
    const wasPaused = member.status !== "active";
    const active: Member = { ...member, status: "active", pausedUntil: null };
    if (wasPaused) await tx.saveMember(active);
    return ok({ member: active, wasPaused });
  });
}
