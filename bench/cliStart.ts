import { resolve } from 'node:path';
import type { Target } from './table';
import { cliPath, fastestProcess } from './measure';

export interface StartFigures {
  nodeMs: number;
  rulesMs: number;
  sampleValidateMs: number;
}

const sample = resolve(import.meta.dirname, '../templates/示例台账.xlsx');
const runs = 9;

/** How long the CLI takes to start (`taizhang rules` against a bare `node -e ''`) and to validate the sample end to end. */
export function startFigures(): StartFigures {
  return {
    nodeMs: fastestProcess(['-e', ''], runs),
    rulesMs: fastestProcess([cliPath, 'rules'], runs),
    sampleValidateMs: fastestProcess([cliPath, 'validate', sample, '--as-of', '2026-07-20'], runs),
  };
}

export function startTargets(f: StartFigures): Target[] {
  return [
    { target: '示例台账 taizhang validate 全程 ≤ 0.3 s', met: f.sampleValidateMs <= 300, detail: `${Math.round(f.sampleValidateMs)} ms` },
  ];
}

export function startLines(f: StartFigures): string[] {
  return [
    `CLI 启动（${runs} 次中最快）：node -e '' ${Math.round(f.nodeMs)} ms；taizhang rules ${Math.round(f.rulesMs)} ms（启动开销 ${Math.round(f.rulesMs - f.nodeMs)} ms）；taizhang validate 示例台账 ${Math.round(f.sampleValidateMs)} ms`,
  ];
}
