import type { TextStyle } from "./style.js";

/** A guest from another workspace tried a command that is for this community's own members. */
export function renderGuestRefusal(style: TextStyle): string {
  return `Coffee chats here are for this workspace's own members, and you're joining from another workspace, so I've left everything as it was. If your workspace runs coffee chats, type ${style.cmd("help")} there.`;
}
