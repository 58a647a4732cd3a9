import fc from 'fast-check';
import { readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMap } from '../../generator/map/run';
import { LedgerReadError } from '../../ledger/errors';
import { mappingKeys } from '../../ledger/normalise/mappings';
import { isPasteReady, mapWorkbook, pasteEntries, type LedgerMap } from '../../ledger/normalise/suggest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addColumn, addRow, removeColumn, renameHeader, renameSheets, setCell, setSetting, withoutSheet } from '../helpers/ledgerCases';
import { day, moment, validateLedger, writeLedger, type TestLedger } from '../helpers/ledgerWorkbook';
import { pasted, pasteReadyLines, topicsWithRecords, validateFile, worsened } from '../helpers/pasteMap';

/** `taizhang map`: what was recognised, and mapping lines that, pasted into 基本信息, make the rest read. */
const mapOf = async (ledger: TestLedger) => mapWorkbook(await readWorkbookFile(await writeLedger(ledger)), 2026);
/** The paste-ready lines, as `map` prints them to copy. */
const lines = (map: LedgerMap) => mappingKeys.flatMap((key) => pasteEntries(map.suggestions, key).map((entry) => `${key} ${entry}`));
/** The questions: what the clerk is asked, never a line to paste. */
const questions = (map: LedgerMap) => map.suggestions.filter((s) => !isPasteReady(s));

/** A bureau's ledger that the reader cannot place without help. */
function bureauLedger(): TestLedger {
  const ledger = renameSheets(compliantLedger(), { 舆情处置: '舆情分析研判', 专题研究: '工作记录', 分析研判: '形势研判' });
  renameHeader(ledger, '形势研判', '分析日期', '开会日');
  renameHeader(ledger, '舆情分析研判', '是否重大', '舆情性质');
  setCell(ledger, '舆情分析研判', 0, '舆情性质', '严重');
  addRow(ledger, '舆情分析研判', {
    事件名称: '网络投诉',
    舆情性质: '轻微',
    发现时间: moment('2026-06-02T09:00'),
    处置时间: moment('2026-06-02T15:00'),
  });
  return ledger;
}

describe('taizhang map', () => {
  it('says what it recognised and why, and guesses the mapping lines from headers and contents', async () => {
    const map = await mapOf(bureauLedger());
    expect(lines(map)).toEqual([
      '表名映射 舆情处置=舆情分析研判',
      '列名映射 分析研判.分析日期=开会日',
      '值映射 舆情处置.是否重大：严重=是；轻微=否',
    ]);
    const text = renderMap(map);
    expect(text).toContain('工作表“形势研判” → 分析研判（名称含“研判”）');
    expect(text).toContain('列“主要情况” → 主要情况（列名相同）');
    expect(text).toContain(
      '工作表“舆情分析研判” → 舆情处置（名称含“分析研判”“舆情”，可能是“分析研判”或“舆情处置”；按下面建议的表名映射读取）',
    );
    // A sheet whose name says nothing is read by its columns when they are one topic's (issue 19 §3).
    expect(text).toContain('工作表“工作记录” → 专题研究（表头含“会议日期”“会议名称”“主持人”');
    expect(text).toContain('表名映射\t舆情处置=舆情分析研判');
    expect(text).toContain('值映射\t舆情处置.是否重大：严重=是；轻微=否');
    // Every line says how sure it is and what it rests on.
    expect(text).toContain(
      '# 分析研判.分析日期=开会日（把握高）依据：该列 5 个值均为日期，且这是表中唯一未对应的日期列、“分析日期”是该类唯一的日期栏目',
    );
    expect(map.suggestions.every((s) => s.why.startsWith('依据：') && s.sure >= 0 && s.sure <= 1)).toBe(true);
    expect(questions(map)).toEqual([]);
  });

  it('asks, and gives no line to paste, where a column’s content or name could mean something else', async () => {
    // A date column of unknown meaning, where 讲座论坛 has three date fields: not its 审批日期.
    const lecture = compliantLedger();
    removeColumn(lecture, '讲座论坛', '审批日期');
    addColumn(lecture, '讲座论坛', '填报日期', [day('2026-04-20')]);
    const asked = await mapOf(lecture);
    expect(lines(asked)).toEqual([]);
    expect(questions(asked).map((q) => q.question)).toEqual(['“讲座论坛”的“填报日期”列是“审批日期”吗？']);
    expect(renderMap(asked)).toContain('【请核对】');
    expect(renderMap(asked)).toContain('如是，添加：列名映射\t讲座论坛.审批日期=填报日期');
    expect(renderMap(asked)).not.toMatch(/^列名映射\t/mu);

    // A column of periods is never a unit, however like its name (汇报期间 ~ 汇报单位): said as not found instead.
    const report = compliantLedger();
    renameHeader(report, '专题汇报', '汇报单位', '报告人');
    renameHeader(report, '专题汇报', '所属半年', '汇报期间');
    const periods = await mapOf(report);
    expect(periods.suggestions.filter((s) => s.entry.includes('汇报单位'))).toEqual([]);
    expect(periods.unfound).toContain('“专题汇报”的“汇报单位”');
    expect(renderMap(periods)).toContain('未找到的栏目：“专题汇报”的“汇报单位”');
    expect(renderMap(periods)).not.toContain('无需映射');
  });

  it('asks, and gives no line to paste, for a category whose rows read as the topic it names would raise an error', async () => {
    // 网评员队伍's one row, 组织网评员培训会, names 培训, but its 活动类型 is no 学习培训 类型: pasted, a new D03.
    const map = mapWorkbook(await readWorkbookFile('test/fixtures/registers/r127-libreoffice.xlsx'), 2026);
    expect(lines(map).filter((l) => l.startsWith('类别映射'))).toEqual([]);
    const asked = questions(map).find((q) => q.entry === '学习培训=网评员队伍');
    expect(asked?.question).toBe('类别“网评员队伍”（第9行）记的是“学习培训”吗？');
    // One row's words do not tell a category the bureau keeps: asked already for that.
    expect(asked?.why).toContain('仅凭一行还不能断定整个类别');
    // Nor is the clerk asked what 类型 网评员队伍 is, for a row not yet known to be 学习培训.
    expect(map.suggestions.filter((s) => s.key === '值映射' && s.entry.includes('网评员队伍'))).toEqual([]);
  });

  it('asks, where every row of a category names a topic but reading them so raises errors a 值映射 would not settle', async () => {
    const map = await mapOf({
      意识形态工作台账: {
        above: ['县测试局2026年意识形态工作台账'],
        headers: ['序号', '工作类别', '工作事项', '类型', '落实时间'],
        rows: [
          [1, '网评员队伍', '组织网评员培训会', '网评员例会', '3月10日'],
          [2, null, '网评员业务培训', '网评员例会', '9月10日'],
        ],
        merges: ['B3:B4'],
      },
    });
    expect(lines(map).filter((l) => l.startsWith('类别映射'))).toEqual([]);
    const asked = questions(map).find((q) => q.entry === '学习培训=网评员队伍');
    expect(asked?.question).toBe('类别“网评员队伍”（第3、4行）记的是“学习培训”吗？');
    expect(asked?.why).toContain('但按此读取有 2 处错误');
  });

  it('does not offer a diary or a responsibility list as a topic’s sheet to paste', async () => {
    const diary = withoutSheet(compliantLedger(), '专题研究');
    diary.工作日志 = {
      headers: ['日期', '工作内容', '记录人'],
      rows: Array.from({ length: 12 }, (_, i) => [day(`2026-03-${String(i + 1).padStart(2, '0')}`), `处理日常事务${i}`, '王五']),
    };
    const map = await mapOf(diary);
    expect(lines(map)).toEqual([]);
    expect(questions(map)).toMatchObject([
      { key: '表名映射', entry: '专题研究=工作日志', question: '工作表“工作日志”记的是“专题研究”吗？' },
    ]);
    expect(questions(map)[0].why).toContain('缺少“会议名称”“主持人”');

    const duties = withoutSheet(compliantLedger(), '组织架构');
    duties.责任清单 = {
      headers: ['序号', '股室', '责任人', '工作职责', '完成时限'],
      rows: [
        [1, '办公室', '周一', '宣传思想工作', day('2026-06-30')],
        [2, '业务股', '吴二', '阵地管理', day('2026-06-30')],
      ],
    };
    expect(lines(await mapOf(duties))).toEqual([]);
  });

  it('does not read a value across the words that carry its meaning (月度分析 is no 季度分析)', async () => {
    const map = mapWorkbook(await readWorkbookFile('templates/示例台账.xlsx'), 2026);
    expect(lines(map).filter((l) => l.includes('月度分析'))).toEqual([]);
    expect(questions(map).find((q) => q.key === '值映射')?.question).toContain('“分析研判.分析类型”中的“月度分析”是');
  });

  it('places or asks every category a combined register holds, and reads bureau words by their meaning', async () => {
    const map = mapWorkbook(await readWorkbookFile('test/fixtures/real-combined.xlsx'), 2026);
    expect(questions(map).map((q) => q.question)).toContain(
      '类别“阵地管理”（第10行）记的是哪一类工作？如属某类，添加“类别映射：表名=阵地管理”；如不属任何一类，可不填，这些行不作检查。',
    );
    const ledger = compliantLedger();
    setCell(ledger, '分析研判', 0, '分析类型', '季度研判');
    const read = await mapOf(ledger);
    expect(lines(read)).toEqual(['值映射 分析研判.分析类型：季度研判=季度分析']);
    expect(read.suggestions[0].why).toBe('依据：“季度研判”与规定的“季度分析”意思相同，校验已按“季度分析”计');
  });

  it('says plainly when nothing is needed, and when rows are beyond what mappings can say', async () => {
    const fine = renderMap(await mapOf(compliantLedger()));
    expect(fine).toContain('无需映射：本台账按现有的工作表和表头即可读取。');
    const ledger = compliantLedger();
    addColumn(ledger, '专题研究', '备忘');
    addColumn(ledger, '专题研究', '经办');
    addRow(ledger, '专题研究', { 备忘: '领导交办事项另见笔记本', 经办: '王五' });
    const map = await mapOf(ledger);
    expect(map.inexpressible).toEqual([expect.stringContaining('工作表“专题研究”有 1 行未能归类，映射无法说明它们')]);
    expect(renderMap(map)).toContain('映射无法表达：工作表“专题研究”有 1 行未能归类');
    expect(renderMap(map)).not.toContain('无需映射');
  });

  it('the proposed lines, pasted into 基本信息, give the ledger’s real findings', async () => {
    const ledger = bureauLedger();
    const before = await validateLedger(ledger, yearClosed);
    expect(before.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    // The sheet whose headers are 专题研究's is read as it, needing no mapping (issue 19 §3).
    expect(before.findings.some((f) => f.rule === 'S01' && f.message.includes('“专题研究”'))).toBe(false);
    expect(before.ledger.sheets.research?.name).toBe('工作记录');
    expect(before.ledger.account.find((a) => a.sheet === '工作记录')).toMatchObject({ topic: '专题研究', unplaced: 0 });
    const map = await mapOf(ledger);
    for (const key of ['表名映射', '列名映射', '值映射'] as const) setSetting(ledger, key, pasteEntries(map.suggestions, key).join('；'));
    const after = await validateLedger(ledger, yearClosed);
    expect(after.findings).toEqual([]);
    expect(after.rules.every((r) => r.status === '达标')).toBe(true);
  });

  it('guesses a 类别映射 from the words of a category’s rows', async () => {
    const map = await mapOf({
      意识形态工作台账: {
        above: ['县测试局2026年意识形态工作台账'],
        headers: ['序号', '工作类别', '工作事项', '落实时间'],
        rows: [
          [1, '工作部署', '党组会议研究意识形态工作', '3月10日'],
          [2, null, '党组会议研究阵地管理', '9月10日'],
        ],
        merges: ['B3:B4'],
      },
    });
    expect(lines(map)).toEqual(['类别映射 专题研究=工作部署']);
  });

  it('guides a workbook with no recognisable topic instead of refusing it', async () => {
    const map = mapWorkbook(await readWorkbookFile('test/fixtures/no-ledger-sheets.xlsx'), 2026);
    const text = renderMap(map);
    expect(text).toContain('工作表“工资表”：名称中没有认出工作类别');
    expect(text).toContain('表名映射：表名=本单位工作表名');
    expect(text).not.toContain('模板');
  });

  it('a missing topic with no candidate is listed as not found', async () => {
    const map = await mapOf(withoutSheet(compliantLedger(), '讲座论坛'));
    expect(map.missing).toEqual(['讲座论坛']);
    expect(map.suggestions).toEqual([]);
  });
});

describe('a Word file given as the ledger', () => {
  it('says it is a Word document, not a damaged zip', async () => {
    const error = await readWorkbookFile('test/fixtures/word-register.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerReadError);
    expect((error as Error).message).toContain('这是 Word 文档');
    expect((error as Error).message).not.toContain('压缩包');
  });
});

/**
 * Issue 19 §5: a clerk who pastes every paste-ready line of `map` into 基本信息 (made anew where the
 * workbook has none) is never worse off — no rule newly 未达标, no new error, no records lost, none on a
 * topic the ledger does not hold.
 */
describe('pasting all of map’s paste-ready lines', () => {
  const asOf = '2026-07-20';
  const registers = existsSync('test/fixtures/registers')
    ? readdirSync('test/fixtures/registers').map((f) => `test/fixtures/registers/${f}`)
    : [];
  const files = [...readdirSync('test/fixtures').map((f) => `test/fixtures/${f}`), ...registers, 'templates/示例台账.xlsx'].filter((f) =>
    f.endsWith('.xlsx'),
  );

  /** A bureau's own layouts on which a careless guess would do harm, with the topics each really holds. */
  function ownLayouts(): Array<{ name: string; ledger: TestLedger }> {
    const lecture = compliantLedger();
    removeColumn(lecture, '讲座论坛', '审批日期');
    addColumn(lecture, '讲座论坛', '填报日期', [day('2026-04-20')]);
    const report = compliantLedger();
    renameHeader(report, '专题汇报', '汇报单位', '报告人');
    renameHeader(report, '专题汇报', '所属半年', '汇报期间');
    const diary = withoutSheet(compliantLedger(), '专题研究');
    diary.工作日志 = {
      headers: ['日期', '工作内容', '记录人'],
      rows: Array.from({ length: 12 }, (_, i) => [day(`2026-03-${String(i + 1).padStart(2, '0')}`), `处理日常事务${i}`, '王五']),
    };
    return [
      { name: 'bureau', ledger: bureauLedger() },
      { name: 'lecture', ledger: lecture },
      { name: 'report', ledger: report },
      { name: 'diary', ledger: diary },
    ];
  }

  async function check(path: string, truth?: ReadonlySet<string>): Promise<{ lines: number; worse: string[] }> {
    const lines = await pasteReadyLines(path, 2026);
    if (lines.length === 0) return { lines: 0, worse: [] };
    const before = await validateFile(path, asOf);
    const after = await validateFile(await pasted(path, lines), asOf);
    return { lines: lines.length, worse: worsened(before, after, truth ?? topicsWithRecords(before)) };
  }

  it.each(files)('%s', async (path) => {
    const grid = await readWorkbookFile(path).catch(() => null);
    if (grid === null) return; // The hostile inputs: nothing to map.
    expect((await check(path)).worse).toEqual([]);
  });

  it('on layouts drawn at random from a seed: sheets named in the bureau’s words or not at all, headers renamed, columns added', async () => {
    const topics = Object.keys(compliantLedger()).filter((name) => name !== '基本信息');
    const sheetNames = ['工作记录', '登记表', '台账', '情况登记', '会议记录', '工作台账', 'Sheet'];
    const headerWords = ['日期', '时间', '内容', '情况', '单位', '类别', '期间', '备注', '人员', '事项', '填报日期', '汇报期间'];
    const truth = topicsWithRecords(await validateLedger(compliantLedger(), asOf));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...topics), fc.constantFrom(...sheetNames)), { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom(...topics), fc.nat(7), fc.constantFrom(...headerWords)), { maxLength: 4 }),
        fc.option(fc.constantFrom(...topics), { nil: undefined }),
        async (sheetRenames, headerRenames, extraDateColumn) => {
          const ledger = compliantLedger();
          for (const [topic, column, word] of headerRenames) {
            const headers = ledger[topic].headers;
            const at = column % headers.length;
            if (!headers.includes(word)) headers[at] = word;
          }
          if (extraDateColumn) addColumn(ledger, extraDateColumn, '填写日期', [day('2026-04-20')]);
          const names: Record<string, string> = {};
          sheetRenames.forEach(([topic, word], i) => (names[topic] ??= `${word}${i + 1}`));
          const variant = renameSheets(ledger, names);
          const { lines, worse } = await check(await writeLedger(variant, `random-${++runs}.xlsx`), truth);
          expect({ names, headerRenames, extraDateColumn, lines: lines > 0, worse }).toEqual({
            names,
            headerRenames,
            extraDateColumn,
            lines: lines > 0,
            worse: [],
          });
        },
      ),
      { numRuns: 30, seed: 19 },
    );
  }, 120_000);

  it('on a bureau’s own layouts, where a careless guess would add meetings or alarms', async () => {
    let pastedAny = 0;
    for (const { name, ledger } of ownLayouts()) {
      const truth = topicsWithRecords(await validateLedger(ledger, asOf));
      // The bureau's sheet read by a guessed 表名映射 holds its topic's records: they are the ledger's own.
      if (name === 'bureau') truth.add('opinion');
      const { lines, worse } = await check(await writeLedger(ledger, `own-${name}.xlsx`), truth);
      pastedAny += lines;
      expect({ name, worse }).toEqual({ name, worse: [] });
    }
    expect(pastedAny).toBeGreaterThan(0);
  });
});

/** 基本信息 as a clerk writes it after following 对应关系 or `map` (issue 19 §5). */
describe('基本信息 holding pasted lines', () => {
  const asOf = '2026-07-20';

  it('made anew for mapping lines only, keeps the unit name and year the title rows give', async () => {
    const path = 'test/fixtures/real-own-sheets.xlsx';
    const before = await validateFile(path, asOf);
    expect(before.unit).not.toBe('');
    const after = await validateFile(await pasted(path, [['表名映射', '舆情处置=4.网络舆情处置台账']]), asOf);
    expect(after.ledger.settings.表名映射).toBe('舆情处置=4.网络舆情处置台账');
    expect({ unit: after.unit, year: after.year }).toEqual({ unit: before.unit, year: before.year });
    expect(after.findings.filter((f) => f.rule === 'D01' && f.severity === 'error')).toEqual([]);
    // Where the unit came from is said as a note; the keys no one gave are notes too, as with no 基本信息 at all.
    expect(after.findings.filter((f) => f.sheet === '基本信息').map((f) => `${f.rule} ${f.severity} ${f.field}`)).toEqual([
      'D01 info 单位名称',
      'D01 info 台账年度',
      'D01 info 党组书记',
      'D01 info 分管领导',
      'D01 info 责任部室',
      'R18 info 党组成员',
    ]);
    expect(after.summary.error).toBeLessThanOrEqual(before.summary.error);
  });

  it('joins the rows of one mapping key, and names a key given two different values at both cells', async () => {
    const ledger = renameSheets(compliantLedger(), { 舆情处置: '网络舆情', 讲座论坛: '报告会登记' });
    ledger.基本信息.rows.push(
      ['表名映射', '舆情处置=网络舆情'],
      ['表名映射', '讲座论坛=报告会登记'],
      ['单位名称', '县YY局'],
      ['台账年度', 2026],
    );
    const result = await validateLedger(ledger, yearClosed);
    expect(result.ledger.sheets.opinion?.name).toBe('网络舆情');
    expect(result.ledger.sheets.lecture?.name).toBe('报告会登记');
    const conflicts = result.findings.filter((f) => f.field === '单位名称');
    expect(conflicts.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual([
      'D03 error B2',
      `D03 error B${ledger.基本信息.rows.length}`,
    ]);
    expect(conflicts[0].message).toContain('“单位名称”填写了两行，值不同');
    // The same value written twice is no conflict.
    expect(result.findings.filter((f) => f.field === '台账年度')).toEqual([]);
  });
});
