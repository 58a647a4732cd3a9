import { closest, distance } from 'fastest-levenshtein';
import type { Finding } from '../findings';
import { fieldsOf } from '../schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import { otherHeaders } from '../normalise/header';
import type { Recognition } from '../normalise';
import { finding, type Position } from '../normalise/finding';
import type { CheckContext } from './context';
import { rulesOf, type RuleInfo } from './ruleTable';

/**
 * 无法判断 (spec section 3): a requirement whose records, or a column it reads, are absent from the
 * workbook cannot say whether the work was done. Each absent sheet or column is one finding (S01,
 * S02) that says what to add and which requirements wait for it, naming the sheet or column that is
 * likely meant; the requirements themselves say no more.
 */
export interface Coverage {
  /** Requirement ids that are 无法判断. */
  unjudged: Set<string>;
  findings: Finding[];
}

/** Sheets missing only as a warning: a year without 问责 may well have no sheet for it. */
const optionalSheets = new Set<RecordSheetKey>(['accountability']);
const unitFields = ['单位名称', '单位类型'];

interface Missing {
  rules: RuleInfo[];
}

function rulesText(rules: readonly RuleInfo[]): string {
  if (rules.length === 0) return '';
  return `缺少它，以下要求“无法判断”：${rules.map((r) => `${r.id} ${r.title}`).join('；')}。`;
}

/** A header of the sheet that may be the missing column under the bureau's own name. */
function likelyColumn(key: RecordSheetKey, field: string, recognition: Recognition): string | null {
  const others = recognition.topics[key]?.header?.others.map((o) => o.text) ?? [];
  if (others.length === 0) return null;
  const kind = fieldsOf(recordSheets[key].schema).find((f) => f.name === field)?.kind;
  if (kind === 'date' || kind === 'datetime') return others.find((t) => /时间|日期|日$/u.test(t)) ?? null;
  if (kind === 'yesno') return others.find((t) => /是否|性质|等级/u.test(t)) ?? null;
  const near = closest(field, others);
  return distance(field, near) <= Math.floor(field.length / 2) ? near : null;
}

/** A sheet that may hold the topic: its name fits it among others, or its headers are the topic's. */
function likelySheet(key: RecordSheetKey, recognition: Recognition): string | null {
  return (
    recognition.ambiguous.find((a) => a.keys.includes(key))?.sheet ??
    recognition.unmatched.find((u) => u.likely?.key === key)?.sheet ??
    null
  );
}

export function coverage(ctx: CheckContext, recognition: Recognition): Coverage {
  const { ledger } = ctx;
  const sheets = new Map<RecordSheetKey, Missing>();
  const columns = new Map<string, Missing & { key: RecordSheetKey; field: string }>();
  const untyped = new Map<string, Missing & { key: RecordSheetKey; field: string }>();
  const unjudged = new Set<string>();
  const findings: Finding[] = [];
  const missSheet = (key: RecordSheetKey, rule: RuleInfo | null) => {
    const entry = sheets.get(key) ?? { rules: [] };
    if (rule) entry.rules.push(rule);
    sheets.set(key, entry);
  };
  const missColumn = (key: RecordSheetKey, field: string, rule: RuleInfo) => {
    const id = `${key}.${field}`;
    const entry = columns.get(id) ?? { key, field, rules: [] };
    entry.rules.push(rule);
    columns.set(id, entry);
  };
  /** Marks the rule 无法判断 when `key` lacks its records or one of `fields`. */
  const need = (rule: RuleInfo, key: RecordSheetKey, fields: readonly string[]): boolean => {
    const source = ledger.sheets[key];
    if (!source) {
      missSheet(key, rule);
      return false;
    }
    // A sheet without a header row has its S03 already.
    if (source.headerRow === 0) return false;
    const have = new Set(source.fields ?? []);
    const lacking = fields.filter((f) => !have.has(f));
    for (const field of lacking) missColumn(key, field, rule);
    return lacking.length === 0;
  };

  for (const rule of rulesOf(ledger.plan)) {
    const judged = rule.judged;
    if (!judged) continue;
    let judgeable: boolean;
    if (judged.judges === 'settings') {
      judgeable = need(rule, 'organization', ['单位名称', '分管领导']);
      if (!ledger.settings.党组成员?.length) {
        judgeable = false;
        const at = ctx.settingPositions.get('党组成员') ?? firstSheet(ctx);
        findings.push(
          finding(
            rule.id,
            at,
            `基本信息中没有填写“党组成员”，无法判断各单位分管领导是否为党组成员（“无法判断”）。请在基本信息中添加“党组成员”一行，如“张三、李四”。`,
            { field: '党组成员', severity: 'info' },
          ),
        );
      }
    } else {
      judgeable = need(rule, judged.sheet, judged.needs);
      if (judged.units) judgeable = need(rule, 'organization', unitFields) && judgeable;
      if (judgeable && judged.counts && !typeShown(ctx, recognition, judged.sheet, judged.counts)) {
        judgeable = false;
        const id = `${judged.sheet}.${judged.counts.field}`;
        const entry = untyped.get(id) ?? { key: judged.sheet, field: judged.counts.field, rules: [] };
        entry.rules.push(rule);
        untyped.set(id, entry);
      }
    }
    if (!judgeable) unjudged.add(rule.id);
  }
  for (const key of recordSheetKeys) if (!ledger.sheets[key] && !sheets.has(key)) missSheet(key, null);

  for (const [key, missing] of sheets) findings.push(sheetFinding(ctx, recognition, key, missing.rules));
  for (const missing of columns.values()) findings.push(columnFinding(ctx, recognition, missing.key, missing.field, missing.rules));
  for (const missing of untyped.values()) findings.push(untypedFinding(ctx, missing.key, missing.field, missing.rules));
  return { unjudged, findings };
}

/** True unless the type is only derived from the records' words and no record shows one of `values`. */
function typeShown(
  ctx: CheckContext,
  recognition: Recognition,
  key: RecordSheetKey,
  counts: { field: string; values: readonly string[] },
): boolean {
  if (!recognition.topics[key]?.derived.includes(counts.field)) return true;
  return (ctx.ledger.records[key] as Array<{ data: Record<string, unknown> }>).some((r) =>
    counts.values.includes(String(r.data[counts.field])),
  );
}

function untypedFinding(ctx: CheckContext, key: RecordSheetKey, field: string, rules: RuleInfo[]): Finding {
  const source = ctx.ledger.sheets[key]!;
  const wanted = [...new Set(rules.flatMap((r) => (r.judged?.judges !== 'settings' && r.judged?.counts?.values) || []))];
  return finding(
    'S02',
    { sheet: source.name, row: source.headerRow, column: 1 },
    `工作表“${source.name}”没有“${field}”列，只能从记录的文字判断类型，其中没有“${wanted.join('”“')}”的记录。如这类工作记在别处，请添加“${field}”列或相应的工作表；${rulesText(rules)}`,
    { field, severity: 'info' },
  );
}

function firstSheet(ctx: CheckContext): Position {
  const name = ctx.ledger.sheets.settings?.name ?? Object.values(ctx.ledger.sheets)[0]?.name ?? ctx.firstSheet;
  return { sheet: name, row: 1, column: 1 };
}

function sheetFinding(ctx: CheckContext, recognition: Recognition, key: RecordSheetKey, rules: RuleInfo[]): Finding {
  const title = recordSheets[key].title;
  const likely = likelySheet(key, recognition);
  const register = Object.values(recognition.topics).some((t) => t.categories !== undefined);
  const where = likely
    ? `是否为“${likely}”？如是，请在基本信息中添加“表名映射：${title}=${likely}”。`
    : register
      ? `如这类工作记在综合台账的其他类别下，请在基本信息中添加“类别映射：${title}=本单位类别名”；否则请添加工作表“${title}”。`
      : `请添加工作表“${title}”；如记在其他名称的工作表中，请在基本信息中添加“表名映射：${title}=本单位工作表名”。`;
  const at = likely ? { sheet: likely, row: 1, column: 1 } : { sheet: ctx.firstSheet, row: 1, column: 1 };
  return finding('S01', at, `工作簿中没有找到“${title}”的记录。${where}${rulesText(rules)}`, {
    severity: optionalSheets.has(key) ? 'warning' : 'error',
  });
}

function columnFinding(ctx: CheckContext, recognition: Recognition, key: RecordSheetKey, field: string, rules: RuleInfo[]): Finding {
  const title = recordSheets[key].title;
  const source = ctx.ledger.sheets[key]!;
  const likely = likelyColumn(key, field, recognition);
  const info = fieldsOf(recordSheets[key].schema).find((f) => f.name === field);
  const where = likely
    ? `是否为“${likely}”列？如是，请在基本信息中添加“列名映射：${title}.${field}=${likely}”。`
    : `请添加“${field}”列${otherHeaders(info)}；如该列名称不同，请在基本信息中添加“列名映射：${title}.${field}=本单位列名”。`;
  return finding(
    'S02',
    { sheet: source.name, row: source.headerRow, column: 1 },
    `工作表“${source.name}”第${source.headerRow}行的表头缺少列“${field}”。${where}${rulesText(rules)}`,
    { field },
  );
}
