import type { Finding, Summary } from './findings';
import type { Plan } from './plan/requirement';
import type { Settings } from './schema/settings';
import type { FieldOf, RecordOf, RecordSheetKey } from './schema/sheets';

/**
 * One data row of a record sheet. `data` holds only the fields that could be read and passed the
 * schema; a field that could not is absent here and reported as a finding instead, so a rule counts
 * a record as long as the fields it needs are sound. Checks across records (a unit missing from
 * 组织架构, D06) report a finding but leave the value in place.
 */
export interface LedgerRecord<K extends RecordSheetKey = RecordSheetKey> {
  /** The sheet's name as it stands in the workbook. */
  sheet: string;
  /** Excel row number. */
  row: number;
  /**
   * Excel column (1-based) of every field the sheet has a column for, e.g. `{ 会议日期: 2 }`: with
   * `row`, the field's cell. One object shared by all records of the sheet, as a large ledger has
   * too many records to give each its own.
   */
  columns: Readonly<Partial<Record<FieldOf<K>, number>>>;
  data: Partial<RecordOf<K>>;
  /**
   * Dates written as a span (`3月下旬`), as written: `data` holds the span's first day, which counts
   * for its period, but no rule that needs the day reads it.
   */
  spans?: Partial<Record<FieldOf<K>, string>>;
  /**
   * Fields whose cell held something that could not be read (D02, or D03 with no likely meaning), or
   * whose column this record's sheet lacks where another sheet of its topic has it: a requirement
   * such a field decides is 无法判断, not 未达标, while the record might have counted.
   */
  unread?: readonly FieldOf<K>[];
}

export type RecordsBySheet = { [K in RecordSheetKey]: LedgerRecord<K>[] };

export interface SheetLocation {
  /** The sheet's name as it stands in the workbook. */
  name: string;
  /** Excel row of the header row (0 when not found). */
  headerRow: number;
  /**
   * The fields the records can have: those with a column, and those derived from the record's own
   * words (a 学习 record on a 中心组 sheet is 中心组专题学习). A rule whose field is not here is 无法判断.
   */
  fields?: readonly string[];
  /**
   * The other sheets of a topic kept in several (一季度…四季度, 中心组学习 and 主题宣讲): their records
   * are joined with this sheet's, and `fields` are those of any of them.
   */
  also?: SheetLocation[];
}

/**
 * How the rows of one sheet were read (spec section 1): every row with content is exactly one of a
 * record, not a record (title, hint, header, 合计/小计, a pre-numbered blank), or 未能归类 (content the
 * reader could not place, or a record whose kind it could not tell). Empty rows are not counted.
 */
export interface SheetAccount {
  /** The sheet's name as it stands in the workbook. */
  sheet: string;
  /** The topic's title (`学习培训`), several joined by `、` for a combined register, `基本信息`, or null for no register. */
  topic: string | null;
  records: number;
  nonRecords: number;
  unplaced: number;
  /** The rows 未能归类, in order: where the clerk looks, each with its D10 finding. */
  unplacedRows: number[];
}

/** A row with content that became no record: it might count toward any of `topics`. */
export interface UnplacedRow {
  sheet: string;
  row: number;
  topics: readonly RecordSheetKey[];
  /** The row's date where one of its cells reads as one (ISO), so it could count only in that period. */
  date?: string;
}

export interface Ledger {
  workbook: string;
  /**
   * 基本信息 with defaults applied. Where a required key is missing (reported as D01) a stand-in is
   * used so the rules and reports can still run: 台账年度 falls back to asOf's year.
   */
  settings: Settings;
  /** Where each sheet was found; absent when the workbook has no such sheet. */
  sheets: Partial<Record<RecordSheetKey | 'settings', SheetLocation>>;
  records: RecordsBySheet;
  /** Every sheet's rows as read, in workbook order (validate's `account`, the pane's and the page's too). */
  account: SheetAccount[];
  /** Rows that became no record although they hold content: a requirement they could fulfil is 无法判断. */
  unplaced: UnplacedRow[];
  /** The counting requirements the ledger is judged by: the default plan, or its 实施方案要求 sheet's. */
  plan: Plan;
}

/**
 * 无法判断: the records or the column the requirement judges are absent from the workbook, so the
 * ledger cannot say whether the work was done (never reported as 未开展 or as 达标 0/0).
 */
export type RequirementStatus = '达标' | '进行中' | '未达标' | '无法判断';

/** A requirement's state in one period (`2026Q1`, `2026H1`, `2026`), for one unit where it is per unit. */
export interface PeriodStatus {
  period: string;
  /** `2026年第一季度`, `2026年上半年`, `2026年`. */
  label: string;
  unit: string | null;
  status: RequirementStatus;
  required: number;
  actual: number;
  /** Last day of the period plus 宽限天数 (ISO date). */
  due: string;
  /**
   * Rows that could have counted here but were not understood (rows 未能归类 that became no record, or
   * records whose type, condition, date, unit or other deciding field is unread): the period is
   * 无法判断 with `actual` as its least count rather than 未达标. `unsure` says what was not understood
   * of them, `unplaced` how many they are in all.
   */
  unplaced?: number;
  unsure?: UnsureRows[];
}

/** Rows not understood that might count toward a requirement, alike in what was not understood. */
export interface UnsureRows {
  /** The fields deciding whether a record counts that could not be read; empty for rows that became no record. */
  unread: string[];
  rows: number;
}

export interface RuleStatus {
  id: string;
  title: string;
  status: RequirementStatus;
  required: number;
  actual: number;
  periods: PeriodStatus[];
}

export interface ValidationResult {
  workbook: string;
  unit: string;
  year: number;
  /** ISO date the validation is made for. */
  asOf: string;
  summary: Summary;
  rules: RuleStatus[];
  findings: Finding[];
  /**
   * What the reader passed over and the clerk should know (a sheet listed in the workbook without
   * content): not a finding, as no cell of the ledger is wrong.
   */
  notes: string[];
  ledger: Ledger;
}
