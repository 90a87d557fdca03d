/** The pages a request's change shows on. */
export const SUPPLY_PATHS = ["/enterprise/supply"];
