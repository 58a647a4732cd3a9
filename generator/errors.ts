/** Wrong arguments or an unreadable input: the CLI prints the message alone and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const exitCode = { ok: 0, findings: 1, usage: 2 } as const;
