// Facts the os-patching rules compare against (aws-facts.md in the shared reference).

/** §2 os-patching row, §1 "Auto Mode node lifetime". */
/** The NodePool default expireAfter (336 h = 14 days) and the hard maximum node lifetime (21 days). */
export const NODE_LIFETIME = { defaultDays: 14, maxDays: 21, defaultExpireAfter: '336h' } as const;
