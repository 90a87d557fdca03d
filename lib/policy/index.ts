/**
 * The one policy module: "what may this actor do with this resource now".
 * Pure (no database), so pages, domain operations and tests share it.
 */
export * from "./actor";
export * from "./area";
export * from "./application";
export * from "./certificate";
export * from "./decision";
export * from "./permissions";
export * from "./signing-key";
export * from "./reference-data";
