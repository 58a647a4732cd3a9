import { closest, distance } from 'fastest-levenshtein';
import type { Finding } from '../../findings';
import type { LedgerRecord } from '../../model';
import { fieldsOf, type FieldInfo } from '../../schema/fields';
import { recordSheetKeys, recordSheets } from '../../schema/sheets';
import { foldCompact } from '../../text/fold';
import { chineseDate, isoYear } from '../../values/date';
import { periodLabel, periodYear } from '../../values/period';
import { finding } from '../../normalise/finding';
import { atRecord, dayOf, type CheckContext, type Rule } from '../context';
import { branchTypes, unitsNamed } from './units';

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
    const dated = fields.map((f) => timed.has(f.kind));
    for (let k = 0; k < records.length; k++) {
      const r = records[k];
      for (let i = 0; i < fields.length; i++) {
        const name = fields[i].name;
        const v = value(r, name);
        if (typeof v !== 'string') continue;
        if (dated[i] ? isoYear(v) === ctx.year : periodYear(v) === ctx.year) continue;
        const message = dated[i]
          ? `“${name}”${chineseDate(v)}不在台账年度${ctx.year}年内。请核对年份，或将该记录移入对应年度的台账。`
          : `“${name}”${periodLabel(v)}不在台账年度${ctx.year}年内。请核对年份。`;
        findings.push(atRecord('D04', r, name as never, message, { value: v }));
      }
    }
  }
  return { findings };
};

/** D05: recorded events do not lie after the validation date. */
export const D05: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const [records, fields] of recordsWith(ctx, (f) => timed.has(f.kind) && !plannedDates.has(f.name))) {
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      for (let j = 0; j < fields.length; j++) {
        const f = fields[j];
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
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      for (let j = 0; j < fields.length; j++) {
        const f = fields[j];
        const named = value(r, f.name);
        if (typeof named !== 'string') continue;
        for (const v of unitsNamed(named)) {
          if (known.has(foldCompact(v))) continue;
          const nearest = closest(v, names);
          const hint =
            distance(v, nearest) <= Math.max(2, Math.floor(nearest.length / 2))
              ? `是否应为“${nearest}”？`
              : `组织架构中的单位有：${names.join('、')}。`;
          findings.push(atRecord('D06', r, f.name as never, `“${f.name}”中的单位“${v}”不在组织架构中。${hint}`, { value: named }));
        }
      }
    }
  }
  return { findings };
};

/** D03 (checked against 组织架构): 专题汇报 comes from a 党总支 or 党支部. */
export const D03: Rule = (ctx) => {
  const typeOf = new Map(ctx.ledger.records.organization.map((r) => [foldCompact(r.data.单位名称 ?? ''), r.data.单位类型]));
  const findings: Finding[] = [];
  const records = ctx.ledger.records.branchReport;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const named = r.data.汇报单位;
    for (const unit of named === undefined ? [] : unitsNamed(named)) {
      const type = typeOf.get(foldCompact(unit));
      if (type === undefined || branchTypes.includes(type)) continue;
      findings.push(
        atRecord('D03', r, '汇报单位', `汇报单位“${unit}”在组织架构中是${type}。专题汇报应由党总支或党支部作出。`, { value: named }),
      );
    }
  }
  return { findings };
};

/**
 * A cheap fingerprint of a record's text: its string values' lengths and a few characters of each (the
 * ends, where dates and numbered texts differ, and the middle). Records identical in every field have
 * the same one, so only records that share it need comparing in full; hashing or copying every record's
 * whole text made D08 the slowest rule of a large ledger.
 */
function textPrint(data: Record<string, unknown>): number {
  let h = 0;
  for (const name in data) {
    const v = data[name];
    if (typeof v !== 'string') continue;
    const n = v.length;
    h = Math.imul(h ^ n, 0x9e3779b1);
    if (n === 0) continue;
    h = Math.imul(h ^ v.charCodeAt(0), 0x85ebca6b);
    h = Math.imul(h ^ v.charCodeAt(n >> 1), 0xc2b2ae35);
    for (let i = Math.max(0, n - 3); i < n; i++) h = Math.imul(h ^ v.charCodeAt(i), 0x27d4eb2f);
  }
  return h;
}

/**
 * The fingerprints more than one record has, found with an open-addressing table of record indices
 * (index + 1; 0 is an empty slot) in a typed array: a Set of every fingerprint took longer than making
 * them.
 */
function sharedPrints(prints: Int32Array): Set<number> {
  let size = 2;
  while (size < prints.length * 2) size *= 2;
  const slots = new Int32Array(size);
  const shared = new Set<number>();
  for (let i = 0; i < prints.length; i++) {
    const print = prints[i];
    let slot = (print ^ (print >>> 16)) & (size - 1);
    while (slots[slot] !== 0 && prints[slots[slot] - 1] !== print) slot = (slot + 1) & (size - 1);
    if (slots[slot] === 0) slots[slot] = i + 1;
    else shared.add(print);
  }
  return shared;
}

/** D08: no two records of one sheet are identical in every field. */
export const D08: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const key of recordSheetKeys) {
    const records = ctx.ledger.records[key] as LedgerRecord[];
    const prints = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) prints[i] = textPrint(records[i].data as Record<string, unknown>);
    const shared = sharedPrints(prints);
    if (shared.size === 0) continue;
    const seen = new Map<string, number>();
    for (let i = 0; i < records.length; i++) {
      if (!shared.has(prints[i])) continue;
      const r = records[i];
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
