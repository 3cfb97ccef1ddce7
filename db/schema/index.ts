export * from "./users";
export * from "./api-keys";
export * from "./audit";
