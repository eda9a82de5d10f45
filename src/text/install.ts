import type { TextStyle } from "./style.js";
import { shortUsageOf } from "./syntax.js";

/**
 * The installer's welcome after "Add to Slack": the three steps that get coffee chats going,
 * with the commands written from the syntax table for this surface.
 */
export function renderWelcome(style: TextStyle, workspace?: string): string {
  const where = workspace ? ` in ${style.user(workspace)}` : "";
  return [
    `Thanks for adding Percolate${where}! Three steps get coffee chats going:`,
    "1. Pick a program channel and invite me there (`/invite @Percolate`), then tell people about it.",
    `2. Get volunteers signed up: people who work in a field type ${style.cmd(shortUsageOf("volunteer", style.surface))}.`,
    `3. Make the first request: ${style.cmd(shortUsageOf("request", style.surface))} — I'll suggest volunteers and set up the chat.`,
    `Type ${style.cmd("help")} any time for every command.`,
  ].join("\n");
}

/** A command or click from a workspace that no longer has Percolate installed. */
export function renderNotInstalled(installUrl?: string): string {
  const where = installUrl ? `an admin can reinstall it at ${installUrl}` : "an admin can reinstall it from the Slack app directory";
  return `Percolate isn't installed in this workspace any more — ${where}.`;
}

/** The page a browser shows after "Add to Slack" worked. */
export const INSTALL_DONE = {
  title: "Percolate is installed",
  body: "Percolate is in your workspace now. Open Slack: after a first install you'll find a direct message from Percolate with the three steps to get coffee chats going, and /coffee help lists every command.",
};

/** The page a browser shows when an install could not finish, and what to do. */
export const INSTALL_FAILED = {
  title: "The install didn't finish",
  body: "Slack couldn't confirm this install (the link may have expired or been opened in another browser), so nothing was changed. Start again from the Add to Slack link.",
};
