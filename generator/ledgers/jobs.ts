import { UsageError } from '../errors';

/** `--jobs`: how many ledgers are judged at once. */
export function parseJobs(raw: string): number {
  const jobs = Number(raw);
  if (!/^\d+$/u.test(raw.trim()) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs 的值“${raw}”无效，应为 1 到 64 之间的整数。`);
  return jobs;
}
