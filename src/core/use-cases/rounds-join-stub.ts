import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";

/**
 * TEMPORARY local adapter, to be deleted when branch r-rounds (which owns peer rounds) is merged:
 * the signature of its `joinRounds`, so the front door compiles against it meanwhile. It records
 * nothing: rounds off → ROUNDS_OFF, a member who left Percolate → LEFT, else "you're in", date unknown.
 */
export async function joinRounds(
  deps: Deps,
  cmd: { actor: Actor; group?: string },
): Promise<Result<{ nextRoundAt: Date | null; already: boolean }, "ROUNDS_OFF" | "LEFT">> {
  return deps.store.tx(async (tx): Promise<Result<{ nextRoundAt: Date | null; already: boolean }, "ROUNDS_OFF" | "LEFT">> => {
    const { community, member } = await loadActor(tx, cmd.actor, deps.clock.now());
    if (community.settings.roundsEveryWeeks === 0) return fail("ROUNDS_OFF");
    if (member.status === "opted_out") return fail("LEFT");
    return ok({ nextRoundAt: null, already: false });
  });
}
