import type { Finding } from '../findings';
import type { Ledger, LedgerRecord, PeriodStatus, RecordsBySheet, RuleStatus, ValidationResult } from '../model';
import { periodDue, periodEnd, periodLabel, periodMonths, periodWithin, periodYear, type PeriodCode } from '../values/period';
import { checksOf, withoutRepeats } from './index';
import type { CheckContext } from './context';
import { yearStatus } from './periods';
import { recordMonth, type WorkSheetKey } from './placing';
import { ruleInfo } from './ruleTable';
import { unsureRows, type Unsure } from './unsure';
import type { Plan } from '../plan/requirement';

/**
 * The requirements as they stand for one period (spec sections 4 and 5: `validate --period` and the
 * reports): a half counts its own quarters and halves; a yearly requirement counts the year up to the
 * period's end (`全年要求2次，上半年已开展1次`), 进行中 until the year is over rather than 未达标 at
 * mid-year; a requirement judged record by record judges the period's own records. Validate and both
 * reports read the period through this module, so their figures agree.
 */

/** A requirement's state in a period it speaks for; `upTo` is set on a coarser period counted only to the scoped period's end. */
export interface ScopedPeriod extends PeriodStatus {
  upTo?: PeriodCode;
}

export interface ScopedRule extends RuleStatus {
  periods: ScopedPeriod[];
}

/** The document a report is: the period's 季度分析 or 半年通报, counted as such while it is being written. */
export type OwnDocument =
  { sheet: 'analysis'; data: LedgerRecord<'analysis'>['data'] } | { sheet: 'notification'; data: LedgerRecord<'notification'>['data'] };

export interface Scope {
  period: PeriodCode;
  label: string;
  rules: ScopedRule[];
  /** Findings of the requirements judged record by record, about the period's own records (R08, R14–R17, R19). */
  findings: Finding[];
  /** The report's own document was counted (the ledger held none for the period). */
  ownCounted: boolean;
}

/** Whether rule `id` counts the report's own kind of record (R03 a 季度分析, R05 a 半年通报). */
function countsOwn(id: string, plan: Plan, own: OwnDocument): boolean {
  const judged = ruleInfo(id, plan).judged;
  if (judged === null || judged.judges !== 'periods' || judged.sheet !== own.sheet) return false;
  const type = own.sheet === 'analysis' ? own.data.分析类型 : own.data.通报类型;
  return type !== undefined && (judged.counts?.values.includes(type) ?? false);
}

/** The ledger with only the records `keep` accepts; 组织架构 is no period's and stays whole. */
function recordsWhere(ledger: Ledger, keep: (key: WorkSheetKey, record: LedgerRecord<WorkSheetKey>) => boolean): Ledger {
  const records = Object.fromEntries(
    Object.entries(ledger.records).map(([key, list]) => [
      key,
      key === 'organization' ? list : (list as LedgerRecord<WorkSheetKey>[]).filter((r) => keep(key as WorkSheetKey, r)),
    ]),
  ) as RecordsBySheet;
  return { ...ledger, records };
}

/**
 * Requirement statuses of a ledger, by the same rule functions validate runs. `unsure` is the whole
 * ledger's: a row not understood might count in the scoped period as it might in validate's.
 */
function statuses(
  ledger: Ledger,
  result: ValidationResult,
  unsure: Unsure,
): { rules: Map<string, Omit<RuleStatus, 'title'>>; findings: Finding[] } {
  const ctx: CheckContext = {
    ledger,
    asOf: result.asOf,
    year: result.year,
    graceDays: ledger.settings.宽限天数,
    settingPositions: new Map(),
    firstSheet: '',
    unsure,
  };
  const rules = new Map<string, Omit<RuleStatus, 'title'>>();
  const findings: Finding[] = [];
  for (const [info, rule] of checksOf(ledger.plan)) {
    if (info.kind !== 'requirement') continue;
    const outcome = rule(ctx);
    if (outcome.status) rules.set(info.id, outcome.status);
    findings.push(...outcome.findings);
  }
  return { rules, findings };
}

/** The ledger as the requirements count it: D08's repeats out, and the report's own document in where the ledger lacks it. */
function countedLedger(
  result: ValidationResult,
  period: PeriodCode,
  own: OwnDocument | undefined,
): { ledger: Ledger; ownCounted: boolean } {
  const ledger = withoutRepeats(
    result.ledger,
    result.findings.filter((f) => f.rule === 'D08'),
  );
  if (!own) return { ledger, ownCounted: false };
  const type = own.sheet === 'analysis' ? own.data.分析类型 : own.data.通报类型;
  const held = (ledger.records[own.sheet] as LedgerRecord<WorkSheetKey>[]).some((r) => {
    const data = r.data as Record<string, unknown>;
    const month = recordMonth(own.sheet, r);
    return (data.分析类型 ?? data.通报类型) === type && month !== undefined && periodWithin(month, period);
  });
  if (held) return { ledger, ownCounted: false };
  const record = { sheet: '', row: 0, columns: {}, data: own.data } as LedgerRecord<WorkSheetKey>;
  const records = { ...ledger.records, [own.sheet]: [...ledger.records[own.sheet], record] } as RecordsBySheet;
  return { ledger: { ...ledger, records }, ownCounted: true };
}

/** The narrowest of the periods that contain `period`: the half of a quarter before the year. */
function narrowestContaining(periods: readonly PeriodStatus[], period: PeriodCode): PeriodStatus[] {
  const containing = periods.filter((p) => periodWithin(period, p.period));
  if (containing.length === 0) return [];
  const narrowest = containing.reduce((a, b) => (periodMonths(b.period) < periodMonths(a.period) ? b : a)).period;
  return containing.filter((p) => p.period === narrowest);
}

export function scopeRules(result: ValidationResult, period: PeriodCode, own?: OwnDocument): Scope {
  const { ledger, ownCounted } = countedLedger(result, period, own);
  const end = periodEnd(period);
  const placed = (key: WorkSheetKey, r: LedgerRecord<WorkSheetKey>) => recordMonth(key, r);
  const unsure = unsureRows(result.ledger);
  const full = statuses(ledger, result, unsure);
  const toDate = statuses(
    recordsWhere(ledger, (key, r) => {
      const q = placed(key, r);
      return q !== undefined && periodYear(q) === periodYear(period) && periodEnd(q) <= end;
    }),
    result,
    unsure,
  );
  const within = statuses(
    recordsWhere(ledger, (key, r) => {
      const q = placed(key, r);
      return q !== undefined && periodWithin(q, period);
    }),
    result,
    unsure,
  );
  const whole: ScopedPeriod = {
    period,
    label: periodLabel(period),
    unit: null,
    status: '达标',
    required: 0,
    actual: 0,
    due: periodDue(period, ledger.settings.宽限天数),
  };

  const rules = result.rules.flatMap((rule): ScopedRule[] => {
    const judged = ruleInfo(rule.id, ledger.plan).judged;
    const status = full.rules.get(rule.id);
    if (!judged || !status) return [];
    let entries: ScopedPeriod[];
    if (judged.judges === 'records') {
      const inPeriod = within.rules.get(rule.id)!;
      entries = [{ ...whole, status: inPeriod.status, required: inPeriod.required, actual: inPeriod.actual }];
    } else if (judged.judges === 'settings') {
      entries = status.periods;
    } else {
      const inside = status.periods.filter((p) => periodWithin(p.period, period));
      entries =
        inside.length > 0
          ? inside
          : narrowestContaining(status.periods, period).map((entry): ScopedPeriod => {
              if (periodEnd(entry.period) <= end) return entry;
              const counted = toDate.rules.get(rule.id)!.periods.find((p) => p.period === entry.period && p.unit === entry.unit)!;
              const met = counted.actual >= entry.required;
              return {
                ...entry,
                label: `${entry.label}（截至${periodLabel(period).slice(5)}）`,
                actual: counted.actual,
                status: met ? '达标' : '进行中',
                upTo: period,
              };
            });
    }
    if (rule.status === '无法判断') {
      const unjudged = entries.map((p) => ({ ...p, status: '无法判断' as const, actual: 0 }));
      return [{ id: rule.id, title: rule.title, status: '无法判断', required: 0, actual: 0, periods: unjudged }];
    }
    return [{ ...yearStatus(rule.id, entries), periods: entries, title: rule.title }];
  });

  // A report whose own kind of record the ledger cannot judge (its sheet or column is absent) is not
  // said to have been counted: its row stays 无法判断.
  const ownJudged = own !== undefined && rules.some((r) => r.status !== '无法判断' && countsOwn(r.id, ledger.plan, own));
  const recordRules = new Set(
    result.rules.filter((r) => r.status !== '无法判断' && ruleInfo(r.id, ledger.plan).judged?.judges === 'records').map((r) => r.id),
  );
  return {
    period,
    label: periodLabel(period),
    rules,
    findings: within.findings.filter((f) => recordRules.has(f.rule)),
    ownCounted: ownCounted && ownJudged,
  };
}
