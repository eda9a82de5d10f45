import type { CsvFile } from "../../admin/csv.js";
import { exportFiles } from "../../admin/export-tables.js";
import { ok, type Result } from "../../result.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";

/**
 * The community's data as CSV files (members and profiles, requests, chats with outcomes).
 * Free-text feedback notes are left out unless `includeNotes`. The adapter delivers the
 * files: an upload on the platforms, a folder in the shell.
 */
export async function adminExport(
  deps: Deps,
  cmd: { actor: Actor; includeNotes: boolean },
): Promise<Result<{ files: CsvFile[]; includeNotes: boolean }, "NOT_ADMIN">> {
  return asAdmin(deps, cmd.actor, "export", async (tx, community, admin) => {
    const members = await tx.listMembers(community.id);
    const seekers = await tx.listSeekers(community.id);
    const files = exportFiles(
      {
        members,
        seekers,
        volunteers: await tx.listVolunteers(community.id),
        requests: await tx.listRequests(community.id),
        chats: await tx.listChats(community.id),
        feedback: await tx.listFeedback(community.id),
      },
      cmd.includeNotes,
    );
    deps.log.info({ communityId: community.id, by: admin.id, includeNotes: cmd.includeNotes }, "data exported");
    return ok({ files, includeNotes: cmd.includeNotes });
  });
}
