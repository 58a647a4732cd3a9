import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../ledger/model';
import { readDateText } from '../../ledger/values/dateText';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import {
  addColumn,
  allPlaced,
  ofRules,
  renameHeader,
  renameSheets,
  ruleStatus,
  setCell,
  setSetting,
  withoutSheet,
} from '../helpers/ledgerCases';
import { validateLedger, type TestLedger } from '../helpers/ledgerWorkbook';

/** Sheets found by meaning, headers read past their hints, and the four mapping settings (issue 13). */
const recordData = (result: ValidationResult) =>
  Object.fromEntries(Object.entries(result.ledger.records).map(([k, v]) => [k, v.map((r) => r.data)]));
/** Findings with the sheet named by its place in the workbook, so renamed sheets compare. */
const findingsBySheetOrder = (ledger: TestLedger, result: ValidationResult) => {
  const order = Object.keys(ledger);
  return result.findings.map((f) => `${f.rule} ${f.severity} #${order.indexOf(f.sheet)}!${f.cell} ${f.field ?? ''}`);
};

describe('sheets found by meaning', () => {
  it('drops the ordinal and register words, and recognises a topic by its words', async () => {
    const renamed = renameSheets(compliantLedger(), {
      专题研究: '1.会议记录台账',
      分析研判: '3.意识形态分析研判',
      检查抽查: '6.督查检查台账',
      学习培训: '2.学习培训台账',
      讲座论坛: '5.讲座论坛报告会审批登记表',
      舆情处置: '4.网络舆情处置台账',
      述职评议: '述职评议情况表',
      问责追究: '问责追究一览表',
    });
    const result = await validateLedger(renamed, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.sheets.opinion?.name).toBe('4.网络舆情处置台账');
  });

  it('reports a sheet that fits two topics with both candidates, and 表名映射 settles it', async () => {
    const ledger = renameSheets(compliantLedger(), { 舆情处置: '舆情分析研判' });
    const result = await validateLedger(withoutSheet(ledger, '分析研判'), yearClosed);
    const missing = ofRules(result, 'S01').map((f) => f.message);
    expect(missing.some((m) => m.includes('“分析研判”') && m.includes('是否为“舆情分析研判”'))).toBe(true);
    expect(missing.some((m) => m.includes('“舆情处置”') && m.includes('表名映射：舆情处置=舆情分析研判'))).toBe(true);

    setSetting(ledger, '表名映射', '舆情处置=舆情分析研判');
    const mapped = await validateLedger(ledger, yearClosed);
    expect(mapped.findings).toEqual([]);
    expect(mapped.ledger.sheets.opinion?.name).toBe('舆情分析研判');
  });

  it('reports an unreadable 表名映射 entry at its cell', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '表名映射', '会议记录=1.会议');
    expect(allPlaced(await validateLedger(ledger, yearClosed))).toEqual(['D03 error 基本信息!B8']);
  });
});

describe('headers read as registers write them', () => {
  it('strips hints in brackets or after a line break, and matches an unambiguous containment', async () => {
    const ledger = compliantLedger();
    renameHeader(ledger, '专题研究', '会议日期', '会议召开时间（年月日）');
    renameHeader(ledger, '舆情处置', '发现时间', '发现时间\n（××月××日××时××分）');
    renameHeader(ledger, '舆情处置', '事件名称', '舆情标题');
    renameHeader(ledger, '学习培训', '主题', '学习内容');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(recordData(result)).toEqual(recordData(await validateLedger(compliantLedger(), yearClosed)));
  });
});

describe('values as clerks write them', () => {
  it('舆情性质 一般/较大/重大 reads as 是否重大, and 值映射 maps the bureau’s own words', async () => {
    const ledger = compliantLedger();
    renameHeader(ledger, '舆情处置', '是否重大', '舆情性质');
    ledger.舆情处置.rows.forEach((row, i) => setCell(ledger, '舆情处置', i, '舆情性质', row[1] === '是' ? '重大' : '一般'));
    const builtIn = await validateLedger(ledger, yearClosed);
    expect(builtIn.findings).toEqual([]);
    expect(recordData(builtIn).opinion).toEqual(recordData(await validateLedger(compliantLedger(), yearClosed)).opinion);

    ledger.舆情处置.rows.forEach((row, i) => setCell(ledger, '舆情处置', i, '舆情性质', row[1] === '重大' ? '严重' : '轻微'));
    expect(ofRules(await validateLedger(ledger, yearClosed), 'D03').length).toBeGreaterThan(0);
    setSetting(ledger, '值映射', '舆情处置.是否重大：严重=是；轻微=否');
    expect((await validateLedger(ledger, yearClosed)).findings).toEqual([]);
  });

  it('—, / and 无 in an optional cell mean empty', async () => {
    const ledger = compliantLedger();
    addColumn(ledger, '专题研究', '形成决议', ['—', '/']);
    addColumn(ledger, '检查抽查', '整改要求', ['无']);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.research.map((r) => r.data.形成决议)).toEqual([undefined, undefined]);
  });

  it('reads month.day, weekdays, parts of the day, day ranges and spans', () => {
    const day = (text: string) => {
      const read = readDateText(text, 2026);
      if (!read.ok) return read.reason;
      return read.value.kind === 'span'
        ? `${read.value.first}..${read.value.last}`
        : `${read.value.date.toString()}${read.value.time ? ` ${read.value.time.toString()}` : ''}`;
    };
    expect(day('6.18')).toBe('2026-06-18');
    expect(day('2.26')).toBe('2026-02-26');
    expect(day('4.22（周五）')).toBe('2026-04-22');
    expect(day('4月17日上午')).toBe('2026-04-17');
    expect(day('2026年5月6日下午3点')).toBe('2026-05-06 15:00:00');
    expect(day('3月18日-19日')).toBe('2026-03-18');
    expect(day('2026.3.18-19')).toBe('2026-03-18');
    expect(day('2026-03-05')).toBe('2026-03-05');
    expect(day('3月下旬')).toBe('2026-03-21..2026-03-31');
    expect(day('4月底前')).toBe('2026-04-01..2026-04-30');
    expect(day('第二季度')).toBe('2026-04-01..2026-06-30');
    expect(day('上半年')).toBe('2026-01-01..2026-06-30');
    expect(day('全年')).toBe('2026-01-01..2026-12-31');
    expect(day('13.40')).toMatch(/不是/u);
  });

  it('a span counts for its period, with an info, but never for a rule that needs the day', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '专题研究', 0, '会议日期', '3月上旬');
    setCell(ledger, '讲座论坛', 0, '活动日期', '5月下旬');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D02 info 专题研究!A2', 'D02 info 讲座论坛!G2']);
    expect(ruleStatus(result, 'R01').status).toBe('达标');
    expect(ruleStatus(result, 'R14')).toMatchObject({ required: 0, actual: 0 });
  });
});

describe('a quarter’s register in which one kind of work was done', () => {
  it('reads its rows by the one topic its 事项 cells name, and leaves other work 未能归类', async () => {
    // Name and title say nothing of a topic, its columns fit none, and its category cells name 学习培训 only.
    const ledger: TestLedger = {
      ...withoutSheet(compliantLedger(), '学习培训'),
      '2、一季度': {
        above: ['县测试局2026年第一季度意识形态工作台账'],
        headers: ['序号', '事项', '工作事项', '落实时间', '参加人员（范围）', '主要内容及成效', '责任领导', '责任股室', '佐证材料'],
        rows: [
          [1, '中心组学习', '学习《中国共产党宣传工作条例》', '2026年1月6日', '中心组成员', '参加11人', '吴晓东', '办公室', '照片'],
          [2, null, '学习党的创新理论', '2026.2.27', '中心组成员', '参加7人', '吴晓东', '办公室', '照片'],
          [3, null, '学习党的创新理论', '2026.3.16', '中心组成员', '参加10人', '吴晓东', '办公室', '学习记录'],
          [4, '网评员队伍', '组织网评员培训会', '2026年3月20日'],
        ],
        merges: ['B3:B5'],
      },
    };
    const result = await validateLedger(ledger, yearClosed);
    expect(result.ledger.records.training.map((r) => [r.sheet, r.row])).toEqual([
      ['2、一季度', 3],
      ['2、一季度', 4],
      ['2、一季度', 5],
    ]);
    expect(result.ledger.account.find((a) => a.sheet === '2、一季度')).toMatchObject({ records: 3, unplaced: 1, unplacedRows: [6] });
    expect(result.findings.filter((f) => f.rule === 'S01' && f.message.includes('2、一季度'))).toEqual([]);
  });
});

describe('类别映射 in a combined register', () => {
  const register = (): TestLedger => ({
    意识形态工作台账: {
      above: ['县测试局2026年意识形态工作台账'],
      headers: ['序号', '工作类别', '工作事项', '落实时间', '主要内容及成效'],
      rows: [
        [1, '工作部署', '党组会研究意识形态工作', '3月10日', '研究全年工作'],
        [2, null, '党组会研究阵地管理', '9月10日', '研究阵地管理'],
      ],
      merges: ['B3:B4'],
    },
  });

  it('rows of a category no topic word names are listed once; 类别映射 makes them a topic', async () => {
    const result = await validateLedger(register(), yearClosed);
    expect(ofRules(result, 'D03').map((f) => `${f.severity} ${f.cell}`)).toEqual(['info B3']);
    expect(ofRules(result, 'D03')[0].message).toContain('类别“工作部署”（第3、4行）');
    expect(ruleStatus(result, 'R01').status).toBe('无法判断');

    const mapped = {
      ...register(),
      基本信息: {
        headers: ['项目', '内容'],
        rows: [
          ['台账年度', 2026],
          ['类别映射', '专题研究=工作部署'],
        ],
      },
    };
    const judged = await validateLedger(mapped, yearClosed);
    expect(judged.ledger.records.research.map((r) => [r.row, r.data.会议日期])).toEqual([
      [3, '2026-03-10'],
      [4, '2026-09-10'],
    ]);
    expect(ruleStatus(judged, 'R01').status).toBe('达标');

    // Written once at the top of its rows rather than merged: the category still holds for the rows below.
    const unmerged = { ...mapped, 意识形态工作台账: { ...register().意识形态工作台账, merges: [] } };
    const carried = await validateLedger(unmerged, yearClosed);
    expect(carried.ledger.records.research.map((r) => r.row)).toEqual([3, 4]);
    expect(carried.findings).toEqual(judged.findings);
  });
});

describe('property: naming changes no finding', () => {
  const ordinals = ['1.', '2、', '三、', '（四）', '(5)', ''];
  const registerWords = ['台账', '登记表', '记录表', '情况表', '一览表', '统计表', '登记簿', ''];
  const sheets = ['专题研究', '分析研判', '情况通报', '检查抽查', '专题汇报', '学习培训', '讲座论坛', '舆情处置', '述职评议', '问责追究'];
  let reference: Promise<ValidationResult> | undefined;

  it('renaming a sheet with an ordinal and a register word', async () => {
    reference ??= validateLedger(compliantLedger(), '2026-07-20');
    const base = await reference;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sheets),
        fc.constantFrom(...ordinals),
        fc.constantFrom(...registerWords),
        async (sheet, ordinal, word) => {
          const original = compliantLedger();
          const renamed = renameSheets(original, { [sheet]: `${ordinal}${sheet}${word}` });
          const result = await validateLedger(renamed, '2026-07-20');
          expect(findingsBySheetOrder(renamed, result)).toEqual(findingsBySheetOrder(original, base));
          expect(result.rules).toEqual(base.rules);
        },
      ),
      { numRuns: 12, seed: 13 },
    );
  });

  it('giving a header a filling hint', async () => {
    reference ??= validateLedger(compliantLedger(), '2026-07-20');
    const base = await reference;
    const headers = Object.entries(compliantLedger())
      .filter(([name]) => name !== '基本信息')
      .flatMap(([name, sheet]) => sheet.headers.map((h) => [name, h] as const));
    const hints = ['（年月日）', '\n（××月××日）', '(必填)', '（填写全称）', '\n填写说明：如实填写'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...headers), fc.constantFrom(...hints), async ([sheet, header], hint) => {
        const ledger = compliantLedger();
        renameHeader(ledger, sheet, header, `${header}${hint}`);
        const result = await validateLedger(ledger, '2026-07-20');
        expect(result.findings).toEqual(base.findings);
        expect(result.rules).toEqual(base.rules);
      }),
      { numRuns: 12, seed: 13 },
    );
  });
});
