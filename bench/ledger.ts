import ExcelJS from 'exceljs';

/**
 * A big, plausible ledger for the benchmark: 组织架构 of a county bureau and the records of a year spread
 * over every record sheet, with a merged title row above each header, text of the lengths clerks type,
 * real dates and dates typed as text, and about 2% of rows carrying one of the faults real ledgers have.
 * It is written with exceljs's streaming writer (shared strings and styles, as Excel saves them), and
 * the same record count and seed always give the same workbook.
 */
export const benchYear = 2026;
/** The year is over: every period is due, so every period rule really runs. */
export const benchAsOf = '2027-01-20';

/** Share of the records each sheet gets, in percent. */
const shares: Array<[string, number]> = [
  ['专题研究', 8],
  ['分析研判', 8],
  ['情况通报', 6],
  ['检查抽查', 20],
  ['专题汇报', 8],
  ['学习培训', 18],
  ['讲座论坛', 8],
  ['舆情处置', 10],
  ['述职评议', 10],
  ['问责追究', 4],
];

type Cell = string | number | Date | null;

/** mulberry32: small, fast and the same everywhere, so a seed names one ledger (or one test's draw). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const phrases = [
  '深入学习贯彻习近平新时代中国特色社会主义思想',
  '认真落实意识形态工作责任制',
  '研究部署本局意识形态领域重点工作',
  '加强网络意识形态阵地建设和管理',
  '及时研判处置涉及本系统的网络舆情',
  '严格落实讲座论坛报告会审批登记制度',
  '扎实开展理论学习中心组专题学习',
  '督促各股室站所履行一岗双责',
  '组织党员干部开展主题宣讲活动',
  '对检查发现的问题建立台账限期整改',
  '把意识形态工作纳入党建工作责任制考核',
  '强化宣传思想文化阵地的日常监管',
];
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const givenNames = ['建国', '明华', '志强', '丽娟', '海涛', '秀英', '国庆', '晓东', '文静', '立新', '红梅', '俊杰'];

class Writer {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = random(seed);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  person(): string {
    return this.pick([...surnames]) + this.pick(givenNames);
  }
  /** Text of about `min`–`max` characters, numbered so that records differ. */
  text(min: number, max: number, n: number): string {
    const length = min + Math.floor(this.next() * (max - min));
    let text = '';
    while (text.length < length) text += `${this.pick(phrases)}，`;
    return `${text.slice(0, length)}（${n}）`;
  }
  day(from = 0, to = 364): Date {
    return new Date(Date.UTC(benchYear, 0, 1 + from + Math.floor(this.next() * (to - from))));
  }
  hours(date: Date, hours: number): Date {
    return new Date(date.getTime() + hours * 3_600_000);
  }
  /** One row in fifty has a fault. */
  faulty(): boolean {
    return this.next() < 0.02;
  }
}

const dateFormat = 'yyyy-mm-dd';
const dateTimeFormat = 'yyyy-mm-dd hh:mm';
const chineseDay = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
const quarterOf = (d: Date) => `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
const halfOf = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() < 6 ? '上' : '下'}半年`;

interface Unit {
  name: string;
  type: '股室' | '站所' | '党总支' | '党支部';
}

/** A county bureau's units: their number does not grow with the records, as in a real ledger. */
const units: Unit[] = Array.from({ length: 24 }, (_, i): Unit => {
  const kind = i % 4;
  if (kind === 0) return { name: `第${i + 1}业务股`, type: '股室' };
  if (kind === 1) return { name: `第${i + 1}管理站`, type: '站所' };
  if (kind === 2) return { name: `第${i + 1}党支部`, type: '党支部' };
  return { name: i === 3 ? '机关党总支' : `第${i + 1}股室`, type: i === 3 ? '党总支' : '股室' };
});

interface SheetPlan {
  headers: string[];
  /** Columns holding a date-time (the rest of the Date cells are dates). */
  dateTimes?: number[];
  row(w: Writer, n: number, units: Unit[]): Cell[];
}

/** A date cell, sometimes typed as text the way clerks do, sometimes broken when the row is faulty. */
function dateCell(w: Writer, d: Date, fault: boolean): Cell {
  if (fault) return w.pick(['2026年13月1日', '去年', String(46000 + Math.floor(w.next() * 300))]);
  return w.next() < 0.15 ? chineseDay(d) : d;
}

const plans: Record<string, SheetPlan> = {
  专题研究: {
    headers: ['序号', '会议日期', '会议名称', '主持人', '研究内容', '形成决议', '记录人', '佐证材料'],
    row: (w, n) => {
      const fault = w.faulty();
      return [
        n,
        dateCell(w, w.day(), fault),
        w.pick(['党组会议', '党组理论学习中心组会议', '局务会议']),
        w.person(),
        w.text(30, 120, n),
        w.text(20, 80, n),
        w.person(),
        `会议纪要第${n}期`,
      ];
    },
  },
  分析研判: {
    headers: ['序号', '分析日期', '分析类型', '所属期间', '主要情况', '倾向性问题', '应对措施', '参加人员'],
    row: (w, n) => {
      const d = w.day();
      const fault = w.faulty();
      const type = fault ? '月度分析' : w.pick(['季度分析', '季度分析', '综合分析', '专项研判']);
      return [
        n,
        d,
        type,
        type === '季度分析' ? quarterOf(d) : '',
        w.text(80, 300, n),
        w.text(30, 120, n),
        w.text(30, 150, n),
        `${w.person()}、${w.person()}、${w.person()}`,
      ];
    },
  },
  情况通报: {
    headers: ['序号', '通报日期', '通报类型', '所属期间', '通报范围', '文号', '通报内容'],
    row: (w, n) => {
      const d = w.day();
      const type = w.pick(['半年通报', '年度通报', '专项通报']);
      return [n, d, type, type === '半年通报' ? halfOf(d) : '', '全局党员干部', `X局发〔2026〕${n}号`, w.text(60, 240, n)];
    },
  },
  检查抽查: {
    headers: [
      '序号',
      '检查日期',
      '检查类型',
      '被检查单位',
      '检查方式',
      '检查人',
      '发现问题',
      '整改要求',
      '整改情况',
      '整改期限',
      '上报党组日期',
    ],
    row: (w, n, units) => {
      const d = w.day(0, 350);
      const fault = w.faulty();
      const unit = fault ? `不存在的第${n}股` : w.pick(units.filter((u) => u.type === '股室' || u.type === '站所')).name;
      const problem = w.next() < 0.4;
      return [
        n,
        d,
        w.pick(['定期检查', '定期检查', '抽查']),
        unit,
        w.pick(['听取汇报、查阅资料', '实地检查', '座谈会，查阅资料']),
        `${w.person()}、${w.person()}`,
        problem ? w.text(20, 80, n) : '',
        problem ? w.text(20, 60, n) : '',
        problem ? w.pick(['已整改', '已整改', '整改中']) : '',
        problem ? w.hours(d, 24 * 30) : null,
        w.hours(d, 24 * 3),
      ];
    },
  },
  专题汇报: {
    headers: ['序号', '汇报单位', '汇报日期', '所属半年', '汇报形式', '汇报内容', '听取人'],
    row: (w, n, units) => {
      const d = w.day();
      return [
        n,
        w.pick(units.filter((u) => u.type === '党支部' || u.type === '党总支')).name,
        d,
        halfOf(d),
        w.pick(['综合性工作总结', '专题性情况汇报']),
        w.text(40, 200, n),
        w.person(),
      ];
    },
  },
  学习培训: {
    headers: ['序号', '日期', '类型', '主题', '主讲人', '参加人数', '意识形态安全专题', '参加对象'],
    row: (w, n) => {
      const fault = w.faulty();
      return [
        n,
        dateCell(w, w.day(), fault),
        w.pick(['中心组专题学习', '主题宣讲', '教育培训']),
        w.text(12, 40, n),
        w.person(),
        fault ? '约三十人' : 10 + Math.floor(w.next() * 90),
        w.pick(['是', '否', '']),
        '全体党员干部',
      ];
    },
  },
  讲座论坛: {
    headers: ['序号', '活动名称', '活动类型', '主讲人', '主办单位', '登记日期', '审批日期', '审批结果', '审批人', '活动日期'],
    row: (w, n) => {
      const d = w.day(10, 360);
      return [
        n,
        w.text(10, 30, n),
        w.pick(['讲座', '报告会', '论坛', '研讨会']),
        w.person(),
        '县XX局办公室',
        w.hours(d, -24 * 9),
        w.hours(d, -24 * (w.faulty() ? 0 : 5)),
        '同意',
        w.person(),
        d,
      ];
    },
  },
  舆情处置: {
    headers: ['序号', '事件名称', '是否重大', '发现时间', '研判时间', '报送时间', '处置时间', '处置措施', '处置结果', '责任人'],
    dateTimes: [3, 4, 5, 6],
    row: (w, n) => {
      const found = w.hours(w.day(), 8 + Math.floor(w.next() * 10));
      const late = w.faulty() ? 6 : 0;
      return [
        n,
        w.text(10, 40, n),
        w.pick(['是', '否', '否', '否']),
        found,
        w.hours(found, 1),
        w.hours(found, 2 + late),
        w.hours(found, 20),
        w.text(30, 120, n),
        w.text(10, 60, n),
        w.person(),
      ];
    },
  },
  述职评议: {
    headers: ['序号', '日期', '类型', '对象', '含意识形态内容', '评议结果'],
    row: (w, n, units) => [
      n,
      w.day(),
      w.pick(['民主生活会', '组织生活会', '述职报告', '干部考核']),
      w.pick(units).name,
      w.pick(['是', '是', '√', '否']),
      w.text(10, 60, n),
    ],
  },
  问责追究: {
    headers: ['序号', '日期', '被问责对象', '所在单位', '问责事由', '处理方式', '依据'],
    row: (w, n, units) => [
      n,
      w.day(),
      w.person(),
      w.pick(units).name,
      w.text(30, 120, n),
      w.pick(['诫勉谈话', '通报批评', '责令检查']),
      '《党委（党组）意识形态工作责任制实施办法》',
    ],
  },
};

type StreamSheet = ExcelJS.Worksheet & { commit(): void };

function addTitle(ws: StreamSheet, title: string, width: number): void {
  ws.mergeCells(1, 1, 1, width);
  ws.addRow([`县XX局意识形态工作台账——${title}`]).commit();
}

function addRow(ws: StreamSheet, values: Cell[], dateTimes: readonly number[] = []): void {
  const row = ws.addRow(values);
  values.forEach((v, i) => {
    if (v instanceof Date) row.getCell(i + 1).numFmt = dateTimes.includes(i) ? dateTimeFormat : dateFormat;
  });
  row.commit();
}

/** Writes a ledger of `records` records (组织架构's units included) to `path`. */
export async function writeBenchLedger(path: string, records: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const w = new Writer(records);

  const settings = workbook.addWorksheet('基本信息') as StreamSheet;
  const settingRows: Cell[][] = [
    ['项目', '内容'],
    ['单位名称', '县XX局'],
    ['台账年度', benchYear],
    ['党组书记', '张建国'],
    ['分管领导', '李明华'],
    ['责任部室', '办公室'],
    ['党组成员', '张建国、李明华、王志强'],
    ['定期检查周期', '半年'],
  ];
  for (const row of settingRows) addRow(settings, row);
  settings.commit();

  const organization = workbook.addWorksheet('组织架构') as StreamSheet;
  addTitle(organization, '组织架构', 5);
  addRow(organization, ['单位名称', '单位类型', '负责人', '意识形态责任人', '分管领导']);
  for (const unit of units) addRow(organization, [unit.name, unit.type, w.person(), w.person(), w.pick(['李明华', '王志强'])]);
  organization.commit();

  const rest = records - units.length;
  for (const [title, share] of shares) {
    const plan = plans[title];
    const ws = workbook.addWorksheet(title) as StreamSheet;
    addTitle(ws, title, plan.headers.length);
    addRow(ws, plan.headers);
    const count = Math.max(1, Math.round((rest * share) / 100));
    for (let n = 1; n <= count; n++) addRow(ws, plan.row(w, n, units), plan.dateTimes);
    ws.commit();
  }
  await workbook.commit();
}
