export * from "./tags.js";
export * from "./community.js";
export * from "./member.js";
export * from "./chat.js";
export * from "./notice.js";
export * from "./blocker.js";
export * from "./topics.js";
export * from "./near.js";
