import { rulesOf, type RuleInfo } from '../../ledger/check/ruleTable';
import type { Finding } from '../../ledger/findings';
import { normaliseWorkbook } from '../../ledger/normalise';
import { builtInPlan } from '../../ledger/plan/defaults';
import { locatePlan } from '../../ledger/plan/read';
import type { Plan, Requirement } from '../../ledger/plan/requirement';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { recordSheets } from '../../ledger/schema/sheets';
import type { RulesOptions } from '../commands/rules';
import { exitCode } from '../errors';
import { renderRuleTable } from '../render/text';

/** One rule as `rules --format json` gives it: a counting requirement with its plan row. */
export interface ListedRule {
  id: string;
  title: string;
  kind: RuleInfo['kind'];
  severity: RuleInfo['severity'];
  plan: string | null;
  enabled: boolean;
  requirement?: {
    sheet: string;
    conditions: Requirement['conditions'];
    frequency: Requirement['frequency'];
    unitTypes: Requirement['unitTypes'];
    atLeast: number;
    /** `实施方案要求!A5`'s sheet and row, or null where the default plan's is used. */
    from: { sheet: string; row: number } | null;
  };
}

/** Every rule under `plan`, disabled requirements included (in the place they would take). */
export function listedRules(plan: Plan): ListedRule[] {
  const enabled = rulesOf(plan);
  const all = rulesOf({ ...plan, requirements: plan.requirements.map((r) => ({ ...r, enabled: true })) });
  return all.map((info) => {
    const r = info.requirement;
    return {
      id: info.id,
      title: info.title,
      kind: info.kind,
      severity: info.severity,
      plan: info.plan,
      enabled: enabled.some((e) => e.id === info.id),
      ...(r && {
        requirement: {
          sheet: recordSheets[r.sheet].title,
          conditions: r.conditions,
          frequency: r.frequency,
          unitTypes: r.unitTypes,
          atLeast: r.atLeast,
          from: r.at ?? null,
        },
      }),
    };
  });
}

/** `taizhang rules [台账]`: the rules and the requirements a ledger is judged by, or the defaults. */
export async function listRules(path: string | undefined, options: RulesOptions): Promise<void> {
  let plan: Plan = { requirements: builtInPlan(), sheet: null };
  let findings: Finding[] = [];
  let workbook: string | null = null;
  if (path !== undefined) {
    const grid = await readWorkbookFile(path);
    const { ledger, findings: read } = normaliseWorkbook(grid, new Date().getFullYear());
    plan = ledger.plan;
    workbook = grid.name;
    const sheet = locatePlan(grid)?.name;
    findings = read.filter((f) => f.sheet === sheet);
  }
  const rules = listedRules(plan);
  process.stdout.write(
    options.format === 'json'
      ? `${JSON.stringify({ workbook, planSheet: plan.sheet, rules, findings }, null, 2)}\n`
      : renderRuleTable(rules, { workbook, planSheet: plan.sheet, findings }),
  );
  process.exitCode = exitCode.ok;
}
