import { helpText, type TextStyle } from "../text/index.js";

/** The slash command Percolate answers to; the manifest registers the same name. */
export const COMMAND = "/coffee";

/** Slack's style: commands as people type them, `/coffee pick <n>`, in code spans. */
export const slackStyle: TextStyle = {
  cmd: (usage) => `\`${COMMAND} ${usage}\``,
  help: helpText(
    (u) => `\`${COMMAND} ${u}\``,
    [
      `Forms:           \`${COMMAND} profile\` · \`${COMMAND} volunteer\` · \`${COMMAND} availability\` · \`${COMMAND} request\` open a form · the app's Home tab shows it all`,
    ],
  ),
};
