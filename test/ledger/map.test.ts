import { describe, expect, it } from 'vitest';
import { renderMap } from '../../generator/map/run';
import { LedgerReadError } from '../../ledger/errors';
import { mapWorkbook, type LedgerMap } from '../../ledger/normalise/suggest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addRow, renameHeader, renameSheets, setCell, setSetting, withoutSheet } from '../helpers/ledgerCases';
import { moment, validateLedger, writeLedger, type TestLedger } from '../helpers/ledgerWorkbook';

/** `taizhang map`: what was recognised, and mapping lines that, pasted into 基本信息, make the rest read. */
const mapOf = async (ledger: TestLedger) => mapWorkbook(await readWorkbookFile(await writeLedger(ledger)), 2026);
const lines = (map: LedgerMap) => map.suggestions.map((s) => `${s.key} ${s.entry}`);

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
    expect(text).toContain('“开会日”列：该列内容是日期');
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
    for (const key of ['表名映射', '列名映射', '值映射'] as const) {
      setSetting(
        ledger,
        key,
        map.suggestions
          .filter((s) => s.key === key)
          .map((s) => s.entry)
          .join('；'),
      );
    }
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
