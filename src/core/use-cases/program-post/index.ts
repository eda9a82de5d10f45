export * from "./admin-post.js";
export * from "./celebrate.js";
export * from "./compose.js";
export * from "./offer-topic.js";
export * from "./post.js";
export * from "./schedule.js";
