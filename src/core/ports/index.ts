export type * from "./store.port.js";
export type * from "./messenger.port.js";
export type * from "./clock.port.js";
