import type { CellValue } from '../grid/types';
import type { FieldInfo, FieldKind } from '../schema/fields';
import { arabicYears, foldCompact } from '../text/fold';
import { cellText, displayText, isErrorValue } from '../values/cell';
import { matchChoice, parseYesNo, splitList, yesNoForms } from '../values/choice';
import { formatHasTime, fromSerial, isDateFormat, isoDate, isoDateTime } from '../values/date';
import { readDateText } from '../values/dateText';
import { likelyValue } from '../values/likeness';
import { isHalf, isQuarter, parsePeriod } from '../values/period';

/**
 * Turns one non-empty cell into the value its field's zod schema checks. A cell that cannot even be
 * turned into the right kind of value (a date nobody can read, a number written as words) is a
 * problem here; whether a readable value is allowed (enum members, ranges) is left to the schema.
 */
export type Converted =
  /**
   * `span`: a date written as a span (`3月下旬`), read as its first day but good for no day-needing rule.
   * `reading`: the allowed value a bureau's own word was read as (`季度研判` → 季度分析), to be said.
   */
  { ok: true; value: unknown; span?: string; reading?: string } | { ok: false; rule: 'D02' | 'D03' | 'D07'; message: string };

export interface ConvertContext {
  year: number;
  date1904: boolean;
}

const dateExamples = '如 2026-03-05、2026/3/5、2026年3月5日';
const dateTimeExamples = '如 2026-03-05 14:30、2026年3月5日14时30分';
const periodExamples = {
  quarter: '如 2026Q3、2026年第三季度、三季度',
  half: '如 2026H1、2026年上半年、下半年',
  any: '如 2026年第三季度、2026年上半年',
} as const;

function problem(rule: 'D02' | 'D03' | 'D07', message: string): Converted {
  return { ok: false, rule, message };
}

function convertDate(field: FieldInfo, value: CellValue, format: string, ctx: ConvertContext): Converted {
  const wantTime = field.kind === 'datetime';
  const kindName = wantTime ? '日期时间' : '日期';
  const examples = wantTime ? dateTimeExamples : dateExamples;
  // `6.18` typed into a General cell is stored as the number 6.18: month.day, as the clerk sees it.
  const monthDay = typeof value === 'number' && !isDateFormat(format) && /^\d{1,2}\.\d{1,2}$/u.test(String(value));
  if (typeof value === 'number' && !monthDay) {
    const serial = isDateFormat(format) ? fromSerial(value, ctx.date1904) : null;
    if (!serial) {
      return problem(
        'D02',
        `“${field.name}”的值 ${value} 是数字而不是${kindName}（单元格未设置日期格式）。请将单元格设为日期格式或填写${examples}。`,
      );
    }
    if (!wantTime) return { ok: true, value: isoDate(serial.date) };
    if (!serial.hasFraction && !formatHasTime(format)) {
      return problem('D02', `“${field.name}”只有日期 ${isoDate(serial.date)}，缺少时间。请填写到时分，${examples}。`);
    }
    return { ok: true, value: isoDateTime(serial.date, serial.time) };
  }
  const text = displayText(value);
  const parsed = readDateText(text, ctx.year);
  if (!parsed.ok) return problem('D02', `“${field.name}”无法识别为${kindName}：“${text}”（${parsed.reason}）。请填写${examples}。`);
  if (parsed.value.kind === 'span') {
    if (wantTime) return problem('D02', `“${field.name}”只写了时段“${text}”，缺少具体日期和时间。请填写到时分，${examples}。`);
    return { ok: true, value: parsed.value.first, span: text.trim() };
  }
  if (!wantTime) return { ok: true, value: isoDate(parsed.value.date) };
  if (parsed.value.time === null) {
    return problem('D02', `“${field.name}”只有日期“${text}”，缺少时间。请填写到时分，${examples}。`);
  }
  return { ok: true, value: isoDateTime(parsed.value.date, parsed.value.time) };
}

export function convertCell(field: FieldInfo, value: CellValue, format: string, ctx: ConvertContext): Converted {
  if (isErrorValue(value)) {
    return problem('D02', `“${field.name}”是公式错误值 ${value}，无法读取。请修正公式或直接填写内容。`);
  }
  switch (field.kind) {
    case 'text':
    case 'unit':
      // Text is kept as typed (full-width ，： stay in official wording); comparisons fold it themselves.
      return { ok: true, value: displayText(value).trim() };
    case 'date':
    case 'datetime':
      return convertDate(field, value, format, ctx);
    case 'period': {
      const parsed = parsePeriod(displayText(value), ctx.year);
      const kind = field.periodKind ?? 'any';
      if (!parsed.ok) return problem('D02', `“${field.name}”无法识别为期间：“${displayText(value)}”。请填写${periodExamples[kind]}。`);
      if ((kind === 'quarter' && !isQuarter(parsed.value)) || (kind === 'half' && !isHalf(parsed.value))) {
        const want = kind === 'quarter' ? '季度' : '半年';
        return problem('D03', `“${field.name}”应为${want}，实际为“${displayText(value)}”。请填写${periodExamples[kind]}。`);
      }
      return { ok: true, value: parsed.value };
    }
    case 'int': {
      if (typeof value === 'number') return { ok: true, value };
      // A clerk writes the unit after the number: 30人, 2026年, 15天, 24小时.
      const m = /^(-?\d+(?:\.\d+)?)\s*(?:[人名个次场起天日]|年度?|小时)?$/u.exec(arabicYears(cellText(value)));
      if (m) return { ok: true, value: Number(m[1]) };
      return problem('D07', `“${field.name}”应填写整数，实际为“${displayText(value)}”。`);
    }
    case 'yesno': {
      const aliased = typeof value === 'string' ? field.aliases?.[foldCompact(value)] : undefined;
      const yes = parseYesNo(typeof value === 'boolean' ? value : (aliased ?? displayText(value)));
      if (yes === null) return problem('D03', `“${field.name}”的值“${displayText(value)}”无法识别。请填写${yesNoForms.join('、')}。`);
      return { ok: true, value: yes };
    }
    case 'enum': {
      const allowed = field.values ?? [];
      const exact = matchChoice(displayText(value), allowed, field.aliases);
      if (exact !== null) return { ok: true, value: exact };
      const likely = likelyValue(displayText(value), allowed);
      if (likely.kind === 'one') return { ok: true, value: likely.value, reading: likely.value };
      if (likely.kind === 'several') {
        const which = likely.values.map((v) => `“${v}”`).join('还是');
        return problem(
          'D03',
          `“${field.name}”的值“${cellText(value)}”不在允许范围内，无法确定是${which}，未按任何一种计数。请改为其中之一，或在基本信息“值映射”中写明。允许的值：${allowed.join('、')}。`,
        );
      }
      // Not allowed and like none: the schema says so, listing the allowed values.
      return { ok: true, value: cellText(value) };
    }
    case 'list': {
      // A list with no separator but spaces is split on them (`张三 李四`); beside other separators a
      // space may stand inside a two-character name set to three (`李 明`).
      const listed = splitList(displayText(value));
      const items = listed.length === 1 ? listed[0].split(/\s+/u) : listed;
      const values = field.values;
      return { ok: true, value: values ? items.map((item) => matchChoice(item, values, field.aliases) ?? item) : items };
    }
  }
}

/** Kinds whose cells repeat down a column (days, periods, choices), so each distinct cell is converted once. */
const repeating: ReadonlySet<FieldKind> = new Set(['date', 'datetime', 'period', 'int', 'yesno', 'enum']);
/** Distinct cells remembered per column: a year has 365 days; a column of unique date-times stops filling here. */
const rememberedCells = 4096;

/**
 * convertCell for one column of one sheet. A 100,000-record ledger has a few hundred distinct days and
 * choices, and reading each again through the calendar and the folding tables was most of the time
 * spent normalising. The results are immutable (strings, numbers, booleans), so records share them.
 */
export function columnConverter(field: FieldInfo, ctx: ConvertContext): (value: CellValue, format: string) => Converted {
  if (!repeating.has(field.kind)) return (value, format) => convertCell(field, value, format, ctx);
  // A number's reading depends on its cell's number format; text's and a boolean's do not.
  const byFormat = new Map<string, Map<CellValue, Converted>>();
  const plain = new Map<CellValue, Converted>();
  let remembered = 0;
  return (value, format) => {
    let seen = plain;
    if (typeof value === 'number') {
      const forFormat = byFormat.get(format);
      if (forFormat) seen = forFormat;
      else byFormat.set(format, (seen = new Map()));
    }
    const known = seen.get(value);
    if (known) return known;
    const converted = convertCell(field, value, format, ctx);
    if (remembered < rememberedCells) {
      seen.set(value, converted);
      remembered++;
    }
    return converted;
  };
}
