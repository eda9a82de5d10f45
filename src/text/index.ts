export * from "./style.js";
export * from "./notices.js";
export * from "./replies.js";
export * from "./failures.js";
export * from "./actions.js";
export * from "./admin-replies.js";
export * from "./privacy-replies.js";
export * from "./clip.js";
