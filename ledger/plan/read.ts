import type { Finding } from '../findings';
import type { SheetGrid, WorkbookGrid } from '../grid/types';
import { ruleTable } from '../check/ruleTable';
import { placing, type WorkSheetKey } from '../check/placing';
import { finding } from '../normalise/finding';
import { findHeader } from '../normalise/header';
import { nameMeaning, topicText } from '../normalise/locate';
import type { Mappings } from '../normalise/mappings';
import { hasContent } from '../normalise/rows';
import { sheetReader, type SheetReader } from '../normalise/sheetReader';
import { fieldsOf } from '../schema/fields';
import { frequencies, planRow, planSheetTitle, type Frequency } from '../schema/plan';
import type { Settings } from '../schema/settings';
import { recordSheets, unitTypes, type UnitType } from '../schema/sheets';
import { foldCompact, foldSheetName } from '../text/fold';
import { cellText, isEmpty } from '../values/cell';
import { matchChoice, parseYesNo, splitList, yesNoForms } from '../values/choice';
import { countOf } from '../values/count';
import { readConditions } from './conditions';
import { defaultPlan } from './defaults';
import { requirementSentence, type Plan, type Requirement } from './requirement';

/** 实施方案要求, found by its name as other sheets are: ordinal prefixes, full-width forms and register words aside. */
export function locatePlan(grid: WorkbookGrid): SheetGrid | undefined {
  const title = foldSheetName(planSheetTitle);
  return grid.sheets.find((s) => foldSheetName(s.name) === title || topicText(s.name) === title);
}

const fields = fieldsOf(planRow);
const frequencyField = fields.find((f) => f.name === '频次')!;

/** The record sheet a 工作表 cell names: by the sheet's own title or topic words, or the bureau's 表名映射. */
function sheetNamed(text: string, mappings: Mappings | undefined): WorkSheetKey | null {
  for (const [key, names] of mappings?.sheets ?? []) {
    if (names.some((n) => foldCompact(n) === foldCompact(text) || splitList(n).some((m) => foldCompact(m) === foldCompact(text)))) {
      return key === 'organization' ? null : key;
    }
  }
  const { keys } = nameMeaning(text);
  return keys.length === 1 && keys[0] !== 'organization' ? keys[0] : null;
}

/** Unit types of an 对象 cell (`党总支、党支部`, `各股室`), or the item not understood. */
function readUnitTypes(text: string): { ok: true; types: UnitType[] } | { ok: false; item: string } {
  const types: UnitType[] = [];
  for (const item of splitList(text)) {
    const type = matchChoice(item.replace(/^各/u, '').replace(/等$/u, ''), unitTypes);
    if (type === null) return { ok: false, item };
    if (!types.includes(type as UnitType)) types.push(type as UnitType);
  }
  return { ok: true, types };
}

const periodWords: Readonly<Record<string, Frequency>> = { 年: '年', 半年: '半年', 季: '季度', 月: '月' };

/**
 * A 频次 by its meaning: one period named once, with the words around it that say "each" or "once"
 * (`按月`, `每个月`, `一季度一次`, `半年度`, `一年`); a span of several periods (`每两年`, `双月`) is none of them.
 */
function frequencyOf(text: string): Frequency | null {
  const core = foldCompact(text)
    .replace(/^(?:每|按|以)?(?:一|1)?个?/u, '')
    .replace(/度?份?(?:(?:一|1)次)?$/u, '');
  return periodWords[core] ?? null;
}

/** 启用 as a switch is worded (`启用`, `执行`, `停用`, `不启用`, `暂停`): on, off, or null when it says neither. */
function switchedOn(text: string): boolean | null {
  const word = foldCompact(text);
  if (/^(?:停用|禁用|暂停|作废|失效|无效|取消|关闭)$/u.test(word)) return false;
  const m = /^(不|未|暂不|停止|取消)?(?:启用|执行|适用|生效|有效|使用|开启|采用)$/u.exec(word);
  return m ? m[1] === undefined : null;
}

/** Ids of rules that are not counting requirements (R08, R14–R19, S/D): a row cannot redefine them. */
const otherRuleIds = new Set(ruleTable.filter((r) => r.kind !== 'requirement' || r.judged?.judges !== 'periods').map((r) => r.id));

/** What cannot be understood in a row: the column, and what to say of its cell. */
class RowProblem extends Error {
  constructor(
    readonly rule: 'D01' | 'D03' | 'D07',
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The effective plan of a workbook (issue 22): this bureau's default plan, with the rows of its
 * 实施方案要求 sheet over it. A row whose 编号 is a built-in's (R01–R07, R09–R13) restates that
 * requirement, keeping its plan section, its wording of what is to be done and any check it makes
 * besides the count (R01's mid-year checkpoint); a built-in the sheet does not list stays as the
 * default plan has it, so a bureau writes only what differs. Any other 编号 is the bureau's own
 * requirement, judged after the built-ins in the sheet's order. A row that cannot be understood is a
 * finding at its cell and changes nothing: the built-in it names stays as it was, an own requirement
 * is left out.
 */
export function readPlan(grid: SheetGrid | undefined, settings: Settings, mappings?: Mappings): { plan: Plan; findings: Finding[] } {
  const defaults = defaultPlan(settings);
  if (!grid) return { plan: { requirements: defaults, sheet: null }, findings: [] };
  const reader = sheetReader(grid);
  const header = findHeader(reader, fields, new Map());
  const findings: Finding[] = [...header.findings];
  if (!header.header) return { plan: { requirements: defaults, sheet: null }, findings };
  const columns = header.header.columns;
  const builtIns = new Map(defaults.map((r) => [r.id, r]));
  const seen = new Map<string, number>();
  const own: Requirement[] = [];
  for (let row = header.header.row + 1; row <= reader.lastRow; row++) {
    if (!hasContent(reader, row)) continue;
    try {
      const read = readRow(reader, row, columns, builtIns, settings, mappings);
      const first = seen.get(read.id);
      if (first !== undefined) throw new RowProblem('D03', '编号', `编号“${read.id}”与第${first}行重复，此行未采用`);
      seen.set(read.id, row);
      if (builtIns.has(read.id)) builtIns.set(read.id, read);
      else own.push(read);
    } catch (e) {
      if (!(e instanceof RowProblem)) throw e;
      const column = columns.get(e.field) ?? columns.get('编号') ?? 1;
      const id = cellText(reader.value(row, columns.get('编号') ?? 1));
      const kept = builtIns.has(id) ? `，要求${id}仍按默认的实施方案` : '，此行的要求未作检查';
      findings.push(
        finding(e.rule, { sheet: grid.name, row, column }, `“${planSheetTitle}”第${row}行：${e.message}${kept}。`, {
          field: e.field,
          value: cellText(reader.value(row, column)) || undefined,
        }),
      );
    }
  }
  return { plan: { requirements: [...builtIns.values(), ...own], sheet: grid.name }, findings };
}

function readRow(
  reader: SheetReader,
  row: number,
  columns: ReadonlyMap<string, number>,
  builtIns: ReadonlyMap<string, Requirement>,
  settings: Settings,
  mappings: Mappings | undefined,
): Requirement {
  const text = (field: string): string => {
    const column = columns.get(field);
    if (column === undefined) return '';
    const value = reader.value(row, column);
    return isEmpty(value) ? '' : cellText(value);
  };
  const required = (field: string): string => {
    const value = text(field);
    if (value === '') throw new RowProblem('D01', field, `“${field}”为空`);
    return value;
  };

  const id = required('编号');
  if (otherRuleIds.has(id)) {
    throw new RowProblem('D03', '编号', `“${id}”不是按次数计的要求（其参数在基本信息中），编号请用 R01–R07、R09–R13 或本单位自定的编号`);
  }
  const builtIn = builtIns.get(id);

  const sheetText = required('工作表');
  const sheet = sheetNamed(sheetText, mappings);
  if (!sheet) {
    const titles = Object.keys(placing).map((k) => recordSheets[k as WorkSheetKey].title);
    throw new RowProblem('D03', '工作表', `工作表“${sheetText}”不是台账的记录表，应为其中之一：${titles.join('、')}`);
  }

  const conditionText = text('条件');
  const read =
    conditionText === ''
      ? { ok: true as const, conditions: [] }
      : readConditions(sheet, conditionText, { columns: mappings?.columns.get(sheet), values: mappings?.values.get(sheet) });
  if (!read.ok) throw new RowProblem('D03', '条件', read.message);

  const frequencyText = text('频次');
  let frequency: Frequency;
  if (frequencyText === '') {
    // R06's period was 基本信息's 定期检查周期 before the sheet existed, and stays so where 频次 is empty.
    if (id !== 'R06') throw new RowProblem('D01', '频次', `“频次”为空，应为${frequencies.join('、')}之一`);
    frequency = builtIn!.frequency;
  } else {
    const matched = matchChoice(frequencyText, frequencies, frequencyField.aliases) ?? frequencyOf(frequencyText);
    if (matched === null) throw new RowProblem('D03', '频次', `频次“${frequencyText}”不在允许范围内，应为${frequencies.join('、')}之一`);
    frequency = matched as Frequency;
  }

  const objectText = text('对象');
  let types: UnitType[] = [];
  if (objectText !== '') {
    const unitField = placing[sheet].unit;
    if (unitField === undefined) {
      throw new RowProblem(
        'D03',
        '对象',
        `工作表“${recordSheets[sheet].title}”没有记录单位的列，不能按对象“${objectText}”逐个单位计数；对象请留空`,
      );
    }
    const units = readUnitTypes(objectText);
    if (!units.ok) throw new RowProblem('D03', '对象', `对象“${units.item}”不是组织架构的单位类型，应为${unitTypes.join('、')}`);
    types = units.types;
  }

  const countText = required('至少次数');
  const count = countOf(countText);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw new RowProblem('D07', '至少次数', `至少次数“${countText}”应为1到1000之间的整数`);
  }

  const enabledText = text('启用');
  const enabled = enabledText === '' ? true : (parseYesNo(enabledText) ?? switchedOn(enabledText));
  if (enabled === null) throw new RowProblem('D03', '启用', `启用“${enabledText}”无法识别，请填写${yesNoForms.join('、')}或启用/停用`);

  const sentence = text('要求');
  // A bureau's own requirement names what it counts by its conditions' values, else by its sheet.
  const ownWhat = read.conditions.find((c) => c.values.some((v) => v !== '是' && v !== '否'))?.values.join('或');
  const body = ownWhat ?? recordSheets[sheet].title;
  const what = builtIn?.what ?? `开展${body}`;
  const unchanged = builtIn !== undefined && builtIn.atLeast === count && builtIn.frequency === frequency;
  const written = builtIn
    ? requirementSentence({ what, frequency, unitTypes: types, atLeast: count })
    : requirementSentence({ what: body, frequency, unitTypes: types, atLeast: count });
  return {
    id,
    text: sentence !== '' ? sentence : unchanged ? builtIn.text : written,
    what,
    sheet,
    conditions: read.conditions,
    frequency,
    unitTypes: types,
    atLeast: count,
    enabled,
    plan: builtIn?.plan ?? null,
    at: { sheet: reader.name, row },
  };
}
