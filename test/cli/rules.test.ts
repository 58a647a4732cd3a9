import { describe, expect, it } from 'vitest';
import { compliantLedger } from '../helpers/compliantLedger';
import { taizhang } from '../helpers/cli';
import { writeLedger, type TestLedger } from '../helpers/ledgerWorkbook';
import { planSheet, planSheetTitle } from '../helpers/planSheet';

async function bureauLedger(): Promise<string> {
  const ledger: TestLedger = {
    ...compliantLedger(),
    [planSheetTitle]: planSheet([
      ['R01', '', '专题研究', '', '年', '', 3, '是'],
      ['R13', '', '学习培训', '类型=主题宣讲', '年', '', 1, '否'],
      ['本局1', '', '学习培训', '类型=中心组专题学习', '月', '', 1, ''],
      ['本局2', '', '党建活动', '', '年', '', 1, ''],
    ]),
  };
  return writeLedger(ledger, 'rules-bureau.xlsx');
}

describe('taizhang rules 台账.xlsx', () => {
  it('lists the requirements the ledger is judged by: changed, 停用, its own, and the rows it could not use', async () => {
    const run = taizhang(['rules', await bureauLedger()]);
    expect(run.status).toBe(0);
    const line = (id: string) => run.stdout.split('\n').find((l) => l.startsWith(`${id} `)) ?? '';
    expect(run.stdout).toContain('按工作表“实施方案要求”，其中未列出的要求按默认实施方案');
    expect(line('R01')).toContain('每年至少开展3次意识形态工作专题研究（每年至少3次；全局；计“专题研究”的记录；按“实施方案要求”第2行）');
    expect(line('R13')).toMatch(/^R13\s+停用/u);
    expect(line('R02')).toContain('按默认实施方案');
    expect(line('本局1')).toContain(
      '每月至少1次中心组专题学习（每月至少1次；全局；计“学习培训”中类型为中心组专题学习的记录；按“实施方案要求”第4行）',
    );
    expect(run.stdout).toMatch(/C5 +D03 “实施方案要求”第5行：工作表“党建活动”不是台账的记录表/u);
    expect(run.stdout).not.toMatch(/^本局2 /mu);
  });

  it('gives the same as JSON', async () => {
    const run = taizhang(['rules', await bureauLedger(), '--format', 'json']);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      planSheet: string;
      rules: Array<{ id: string; enabled: boolean; requirement?: { atLeast: number; frequency: string; from: { row: number } | null } }>;
      findings: Array<{ rule: string; cell: string }>;
    };
    expect(out.planSheet).toBe('实施方案要求');
    const byId = new Map(out.rules.map((r) => [r.id, r]));
    expect(byId.get('R01')).toMatchObject({ enabled: true, requirement: { atLeast: 3, frequency: '年', from: { row: 2 } } });
    expect(byId.get('R13')?.enabled).toBe(false);
    expect(byId.get('R02')?.requirement?.from).toBeNull();
    expect(byId.get('本局1')).toMatchObject({ enabled: true, requirement: { frequency: '月' } });
    expect(out.rules.at(-1)?.id).toBe('本局1');
    expect(out.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['D03 C5']);
  });

  it('without a ledger lists the default plan', () => {
    const run = taizhang(['rules', '--format', 'json']);
    const out = JSON.parse(run.stdout) as { planSheet: null; rules: Array<{ id: string; enabled: boolean }> };
    expect(out.planSheet).toBeNull();
    expect(out.rules.map((r) => r.id)).toHaveLength(33);
    expect(out.rules.every((r) => r.enabled)).toBe(true);
  });
});
