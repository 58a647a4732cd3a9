import type { WorkSheetKey } from '../../ledger/check/placing';
import { ruleInfo } from '../../ledger/check/ruleTable';
import { defaultPlan } from '../../ledger/plan/defaults';
import type { Summary } from '../../ledger/findings';
import type { PeriodStatus, RequirementStatus, RuleStatus, ValidationResult } from '../../ledger/model';
import { periodWithin, type PeriodCode } from '../../ledger/values/period';
import { departure, ownRequirements } from '../effectivePlan';

/**
 * One requirement of one ledger, judged for the summary's period: `periods` are the rule's periods that
 * fall within it or contain it (a quarter of the half, the year), `status` the worst of them and the
 * counts their sums; a rule that judges no period keeps its own.
 */
export type RequirementDigest = RuleStatus;

/** What the county's roll-up keeps of one ledger: small enough to pass between threads. */
export interface LedgerDigest {
  path: string;
  workbook: string;
  unit: string;
  year: number;
  summary: Summary;
  requirements: RequirementDigest[];
  /** Work past its due date: a requirement's period 逾期未完成, or 重大舆情/整改 past its limit. */
  overdue: string[];
  /** How many items are overdue: a period counts one, each late 重大舆情 or 整改 one more. */
  overdueItems: number;
  /**
   * The built-ins this bureau's plan (实施方案要求) sets otherwise than the default, in the county's words
   * (`R01` → `本单位要求每年至少3次`): its ledger is judged by its own count, and the roll-up says so.
   */
  departures: Record<string, string>;
  /** The bureau's own requirements, whose statuses are among `requirements`, and the sheet each counts. */
  own: Array<{ id: string; sheet: WorkSheetKey }>;
}

/** Worst first: a requirement across periods or units is as good as its weakest part. */
const statusRank: Record<RequirementStatus, number> = { 未达标: 0, 无法判断: 1, 进行中: 2, 达标: 3 };

export function worstStatus(statuses: readonly RequirementStatus[]): RequirementStatus | null {
  return statuses.reduce<RequirementStatus | null>((worst, s) => (worst === null || statusRank[s] < statusRank[worst] ? s : worst), null);
}

const relevant = (p: PeriodStatus, period: PeriodCode) => periodWithin(p.period, period) || periodWithin(period, p.period);

/** Rules that judge each record and find it late rather than a period's count short. */
const lateRecordRules = ['R17', 'R19'];

export function ledgerDigest(path: string, result: ValidationResult, period: PeriodCode): LedgerDigest {
  const requirements = result.rules.map((rule): RequirementDigest => {
    const periods = rule.periods.filter((p) => relevant(p, period));
    if (periods.length === 0)
      return { id: rule.id, title: rule.title, status: rule.status, required: rule.required, actual: rule.actual, periods };
    return {
      id: rule.id,
      title: rule.title,
      status: worstStatus(periods.map((p) => p.status)) ?? rule.status,
      required: periods.reduce((n, p) => n + p.required, 0),
      actual: periods.reduce((n, p) => n + p.actual, 0),
      periods,
    };
  });
  const overduePeriods = requirements.flatMap((r) =>
    ruleInfo(r.id, result.ledger.plan).judged?.judges === 'periods'
      ? r.periods.filter((p) => p.status === '未达标').map((p) => `${p.label}${p.unit ? `“${p.unit}”` : ''}${r.title}`)
      : [],
  );
  const lateRecords = lateRecordRules.map((id) => ({ id, late: result.findings.filter((f) => f.rule === id).length }));
  const overdueRecords = lateRecords.flatMap(({ id, late }) => (late > 0 ? [`${ruleInfo(id).title}：${late}项逾期`] : []));
  return {
    path,
    workbook: result.workbook,
    unit: result.unit,
    year: result.year,
    summary: result.summary,
    requirements,
    overdue: [...overduePeriods, ...overdueRecords],
    overdueItems: overduePeriods.length + lateRecords.reduce((n, r) => n + r.late, 0),
    departures: Object.fromEntries(
      defaultPlan(result.ledger.settings).flatMap(({ id }) => {
        const note = departure(result.ledger, id);
        return note === null ? [] : [[id, note]];
      }),
    ),
    own: ownRequirements(result.ledger).map((r) => ({ id: r.id, sheet: r.sheet })),
  };
}
