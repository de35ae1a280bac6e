/**
 * Exit statuses of both commands. Finding failures in a HAR is the command doing its job, so it
 * exits 0; 2 is the conventional "bad usage or bad input" status (like grep and diff use it).
 */
export const EXIT_STATUS = { ok: 0, internal: 1, badInput: 2 } as const;
