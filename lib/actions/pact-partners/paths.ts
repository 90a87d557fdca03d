/** The pages a partner change shows on. */
export const PARTNER_PATHS = ["/enterprise/pact/partners", "/enterprise/pact/inbox"];
