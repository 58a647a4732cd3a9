import type { Finding } from '../findings';
import type { CellValue } from '../grid/types';
import { fieldsOf, type FieldInfo } from '../schema/fields';
import { organization, unitTypes } from '../schema/sheets';
import { foldCompact, foldHeader, headerForms } from '../text/fold';
import { cellText, isEmpty } from '../values/cell';
import { matchChoice } from '../values/choice';
import { commonLength, likelyValue } from '../values/likeness';
import { convertCell, type ConvertContext } from './convert';
import { finding } from './finding';
import { headerSearchRows, type HeaderMap } from './header';
import { isNoneMark } from './records';
import type { SheetReader } from './sheetReader';
import { unitsAbbreviated } from './unitNames';

/**
 * A header the synonym table does not know, read by its words and its column's content together (issue
 * 19 §4): `督查对象` over names of 组织架构's units is 被检查单位, `整改时限` over dates 整改期限. A column
 * is taken for a field only when its cells are mostly that field's kind of value (dates, units, allowed
 * values, yes/no marks, numbers, periods) and its header shares at least half of the field's name or of
 * one of its synonyms more than it does any other field of that kind; two columns equally fit are
 * reported, not guessed.
 */
const sampleRows = 30;

function samples(sheet: SheetReader, header: HeaderMap, column: number): Array<{ value: CellValue; format: string }> {
  const cells: Array<{ value: CellValue; format: string }> = [];
  for (let row = header.row + 1; row <= sheet.lastRow && cells.length < sampleRows; row++) {
    const value = sheet.value(row, column);
    // `—` in a deadline column of problems not found says nothing of what the column holds.
    if (!isEmpty(value) && !isNoneMark(value)) cells.push({ value, format: sheet.format(row, column) });
  }
  return cells;
}

const longestValue = (field: FieldInfo) => Math.max(0, ...(field.values ?? []).map((v) => v.length));

/** True when more than half of the cells read as the field's kind of value. */
function contentFits(
  field: FieldInfo,
  cells: ReadonlyArray<{ value: CellValue; format: string }>,
  units: readonly string[],
  ctx: ConvertContext,
): boolean {
  if (cells.length === 0) return false;
  const known = new Set(units.map(foldCompact));
  const fits = (c: { value: CellValue; format: string }): boolean => {
    switch (field.kind) {
      case 'unit': {
        const text = foldCompact(String(c.value));
        return known.has(text) || unitsAbbreviated(text, units).length === 1;
      }
      case 'enum': {
        const text = String(c.value);
        if (matchChoice(text, field.values ?? [], field.aliases) !== null) return true;
        // A value is a word or two: a cell twice as long as any allowed value is a title or a sentence
        // (`一季度意识形态形势分析研判会` under 研判主题), whatever value it resembles.
        return foldCompact(text).length <= 2 * longestValue(field) && likelyValue(text, field.values ?? []).kind === 'one';
      }
      case 'date':
      case 'datetime':
      case 'yesno':
      case 'int':
      case 'period': {
        const read = convertCell(field, c.value, c.format, ctx);
        return read.ok && (field.kind !== 'int' || typeof read.value === 'number');
      }
      default:
        return false;
    }
  };
  return cells.filter(fits).length * 2 > cells.length;
}

/**
 * True when the cells are a choice field's own values as the rules write them (民主生活会, 组织生活会),
 * two of them at least and more than half the cells: values no other column of the topic holds.
 */
function writtenAsValues(field: FieldInfo, cells: ReadonlyArray<{ value: CellValue }>): boolean {
  if (field.kind !== 'enum' || cells.length < 2) return false;
  const read = cells.map((c) => matchChoice(String(c.value), field.values ?? [], field.aliases));
  return new Set(read.filter((v) => v !== null)).size >= 2 && read.filter((v) => v !== null).length * 2 > cells.length;
}

/**
 * How much of the field's name, or of its nearest synonym, the header holds in order (0–1); two
 * characters at least, as one shared character (日, 时) says nothing.
 */
function wordLikeness(field: FieldInfo, text: string, names = [field.name, ...field.synonyms]): number {
  const header = headerForms(text).at(-1) ?? '';
  return Math.max(
    ...names.map((name) => {
      const common = commonLength(header, foldCompact(name));
      return common >= 2 ? common / name.length : 0;
    }),
  );
}

/**
 * Words that name a unit wherever it stands (`支部名称`, `党支部`, `股室` over a column of 组织架构's units):
 * the headers 组织架构 knows for its units, and the kinds of unit.
 */
const unitWords = (() => {
  const name = fieldsOf(organization).find((f) => f.name === '单位名称');
  return [...(name ? [name.name, ...name.synonyms] : []), ...unitTypes];
})();

/**
 * The header's likeness to the field where its words tell the field from the names of the topic's other
 * fields of that kind, else 0: `填报日期` shares only `日期` with 审批日期, 登记日期 and 活动日期 alike, so
 * its words do not say which date it is, and a filing date must not pass for an approval. Only the other
 * fields' names are weighed: a catch-all synonym (`时间` of 检查日期) would veto every date header.
 */
function distinctLikeness(field: FieldInfo, fields: readonly FieldInfo[], text: string): number {
  const words = wordLikeness(field, text, [field.name, ...field.synonyms, ...(field.kind === 'unit' ? unitWords : [])]);
  const siblings = fields.filter((f) => f !== field && f.kind === field.kind).map((f) => wordLikeness(f, text, [f.name]));
  return words > Math.max(0, ...siblings) ? words : 0;
}

/** Fewer cells than this say too little of a column to overrule its header. */
const leastCells = 3;

/**
 * The cells under the same header in the topic's other sheets (one per month or quarter, each holding a
 * record or two): together they say what the column holds where one sheet's cells are too few.
 */
function kinSamples(kin: readonly SheetReader[], text: string): Array<{ value: CellValue; format: string }> {
  const cells: Array<{ value: CellValue; format: string }> = [];
  for (const sheet of kin) {
    for (let row = sheet.firstRow; row <= Math.min(sheet.lastRow, headerSearchRows); row++) {
      let column = sheet.firstColumn;
      while (column <= sheet.lastColumn && cellText(sheet.value(row, column)) !== text) column++;
      if (column > sheet.lastColumn) continue;
      for (let below = row + 1; below <= sheet.lastRow && cells.length < sampleRows; below++) {
        const value = sheet.value(below, column);
        if (!isEmpty(value) && !isNoneMark(value)) cells.push({ value, format: sheet.format(below, column) });
      }
      break;
    }
  }
  return cells;
}

/**
 * Sets aside a column taken for a choice field by a synonym or a word it contains, whose cells are mostly
 * none of the field's values, not even by likeness (`学习形式` over 传达辅导、讨论交流、专家辅导: the form of
 * a study, not its type): it is another column by its content. Its cells, with those under the same header
 * in the topic's other sheets, must be three at least, unless another column holds the field's values
 * (`类别` over 主题宣讲、业务培训). A column that fits then takes the field, else the sheet's name or the
 * records' words tell it. A header named in 列名映射 or bearing the field's own name is the clerk's word
 * and stands.
 */
function setAsideMisfits(sheet: SheetReader, header: HeaderMap, fields: readonly FieldInfo[], reading: ContentReading): void {
  const clerks = new Set([...reading.mapped.keys()].map(foldHeader));
  for (const field of fields) {
    const column = header.columns.get(field.name);
    const found = header.found.get(field.name);
    if (field.kind !== 'enum' || column === undefined || !found || found.how === '列名相同') continue;
    if (headerForms(found.text).some((form) => clerks.has(form))) continue;
    const cells = [...samples(sheet, header, column), ...kinSamples(reading.kin, found.text)];
    if (cells.length === 0 || contentFits(field, cells, [], reading.ctx)) continue;
    const rival = [...header.others, ...(header.categoryColumn === null ? [] : [{ column: header.categoryColumn }])].some((o) =>
      contentFits(field, samples(sheet, header, o.column), [], reading.ctx),
    );
    if (cells.length < leastCells && !rival) continue;
    header.columns.delete(field.name);
    header.found.delete(field.name);
    header.others = [...header.others, { column, text: found.text }].sort((a, b) => a.column - b.column);
  }
}

/** How a sheet's columns are read by content. */
export interface ContentReading {
  /** Names of 组织架构's units. */
  units: readonly string[];
  ctx: ConvertContext;
  /** A topic's own sheet, not a combined register, whose category column says each row's topic. */
  ownSheet: boolean;
  /** The topic's 列名映射: header → field. */
  mapped: ReadonlyMap<string, string>;
  /** The topic's other sheets. */
  kin: readonly SheetReader[];
}

/**
 * Gives `header` the fields it lacks that a header of unknown words holds by content and words;
 * returns the findings for columns two fields or two columns tie for.
 */
export function readColumnsByContent(
  sheet: SheetReader,
  header: HeaderMap,
  fields: readonly FieldInfo[],
  reading: ContentReading,
): Finding[] {
  const { units, ctx, ownSheet } = reading;
  setAsideMisfits(sheet, header, fields, reading);
  const findings: Finding[] = [];
  const taken = new Set(header.columns.values());
  // On a topic's own sheet a 类别 column holds the records' kind (中心组学习, 宣讲): its header says
  // "kind" by itself, so only its content is asked.
  const kind =
    ownSheet && header.categoryColumn !== null
      ? { column: header.categoryColumn, text: cellText(sheet.value(header.row, header.categoryColumn)) }
      : null;
  for (const field of fields) {
    if (header.columns.has(field.name) || field.kind === 'text' || field.kind === 'list') continue;
    const fitting = [...header.others, ...(kind && field.kind === 'enum' ? [kind] : [])]
      .filter((o) => !taken.has(o.column))
      .map((o) => {
        const words = o === kind ? 1 : distinctLikeness(field, fields, o.text);
        // Cells written as the field's own values say which field the column is, whatever its header's words.
        const byValues = words < 0.5 && writtenAsValues(field, samples(sheet, header, o.column));
        return { ...o, words: byValues ? 0.5 : words, byValues };
      })
      .filter((o) => o.words >= 0.5 && contentFits(field, samples(sheet, header, o.column), units, ctx));
    if (fitting.length === 0) continue;
    const best = Math.max(...fitting.map((o) => o.words));
    const top = fitting.filter((o) => o.words === best);
    if (top.length > 1) {
      findings.push(
        finding(
          'S04',
          { sheet: sheet.name, row: header.row, column: top[0].column },
          `“${top.map((o) => o.text).join('”和“')}”列都可能是“${field.name}”，无法确定，均未按“${field.name}”读取。请在基本信息中添加“列名映射”写明哪一列是“${field.name}”。`,
          { field: field.name },
        ),
      );
      continue;
    }
    const [column] = top;
    header.columns.set(field.name, column.column);
    const how = column.byValues ? `该列的值多为“${field.name}”的规定写法` : `表头“${column.text}”与“${field.name}”相近，且该列内容相符`;
    header.found.set(field.name, { text: column.text, how });
    taken.add(column.column);
  }
  header.others = header.others.filter((o) => !taken.has(o.column));
  return findings;
}
