/**
 * What the pane shows, worked out from a validation result without touching the page, so it can be
 * tested in Node.
 */
import type { Finding, Severity } from '../../ledger/findings';
import type { RuleStatus } from '../../ledger/model';
import { periodEnd, periodLabel } from '../../ledger/values/period';

export type SeverityFilter = Severity | 'all';

export interface FindingGroup {
  sheet: string;
  /** Each finding with its index in the result, which the pane uses to find it again on a click. */
  items: Array<{ finding: Finding; index: number }>;
}

/** Findings of the chosen severity (and of one sheet, where one is chosen), grouped by sheet in the order the core sorted them. */
export function groupFindings(findings: readonly Finding[], filter: SeverityFilter, sheet: string | null = null): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  findings.forEach((finding, index) => {
    if (filter !== 'all' && finding.severity !== filter) return;
    if (sheet !== null && finding.sheet !== sheet) return;
    let group = groups.get(finding.sheet);
    if (!group) {
      group = { sheet: finding.sheet, items: [] };
      groups.set(finding.sheet, group);
    }
    group.items.push({ finding, index });
  });
  return [...groups.values()];
}

export interface PeriodRow {
  label: string;
  status: RuleStatus['status'];
  /** `1/1`: done of required. */
  count: string;
  /** When a period not yet met falls due: `应于2026年10月15日前完成`, or that it is overdue. */
  due: string | null;
}

export interface RuleRow {
  id: string;
  title: string;
  status: RuleStatus['status'];
  count: string;
  periods: PeriodRow[];
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Each requirement of the plan with its status for the year and, per quarter, half or unit, its parts. */
export function ruleRows(rules: readonly RuleStatus[]): RuleRow[] {
  // 无法判断 has no count to show: its records or column are absent, which its finding explains.
  const count = (s: { status: RuleStatus['status']; actual: number; required: number }) =>
    s.status === '无法判断' ? '—' : `${s.actual}/${s.required}`;
  return rules.map((rule) => ({
    id: rule.id,
    title: rule.title,
    status: rule.status,
    count: count(rule),
    periods:
      rule.periods.length > 1 || rule.periods.some((p) => p.unit !== null)
        ? rule.periods.map((p) => ({
            label: p.unit ? `${p.label} · ${p.unit}` : p.label,
            status: p.status,
            count: count(p),
            due:
              p.status === '达标' || p.status === '无法判断'
                ? null
                : p.status === '未达标'
                  ? `已逾期（应于${chineseDate(p.due)}前完成）`
                  : `应于${chineseDate(p.due)}前完成`,
          }))
        : [],
  }));
}

export type ReportKind = 'quarterly' | 'semiannual';

export interface PeriodChoice {
  code: string;
  label: string;
}

/** The quarters or halves of the ledger's year. */
export function reportPeriods(kind: ReportKind, year: number): PeriodChoice[] {
  const codes = kind === 'quarterly' ? [1, 2, 3, 4].map((q) => `${year}Q${q}`) : [1, 2].map((h) => `${year}H${h}`);
  return codes.map((code) => ({ code, label: periodLabel(code) }));
}

/**
 * The period a clerk most likely reports on at `asOf`: the latest one of the ledger's year that has ended
 * by then (a report on a period still running is only a draft); the year's first before any has ended.
 */
export function defaultPeriod(kind: ReportKind, year: number, asOf: string): string {
  const codes = reportPeriods(kind, year).map((p) => p.code);
  const ended = codes.filter((code) => periodEnd(code) <= asOf);
  return ended.length > 0 ? ended[ended.length - 1] : codes[0];
}

/** Today in the clerk's own time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
