import { closest, distance } from 'fastest-levenshtein';
import type { Finding } from '../../findings';
import type { LedgerRecord } from '../../model';
import { fieldsOf, type FieldInfo } from '../../schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../../schema/sheets';
import { foldCompact } from '../../text/fold';
import { chineseDate } from '../../values/date';
import { periodLabel, periodYear } from '../../values/period';
import { finding } from '../../normalise/finding';
import { atRecord, dayOf, type CheckContext, type Rule } from '../context';
import { branchTypes } from './units';

/**
 * Each sheet's records with those of its fields a rule looks at. The rules below visit every value of
 * every record, so the fields are chosen once per sheet rather than once per record.
 */
function recordsWith(ctx: CheckContext, wanted: (f: FieldInfo) => boolean): Array<[readonly LedgerRecord[], FieldInfo[]]> {
  return recordSheetKeys.map((key) => [ctx.ledger.records[key] as LedgerRecord[], fieldsOf(recordSheets[key].schema).filter(wanted)]);
}

const timed = new Set(['date', 'datetime']);
/** Dates that are plans, not events: a deadline or an approved activity may lie ahead. */
const plannedDates = new Set(['整改期限', '活动日期']);

function value(r: LedgerRecord, field: string): unknown {
  return (r.data as Record<string, unknown>)[field];
}

/** D04: dates and periods lie within 台账年度. */
export const D04: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const [records, fields] of recordsWith(ctx, (f) => timed.has(f.kind) || f.kind === 'period')) {
    for (const r of records) {
      for (const f of fields) {
        const v = value(r, f.name);
        if (typeof v !== 'string') continue;
        if (timed.has(f.kind) && Number(v.slice(0, 4)) !== ctx.year) {
          const message = `“${f.name}”${chineseDate(v)}不在台账年度${ctx.year}年内。请核对年份，或将该记录移入对应年度的台账。`;
          findings.push(atRecord('D04', r, f.name as never, message, { value: v }));
        } else if (f.kind === 'period' && periodYear(v) !== ctx.year) {
          const message = `“${f.name}”${periodLabel(v)}不在台账年度${ctx.year}年内。请核对年份。`;
          findings.push(atRecord('D04', r, f.name as never, message, { value: v }));
        }
      }
    }
  }
  return { findings };
};

/** D05: recorded events do not lie after the validation date. */
export const D05: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const [records, fields] of recordsWith(ctx, (f) => timed.has(f.kind) && !plannedDates.has(f.name))) {
    for (const r of records) {
      for (const f of fields) {
        const v = dayOf(r, f.name as never);
        if (v === undefined || v.slice(0, 10) <= ctx.asOf) continue;
        const message = `“${f.name}”${chineseDate(v)}晚于校验日期${chineseDate(ctx.asOf)}。已发生的工作不应记在未来，请核对日期。`;
        findings.push(atRecord('D05', r, f.name as never, message, { value: v }));
      }
    }
  }
  return { findings };
};

/** D06: every unit named in a record exists in 组织架构; the nearest name is suggested. */
export const D06: Rule = (ctx) => {
  const names = ctx.ledger.records.organization.map((r) => r.data.单位名称).filter((n): n is string => n !== undefined);
  if (names.length === 0) return { findings: [] };
  const known = new Set(names.map(foldCompact));
  const findings: Finding[] = [];
  for (const [records, fields] of recordsWith(ctx, (f) => f.kind === 'unit')) {
    for (const r of records) {
      for (const f of fields) {
        const v = value(r, f.name);
        if (typeof v !== 'string' || known.has(foldCompact(v))) continue;
        const nearest = closest(v, names);
        const hint =
          distance(v, nearest) <= Math.max(2, Math.floor(nearest.length / 2))
            ? `是否应为“${nearest}”？`
            : `组织架构中的单位有：${names.join('、')}。`;
        findings.push(atRecord('D06', r, f.name as never, `“${f.name}”中的单位“${v}”不在组织架构中。${hint}`, { value: v }));
      }
    }
  }
  return { findings };
};

/** D03 (checked against 组织架构): 专题汇报 comes from a 党总支 or 党支部. */
export const D03: Rule = (ctx) => {
  const typeOf = new Map(ctx.ledger.records.organization.map((r) => [foldCompact(r.data.单位名称 ?? ''), r.data.单位类型]));
  const findings = ctx.ledger.records.branchReport.flatMap((r) => {
    const unit = r.data.汇报单位;
    const type = unit === undefined ? undefined : typeOf.get(foldCompact(unit));
    if (type === undefined || branchTypes.includes(type)) return [];
    return [atRecord('D03', r, '汇报单位', `汇报单位“${unit}”在组织架构中是${type}。专题汇报应由党总支或党支部作出。`, { value: unit })];
  });
  return { findings };
};

/**
 * A sheet's records grouped by their longest text, in row order. Identical records share it, so only
 * records in one group need comparing in full; keying every record by its full text instead kept a
 * copy of the whole ledger in memory, and made D08 the slowest rule of a large ledger.
 */
function sameTextGroups(records: readonly LedgerRecord[]): LedgerRecord[][] {
  const groups = new Map<string, LedgerRecord[]>();
  for (const r of records) {
    let longest = '';
    for (const name in r.data) {
      const v = value(r, name);
      if (typeof v === 'string' && v.length > longest.length) longest = v;
    }
    const group = groups.get(longest);
    if (group) group.push(r);
    else groups.set(longest, [r]);
  }
  return [...groups.values()];
}

/** D08: no two records of one sheet are identical in every field. */
export const D08: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const group of recordSheetKeys.flatMap((key) => sameTextGroups(ctx.ledger.records[key as RecordSheetKey] as LedgerRecord[]))) {
    if (group.length < 2) continue;
    const seen = new Map<string, number>();
    for (const r of group) {
      const identity = JSON.stringify(r.data);
      const first = seen.get(identity);
      if (first === undefined) {
        seen.set(identity, r.row);
        continue;
      }
      const column = (Object.values(r.columns)[0] as number | undefined) ?? 1;
      findings.push(
        finding(
          'D08',
          { sheet: r.sheet, row: r.row, column },
          `第${r.row}行与第${first}行的内容完全相同，可能是重复录入。请删除重复的一行。`,
        ),
      );
    }
  }
  return { findings };
};
