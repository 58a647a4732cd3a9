/**
 * Writes templates/示例台账.xlsx: the sample ledger of a fictitious 县XX局 for 台账年度 2026, meant to be
 * validated with asOf = 2026-07-20 (the demo's date) and to feed the 2026Q2 quarterly report and the
 * 2026H1 semiannual notification.
 *
 * It is typed the way real ledgers are: titles above the header, ordinals in sheet names, headers with
 * line breaks and （必填）, dates as real dates and as several kinds of text, merged cells, pre-numbered
 * blank rows. A few faults are planted on purpose so the demo has something to report; each carries a
 * comment naming the rule that must find it.
 *
 * Run: npx tsx scripts/make-sample.ts
 * The output is byte-for-byte deterministic, so the committed file changes only when this script does.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const outFile = resolve(dirname(fileURLToPath(import.meta.url)), '../templates/示例台账.xlsx');

/** exceljs stores a Date's UTC fields as the cell's wall-clock time. */
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const dt = (y: number, m: number, day: number, h: number, min: number) => new Date(Date.UTC(y, m - 1, day, h, min));

const fmtIso = 'yyyy-mm-dd';
const fmtChinese = 'yyyy"年"m"月"d"日"';
const fmtSlash = 'yyyy/m/d';
const fmtDateTime = 'yyyy-mm-dd hh:mm';

/** Marks a cell that belongs to a vertical merge with the cell above it. */
const mergedAbove = Symbol('mergedAbove');

type Value = string | number | Date | null;
type Cell = Value | typeof mergedAbove;

interface Column {
  header: string;
  width: number;
  /** Number format for Date values in this column. */
  dateFormat?: string;
}

interface SheetSpec {
  name: string;
  /** Merged title above the header. */
  title?: string;
  /** The unit/date line clerks put between title and header. */
  subtitle?: string;
  columns: Column[];
  rows: Cell[][];
  /** Pre-numbered rows left empty at the bottom, as printed templates have them. */
  blankRows?: number;
  /** Records get a 序号 column in front. */
  numbered?: boolean;
}

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const font = { name: '宋体', size: 11 };

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const numbered = spec.numbered ?? true;
  const columns: Column[] = numbered ? [{ header: '序号', width: 6 }, ...spec.columns] : spec.columns;
  const ws = wb.addWorksheet(spec.name);
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const lastCol = columns.length;

  let r = 1;
  if (spec.title) {
    ws.mergeCells(r, 1, r, lastCol);
    const cell = ws.getCell(r, 1);
    cell.value = spec.title;
    cell.font = { name: '黑体', size: 16, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(r).height = 30;
    r++;
  }
  if (spec.subtitle) {
    ws.mergeCells(r, 1, r, lastCol);
    const cell = ws.getCell(r, 1);
    cell.value = spec.subtitle;
    cell.font = font;
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
    r++;
  }

  const headerRow = ws.getRow(r);
  columns.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = border;
  });
  headerRow.height = columns.some((c) => c.header.includes('\n')) ? 36 : 22;
  ws.views = [{ state: 'frozen', ySplit: r }];
  // Ledgers are printed for inspections: landscape A4, one page wide, the header repeated on each page.
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${r}:${r}` };
  r++;

  const firstDataRow = r;
  const total = spec.rows.length + (spec.blankRows ?? 0);
  const grid: Cell[][] = [];
  for (let i = 0; i < total; i++, r++) {
    const values: Cell[] = spec.rows[i] ?? spec.columns.map(() => null);
    const cells: Cell[] = numbered ? [i + 1, ...values] : values;
    grid.push(cells);
    ws.getRow(r).height = rowHeight(cells, columns);
    cells.forEach((v, j) => {
      const cell = ws.getCell(r, j + 1);
      cell.border = border;
      cell.font = font;
      cell.alignment = numbered && j === 0 ? { horizontal: 'center', vertical: 'middle' } : { vertical: 'middle', wrapText: true };
      if (v === null || v === mergedAbove) return;
      cell.value = v;
      if (v instanceof Date) cell.numFmt = columns[j].dateFormat ?? fmtIso;
    });
  }
  mergeRuns(ws, grid, firstDataRow);
}

/**
 * Excel stores no height for wrapped rows and neither Excel nor LibreOffice re-measures them on
 * opening, so we estimate one: a CJK character takes about two width units of a column.
 */
function rowHeight(cells: Cell[], columns: Column[]): number {
  const lines = cells.map((v, j) => {
    if (typeof v !== 'string') return 1;
    const units = [...v].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
    return Math.ceil(units / Math.max(1, columns[j].width - 1));
  });
  return Math.max(20, 15 * Math.max(...lines) + 5);
}

/** Merges each value with the run of `mergedAbove` cells below it. */
function mergeRuns(ws: ExcelJS.Worksheet, grid: Cell[][], firstRow: number): void {
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  for (let j = 0; j < width; j++) {
    for (let i = 0; i < grid.length; i++) {
      let end = i;
      while (grid[end + 1]?.[j] === mergedAbove) end++;
      if (end > i) ws.mergeCells(firstRow + i, j + 1, firstRow + end, j + 1);
      i = end;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// 基本信息

const partyGroup = ['张建国', '李明华', '王志强', '赵红梅', '刘卫东'];

const settings: SheetSpec = {
  name: '基本信息',
  numbered: false,
  columns: [
    { header: '项目', width: 24 },
    { header: '内容', width: 60 },
  ],
  rows: [
    ['单位名称', '县XX局'],
    ['台账年度', 2026],
    ['党组书记', '张建国'],
    ['分管领导', '李明华'],
    ['责任部室', '办公室'],
    ['党组成员', partyGroup.join('、')],
    ['宽限天数', 15],
    ['舆情研判时限（小时）', 2],
    ['舆情报送时限（小时）', 4],
    ['舆情处置时限（小时）', 24],
    ['讲座审批提前天数', 1],
    ['定期检查周期', '半年'],
    // 专题汇报 below heads its 听取人 column 听取领导, which no synonym covers.
    ['列名映射', '专题汇报.听取人=听取领导'],
  ],
};

// ---------------------------------------------------------------------------------------------------
// 组织架构

const organization: SheetSpec = {
  name: '组织架构',
  title: '县XX局意识形态工作责任体系（组织架构）',
  columns: [
    { header: '单位名称', width: 16 },
    { header: '单位类型', width: 10 },
    { header: '负责人', width: 10 },
    { header: '意识形态\n责任人', width: 12 },
    { header: '分管领导', width: 10 },
    { header: '备注', width: 30 },
  ],
  rows: [
    ['办公室', '股室', '周文斌', '周文斌', '李明华', '意识形态工作责任部室'],
    ['政策法规股', '股室', '孙丽娟', '孙丽娟', '王志强', null],
    ['业务管理股', '股室', '郑海涛', '吴晓燕', '赵红梅', null],
    ['城关管理站', '站所', '马建军', '马建军', '刘卫东', null],
    ['河口管理所', '站所', '杨春生', '何秀英', '刘卫东', null],
    ['机关党总支', '党总支', '李明华', '周文斌', '张建国', '下设三个党支部'],
    ['第一党支部', '党支部', '孙丽娟', '孙丽娟', '李明华', '局机关股室党员'],
    ['第二党支部', '党支部', '马建军', '马建军', '王志强', '城关管理站党员'],
    // R18: 陈立新 (四级调研员) is not among the 党组成员 of 基本信息.
    ['第三党支部', '党支部', '杨春生', '何秀英', '陈立新', '河口管理所及退休党员'],
  ],
  blankRows: 3,
};

// ---------------------------------------------------------------------------------------------------
// 专题研究

const research: SheetSpec = {
  name: '1.专题研究',
  title: '县XX局意识形态工作台账——专题研究',
  subtitle: '填报单位：县XX局办公室（盖章）　　　　　　　　　　　　填报时间：2026年7月16日',
  columns: [
    { header: '会议\n日期（必填）', width: 14, dateFormat: fmtChinese },
    { header: '会议名称*', width: 26 },
    { header: '主持人', width: 9 },
    { header: '研究议题', width: 46 },
    { header: '形成决议', width: 40 },
    { header: '记录人', width: 9 },
    { header: '佐证材料', width: 20 },
  ],
  rows: [
    [
      d(2026, 2, 26),
      '局党组2026年第3次会议',
      '张建国',
      '传达学习全国宣传思想文化工作会议精神，研究制定《县XX局2026年意识形态工作要点》及责任清单',
      '审议通过2026年意识形态工作要点，明确党组成员“一岗双责”任务分工，由办公室印发执行',
      '周文斌',
      '会议纪要〔2026〕3号',
    ],
    [
      '2026/4/23',
      '局党组2026年第8次会议',
      '张建国',
      '听取一季度意识形态领域情况分析汇报，专题研究网络意识形态工作和舆情应对处置',
      '修订《网络舆情应急处置预案》，各股室站所明确1名舆情信息员，5月底前报办公室备案',
      '周文斌',
      '会议纪要〔2026〕8号',
    ],
    [
      '2026.6.18',
      '局党组2026年第12次会议',
      '张建国',
      '专题研究意识形态工作责任制落实情况，听取各党支部上半年意识形态工作专题汇报情况',
      '对检查中发现的问题建立整改台账，明确责任人和整改时限，7月上旬形成上半年情况通报',
      '周文斌',
      '会议纪要〔2026〕12号',
    ],
    [
      '7月9日',
      '局党组2026年第14次会议',
      '李明华',
      '研究上半年意识形态工作情况通报，部署下半年意识形态工作重点任务',
      '同意印发上半年情况通报，下半年重点抓好阵地管理和网络舆情研判',
      '周文斌',
      '会议纪要〔2026〕14号',
    ],
  ],
  blankRows: 4,
};

// ---------------------------------------------------------------------------------------------------
// 分析研判

const analysis: SheetSpec = {
  name: '二、分析研判',
  title: '县XX局意识形态工作台账——分析研判',
  columns: [
    { header: '分析\n日期', width: 14, dateFormat: fmtIso },
    { header: '分析类型', width: 11 },
    { header: '所属期间', width: 14 },
    { header: '主要情况（必填）', width: 46 },
    { header: '倾向性问题', width: 36 },
    { header: '应对措施', width: 36 },
    { header: '参加人员', width: 24 },
  ],
  rows: [
    [
      '2026年2月10日',
      '专项研判',
      null,
      '春节期间网络舆情专项研判：系统内干部职工思想总体稳定，网上涉及本系统信息以正面宣传为主',
      '个别职工在朋友圈转发未经核实的节日政策信息',
      '提醒干部职工不信谣、不传谣，节日期间落实舆情值班',
      '李明华、周文斌、各股室站所负责人',
    ],
    [
      d(2026, 3, 2),
      // D03: 月度分析 is not one of 季度分析/综合分析/专项研判.
      '月度分析',
      null,
      '2月份意识形态领域情况：各支部按计划开展组织生活，宣传阵地运行正常',
      null,
      '继续做好日常舆情监测',
      '周文斌、孙丽娟',
    ],
    [
      d(2026, 4, 8),
      '季度分析',
      '2026年第一季度',
      '一季度全局意识形态领域总体平稳向好，干部职工对局党组各项部署认同度高；共监测网络舆情2起，均为一般舆情，已妥善处置',
      '少数年轻干部政治理论学习主动性不强；站所宣传栏内容更新不及时',
      '将青年干部纳入中心组学习列席范围；督促站所每月更新宣传阵地内容',
      '张建国、李明华、王志强、赵红梅、刘卫东、周文斌',
    ],
    [
      d(2026, 5, 13),
      '专项研判',
      '2026Q2',
      '针对“5·12”短视频平台不实信息传播事件开展专项研判，事件经澄清后热度已明显下降',
      '网络信息发布审核把关不严，舆情报送环节存在延迟',
      '压实舆情信息员责任，严格落实重大舆情4小时内报送要求',
      '张建国、李明华、周文斌',
    ],
    [
      d(2026, 6, 28),
      '综合分析',
      null,
      '2026年上半年党组织意识形态和社会舆情综合分析：意识形态工作责任制全面落实，专题研究、检查抽查、专题汇报等制度有序推进',
      '个别支部专题汇报不及时；部分检查发现问题整改进度偏慢',
      '督促未汇报支部限期补报；对整改中问题实行销号管理',
      '局党组成员、各党支部书记',
    ],
    [
      '2026年7月6日',
      '季度分析',
      '二季度',
      '二季度意识形态领域总体可控，处置网络舆情4起（其中重大舆情2起），开展检查抽查5次',
      '重大舆情报送时效性有待提高；个别股室工作群信息管理不规范',
      '开展舆情应对专题培训；建立工作群管理台账，实行群主负责制',
      '张建国、李明华、王志强、赵红梅、刘卫东、周文斌',
    ],
  ],
  blankRows: 3,
};

// ---------------------------------------------------------------------------------------------------
// 情况通报

const notification: SheetSpec = {
  name: '（三）情况通报',
  title: '县XX局意识形态工作台账——情况通报',
  columns: [
    { header: '通报日期', width: 14, dateFormat: fmtChinese },
    { header: '通报类型', width: 11 },
    { header: '所属期间', width: 14 },
    { header: '通报范围', width: 26 },
    { header: '文号', width: 20 },
    { header: '通报内容', width: 50 },
  ],
  rows: [
    [
      d(2026, 1, 20),
      '年度通报',
      null,
      '局机关各股室、各站所、各党支部',
      'X局党组〔2026〕2号',
      '关于2025年度意识形态工作情况的通报，总结全年工作，通报存在问题，部署2026年重点任务',
    ],
    [
      '2026/3/25',
      '专项通报',
      null,
      '局机关各股室、各站所',
      'X局办〔2026〕9号',
      '关于一季度意识形态工作检查情况的通报，通报城关管理站、河口管理所检查发现的问题及整改要求',
    ],
    [
      d(2026, 5, 20),
      '专项通报',
      null,
      '全局干部职工',
      'X局办〔2026〕17号',
      '关于“5·12”网络舆情事件处置情况的通报，通报事件经过、处置情况和舆情报送延迟问题',
    ],
    [
      d(2026, 7, 8),
      '半年通报',
      '2026年上半年',
      '局机关各股室、各站所、各党支部',
      'X局党组〔2026〕15号',
      '关于2026年上半年意识形态工作情况的通报：上半年开展专题研究3次、季度分析2次、检查抽查8次，处置网络舆情6起；通报第三党支部未按时专题汇报等问题',
    ],
  ],
  blankRows: 3,
};

// ---------------------------------------------------------------------------------------------------
// 检查抽查 (full-width sheet name)

const inspection: SheetSpec = {
  name: '４．检查抽查',
  title: '县XX局意识形态工作台账——检查抽查',
  subtitle: '检查组织：县XX局办公室　　　　　　　　　　　　检查结果报局党组',
  columns: [
    { header: '检查日期', width: 13, dateFormat: fmtSlash },
    { header: '检查类型', width: 11 },
    { header: '被检查单位', width: 13 },
    { header: '检查方式', width: 22 },
    { header: '检查人员', width: 16 },
    { header: '发现问题', width: 30 },
    { header: '整改要求', width: 30 },
    { header: '整改情况', width: 10 },
    { header: '整改期限', width: 13, dateFormat: fmtSlash },
    { header: '结果上报\n日期', width: 13, dateFormat: fmtSlash },
  ],
  rows: [
    [d(2026, 2, 5), '不定期抽查', '河口管理所', '实地检查', '周文斌', null, null, null, null, d(2026, 2, 9)],
    [
      d(2026, 3, 18),
      '定期检查',
      '城关管理站',
      '听取汇报、查阅资料、实地检查',
      '周文斌、孙丽娟',
      '意识形态学习记录不完整，部分学习缺少签到',
      '补齐学习记录，建立学习签到制度',
      '已整改',
      d(2026, 4, 30),
      d(2026, 3, 25),
    ],
    // The clerk merged 检查日期 and the report date down over the two stations inspected that day.
    [
      mergedAbove,
      '定期检查',
      '河口管理所',
      '听取汇报、查阅资料',
      '周文斌、孙丽娟',
      '宣传栏内容更新不及时，仍有2025年内容',
      '每月更新宣传阵地内容，建立审核登记制度',
      // R19: still 整改中 although the deadline 2026-06-30 has passed by 2026-07-20.
      '整改中',
      d(2026, 6, 30),
      mergedAbove,
    ],
    [
      '2026/4/15',
      '抽查',
      // D06: typo for 政策法规股; no such unit in 组织架构.
      '政策法规科',
      '查阅资料',
      '周文斌',
      null,
      null,
      null,
      null,
      '2026/4/20',
    ],
    [
      '2026.5.8',
      '抽查',
      '城关管理站',
      '查阅资料、座谈会',
      '周文斌',
      '舆情信息员未明确到人',
      '5月底前明确舆情信息员并报备',
      '已整改',
      '2026.5.31',
      '2026.5.12',
    ],
    [d(2026, 5, 21), '定期检查', '政策法规股', '听取汇报、座谈会', '李明华、周文斌', null, null, '无需整改', null, d(2026, 5, 28)],
    [
      d(2026, 6, 10),
      '定期检查',
      '办公室',
      '查阅资料',
      '王志强、孙丽娟',
      '意识形态阵地管理制度未上墙公示',
      '6月底前完成制度上墙',
      '已整改',
      d(2026, 6, 30),
      d(2026, 6, 15),
    ],
    // R06: 业务管理股 only had a 抽查 in the first half, no 定期检查.
    [
      d(2026, 6, 24),
      '抽查',
      '业务管理股',
      '实地检查、座谈会',
      '周文斌、孙丽娟',
      '股室工作群转发未经核实的政策解读信息',
      '建立工作群管理台账，落实群主审核责任',
      '整改中',
      d(2026, 8, 31),
      d(2026, 6, 29),
    ],
    [d(2026, 7, 14), '定期检查', '城关管理站', '听取汇报', '周文斌', null, null, null, null, d(2026, 7, 16)],
  ],
  blankRows: 5,
};

// ---------------------------------------------------------------------------------------------------
// 专题汇报

const branchReport: SheetSpec = {
  name: '5、专题汇报',
  title: '党总支、各支部意识形态工作专题汇报登记表',
  columns: [
    { header: '汇报单位', width: 13 },
    { header: '汇报日期', width: 14, dateFormat: fmtIso },
    { header: '所属半年', width: 14 },
    { header: '汇报形式', width: 16 },
    { header: '汇报内容', width: 46 },
    { header: '听取领导', width: 16 },
  ],
  // R09: 第三党支部 made no 专题汇报 for the first half.
  rows: [
    [
      '机关党总支',
      d(2026, 6, 12),
      '上半年',
      '综合',
      '机关党总支上半年意识形态工作总结：组织专题学习4次，开展谈心谈话32人次',
      '张建国、李明华',
    ],
    ['第一党支部', '2026年6月16日', '2026H1', '专题性情况汇报', '关于支部网络阵地和工作群管理情况的专题汇报', '李明华'],
    ['第二党支部', d(2026, 6, 19), '2026年上半年', '专题', '关于站所一线职工思想动态的专题汇报', '王志强'],
  ],
  blankRows: 4,
};

// ---------------------------------------------------------------------------------------------------
// 学习培训

const coreValuesTalk = [d(2026, 6, 5), '主题宣讲', '社会主义核心价值观主题宣讲', '赵红梅', 60, null, '全体干部职工及服务对象代表'];

const training: SheetSpec = {
  name: '学习培训',
  title: '县XX局意识形态工作台账——学习培训',
  subtitle: '填报单位：县XX局办公室',
  columns: [
    { header: '学习\n日期', width: 14, dateFormat: fmtIso },
    { header: '类型（必填）', width: 15 },
    { header: '学习主题', width: 44 },
    { header: '主讲人', width: 12 },
    { header: '参加人数', width: 9 },
    { header: '意识形态安全\n专题', width: 12 },
    { header: '参加对象', width: 26 },
  ],
  rows: [
    [d(2026, 1, 16), '中心组专题学习', '学习习近平文化思想', '张建国', 9, null, '党组理论学习中心组成员'],
    [d(2026, 2, 27), '中心组专题学习', '学习《党委（党组）意识形态工作责任制实施办法》', '李明华', 9, '√', '党组理论学习中心组成员'],
    // D02: 13月 does not exist.
    ['2026年13月1日', '教育培训', '网络舆情应对处置业务培训', '县委网信办 何志远', 38, '是', '各股室站所负责人及舆情信息员'],
    [d(2026, 3, 12), '教育培训', '全局意识形态工作业务培训', '周文斌', 46, '否', '全体干部职工'],
    ['3月20日', '教育培训', '舆情信息员业务培训', '周文斌', 12, '否', '各股室站所舆情信息员'],
    [d(2026, 3, 26), '中心组专题学习', '学习全国两会精神', '张建国', 9, '否', '党组理论学习中心组成员'],
    [d(2026, 4, 17), '主题宣讲', '“学思想、强党性”意识形态主题宣讲进站所', '李明华', 35, '是', '城关管理站、河口管理所干部职工'],
    [
      d(2026, 4, 28),
      '中心组专题学习',
      '维护意识形态安全专题学习：学习《国家安全法》《网络安全法》相关内容',
      '张建国',
      9,
      '是',
      '党组理论学习中心组成员',
    ],
    [d(2026, 5, 15), '教育培训', '保密和意识形态安全教育培训', '孙丽娟', 42, '是', '全体干部职工'],
    [d(2026, 5, 29), '中心组专题学习', '学习习近平总书记关于网络强国的重要思想', '王志强', 9, '否', '党组理论学习中心组成员'],
    coreValuesTalk,
    // D08: the same 主题宣讲 entered twice.
    [...coreValuesTalk],
    [d(2026, 6, 26), '中心组专题学习', '学习党的创新理论最新成果', '张建国', 9, null, '党组理论学习中心组成员'],
    ['2026/7/3', '主题宣讲', '庆祝建党105周年“七一”主题宣讲', '马建军', 28, '是', '第二党支部全体党员'],
    [d(2026, 7, 10), '教育培训', '新入职人员意识形态教育', '周文斌', 6, '√', '2026年新入职人员'],
  ],
  blankRows: 5,
};

// ---------------------------------------------------------------------------------------------------
// 讲座论坛

const lecture: SheetSpec = {
  name: '讲座论坛',
  title: '讲座、报告、论坛登记审批表',
  columns: [
    { header: '活动名称', width: 28 },
    { header: '活动类型', width: 10 },
    { header: '报告人', width: 20 },
    { header: '主办单位', width: 13 },
    { header: '登记日期', width: 13, dateFormat: fmtIso },
    { header: '审批日期', width: 13, dateFormat: fmtIso },
    { header: '审批结果', width: 10 },
    { header: '审批人', width: 9 },
    { header: '活动日期', width: 13, dateFormat: fmtIso },
  ],
  rows: [
    ['“法治政府建设”专题讲座', '讲座', '县委党校 林国平', '政策法规股', d(2026, 3, 2), d(2026, 3, 4), '同意', '张建国', d(2026, 3, 10)],
    ['网络安全与舆情应对报告会', '报告会', '县委网信办 何志远', '办公室', d(2026, 4, 20), d(2026, 4, 22), '同意', '张建国', d(2026, 5, 6)],
    // R14: approved on 6月10日, two days after the 研讨会 took place on 6月8日.
    ['基层治理工作研讨会', '研讨会', '市XX局 高志明', '业务管理股', d(2026, 5, 25), d(2026, 6, 10), '同意', '李明华', d(2026, 6, 8)],
    ['青年干部读书论坛', '论坛', '孙丽娟', '第一党支部', d(2026, 6, 15), d(2026, 6, 17), '同意', '李明华', d(2026, 6, 24)],
    ['中华优秀传统文化讲座', '讲座', '县文化馆 唐秀云', '机关党总支', '2026年7月1日', '2026年7月2日', '同意', '张建国', '2026年7月8日'],
  ],
  blankRows: 3,
};

// ---------------------------------------------------------------------------------------------------
// 舆情处置

const opinion: SheetSpec = {
  name: '舆情处置',
  title: '县XX局网络舆情处置登记表',
  columns: [
    { header: '事件名称', width: 32 },
    { header: '是否重大', width: 9 },
    { header: '发现时间', width: 19, dateFormat: fmtDateTime },
    { header: '研判时间', width: 19, dateFormat: fmtDateTime },
    { header: '报送时间', width: 19, dateFormat: fmtDateTime },
    { header: '处置时间', width: 19, dateFormat: fmtDateTime },
    { header: '处置措施', width: 32 },
    { header: '处置结果', width: 24 },
    { header: '责任人', width: 9 },
  ],
  rows: [
    [
      '网民在本地论坛反映城关管理站窗口服务态度问题',
      '否',
      dt(2026, 2, 14, 10, 20),
      dt(2026, 2, 14, 11, 5),
      dt(2026, 2, 14, 12, 30),
      dt(2026, 2, 15, 9, 0),
      '核实情况，站所负责人联系当事人沟通解释，在论坛回复处理结果',
      '当事人表示满意，帖子已沉底',
      '马建军',
    ],
    [
      '微信群转发涉业务政策误读信息',
      '否',
      '2026年3月8日8时15分',
      '2026年3月8日9时00分',
      '2026年3月8日10时30分',
      '2026年3月8日16时20分',
      '联系群主删除信息，在政务公众号发布政策解读',
      '误读信息已删除，未进一步扩散',
      '孙丽娟',
    ],
    [
      '政务新媒体评论区负面留言',
      '否',
      dt(2026, 4, 3, 15, 40),
      dt(2026, 4, 3, 16, 30),
      dt(2026, 4, 3, 17, 10),
      dt(2026, 4, 4, 10, 0),
      '按规定回复留言，说明办理进度',
      '留言人已收到答复',
      '周文斌',
    ],
    // R16 (error, 重大): reported at 14:30, five hours after discovery at 09:30; the limit is 4 hours.
    [
      '“5·12”短视频平台不实信息传播事件',
      '是',
      '2026-05-12 09:30',
      '2026-05-12 10:40',
      '2026年5月12日14时30分',
      '2026-05-12 18:00',
      '研判后报送县委网信办，联系平台下架不实视频，官方账号发布澄清说明',
      '不实视频已下架，澄清说明阅读量1.2万',
      '李明华',
    ],
    [
      '河口管理所项目相关网络投诉',
      '否',
      '2026/6/2 9:10',
      '2026/6/2 10:00',
      '2026/6/2 11:30',
      '2026/6/2 17:45',
      '河口管理所核实情况并通过12345平台答复',
      '投诉人接受处理意见',
      '杨春生',
    ],
    [
      '网络出现涉本系统历史虚无主义错误言论',
      '是',
      dt(2026, 6, 20, 20, 15),
      dt(2026, 6, 20, 21, 30),
      dt(2026, 6, 20, 23, 40),
      dt(2026, 6, 21, 11, 0),
      '第一时间报送县委网信办，协调平台处置，组织评论引导',
      '相关言论已删除，未形成热点',
      '李明华',
    ],
    [
      '本局办事指南被误传为收费通知',
      '否',
      '7月11日 10:00',
      '7月11日11时',
      '7月11日12时30分',
      '7月11日17时',
      '在政务公众号发布辟谣说明，告知各站所窗口做好解释',
      '误传信息得到澄清',
      '周文斌',
    ],
  ],
  blankRows: 3,
};

// ---------------------------------------------------------------------------------------------------
// 述职评议

const review: SheetSpec = {
  name: '述职评议',
  title: '县XX局意识形态工作台账——述职评议',
  columns: [
    { header: '日期', width: 14, dateFormat: fmtChinese },
    { header: '类型', width: 12 },
    { header: '单位或个人', width: 16 },
    { header: '含意识形态\n内容', width: 11 },
    { header: '评议结果', width: 50 },
  ],
  rows: [
    [d(2026, 1, 28), '民主生活会', '县XX局党组', '是', '党组班子2025年度民主生活会，对照检查意识形态工作责任制落实情况，查摆问题5条'],
    [d(2026, 1, 22), '述职报告', '机关党总支', '是', '党总支书记抓基层党建工作述职，意识形态工作作为重要内容，评议等次“好”'],
    [mergedAbove, '述职报告', '第一党支部', '是', '支部书记述职，评议等次“好”'],
    [mergedAbove, '述职报告', '第二党支部', '是', '支部书记述职，评议等次“较好”'],
    [mergedAbove, '述职报告', '第三党支部', '否', '支部书记述职，未涉及意识形态工作，已要求下次述职补充'],
    [d(2026, 2, 10), '组织生活会', '机关党总支', '是', '开展批评与自我批评，党员民主评议优秀率85%'],
    [d(2026, 2, 11), '组织生活会', '第一党支部', '是', '查摆意识形态方面问题3条并制定整改措施'],
    [d(2026, 2, 12), '组织生活会', '第二党支部', '是', '查摆意识形态方面问题2条并制定整改措施'],
    [d(2026, 2, 13), '组织生活会', '第三党支部', '√', '结合退休党员实际开展评议'],
    [d(2026, 3, 6), '干部考核', '局机关全体干部', '是', '2025年度干部考核，将意识形态工作责任制落实情况纳入考核内容，占比10%'],
  ],
  blankRows: 3,
};

// ---------------------------------------------------------------------------------------------------
// 问责追究

const accountability: SheetSpec = {
  name: '问责追究',
  title: '意识形态工作问责追究登记表',
  columns: [
    { header: '日期', width: 14, dateFormat: fmtIso },
    { header: '被问责对象', width: 12 },
    { header: '所在单位', width: 13 },
    { header: '问责事由', width: 40 },
    { header: '处理方式', width: 26 },
    { header: '依据', width: 36 },
  ],
  rows: [
    [
      d(2026, 6, 30),
      '吴某某',
      '业务管理股',
      '未经审核在工作群转发涉业务政策的不实解读信息，造成不良影响',
      '批评教育，责令作出书面检查',
      '《党委（党组）意识形态工作责任制实施办法》第九条',
    ],
  ],
  blankRows: 3,
};

// ---------------------------------------------------------------------------------------------------

const wb = new ExcelJS.Workbook();
wb.creator = '县XX局办公室';
wb.lastModifiedBy = '县XX局办公室';
wb.created = d(2026, 1, 5);
wb.modified = d(2026, 7, 16);
for (const spec of [
  settings,
  organization,
  research,
  analysis,
  notification,
  inspection,
  branchReport,
  training,
  lecture,
  opinion,
  review,
  accountability,
]) {
  addSheet(wb, spec);
}

const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
// exceljs (through JSZip) stamps every zip entry with the current time; restamp them with a fixed one.
// A local-time date, because zip entry times are local wall-clock times.
const entries = unzipSync(bytes);
const stable = zipSync(entries, { level: 6, mtime: new Date(2026, 6, 16, 12, 0, 0) });
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, stable);
console.log(`已生成 ${outFile}`);
