export * from "./types.js";
export * from "./parse-text.js";
export * from "./parse-admin.js";
export * from "./availability-text.js";
export * from "./dispatch.js";
export * from "./dispatch-admin.js";
export * from "./resolve.js";
export * from "./schema.js";
