// Facts the os-patching rules compare against (aws-facts.md in the shared reference).

/** §2 os-patching row, §1 "Auto Mode node lifetime". */
export const NODE_LIFETIME = { maxDays: 21, defaultExpireAfter: '336h' } as const;
