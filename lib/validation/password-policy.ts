/** Shared by forms and the server; hashing itself lives in password.ts (server only). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
