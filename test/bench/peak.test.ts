import { describe, expect, it } from 'vitest';
import { runCli } from '../../bench/measure';

describe('the bench’s peak memory of a CLI run', () => {
  it('is the CLI’s own, not the high-water mark of the process that started it', () => {
    // A benchmark holding its grids is this large when it starts the CLI; Linux's getrusage would hand
    // the child this figure (bench/peak.mjs).
    const held = Buffer.alloc(320 * 1024 * 1024, 1);
    const run = runCli(['rules']);
    expect(run?.status).toBe(0);
    expect(run!.peakRssMB).toBeGreaterThan(20);
    expect(run!.peakRssMB).toBeLessThan(held.length / 1024 / 1024 / 2);
  });
});
