import { describe, expect, it } from 'vitest';
import {
  chooseTopic,
  keepCorrections,
  mappingChoices,
  mappingLines,
  mappingText,
  noMatch,
  topicOptions,
  valueQuestions,
} from '../../addin/pane/mapping';
import { normaliseWorkbook } from '../../ledger/normalise';
import { mapWorkbook } from '../../ledger/normalise/suggest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import type { WorkbookGrid } from '../../ledger/grid/types';
import { compliantLedger } from '../helpers/compliantLedger';
import { withoutSheet } from '../helpers/ledgerCases';
import { day, writeLedger } from '../helpers/ledgerWorkbook';

const settingsSheet = (rows: string[][]): WorkbookGrid['sheets'][number] => ({
  name: '基本信息',
  origin: { row: 1, column: 1 },
  values: [['项目', '内容'], ...rows],
  numberFormats: [],
  merges: [],
});

describe('对应关系 view model', () => {
  it('shows each recognised sheet and column as its guess, and needs no line while every guess stands', async () => {
    const map = mapWorkbook(await readWorkbookFile('test/fixtures/real-own-sheets.xlsx'), 2026);
    const choices = mappingChoices(map);
    const meetings = choices.find((c) => c.sheet === '1.会议记录台账')!;
    expect(meetings.chosen).toBe('专题研究');
    expect(meetings.columns.find((c) => c.header === '会议主持人')?.chosen).toBe('主持人');
    // The name already means 专题研究: the reader needs no line for it, and 不对应 cannot be said by one.
    expect(topicOptions(meetings)).not.toContain(noMatch);
    expect(mappingLines(map, choices)).toEqual([]);
  });

  it('turns a changed sheet and a changed column into 表名映射 and 列名映射 lines the reader then follows', async () => {
    const grid = await readWorkbookFile('test/fixtures/real-own-sheets.xlsx');
    const map = mapWorkbook(grid, 2026);
    const choices = mappingChoices(map);
    const analysis = choices.find((c) => c.sheet === '3.意识形态分析研判')!;
    chooseTopic(analysis, '述职评议');
    // Columns are guessed again for the new topic: 参加人员 is no field of 述职评议.
    expect(analysis.columns.find((c) => c.header === '参加人员')?.chosen).toBe(noMatch);
    const inspections = choices.find((c) => c.sheet === '6.督查检查台账')!;
    inspections.columns.find((c) => c.header === '整改情况')!.chosen = '整改要求';
    const lines = mappingLines(map, choices);
    expect(lines).toEqual([
      { key: '表名映射', value: '述职评议=3.意识形态分析研判' },
      { key: '列名映射', value: '检查抽查.整改要求=整改情况' },
    ]);
    expect(mappingText(lines)).toBe('表名映射\t述职评议=3.意识形态分析研判\n列名映射\t检查抽查.整改要求=整改情况');

    const withLines = { ...grid, sheets: [...grid.sheets, settingsSheet(lines.map((l) => [l.key, l.value]))] };
    const { recognition } = normaliseWorkbook(withLines, 2026);
    expect(recognition.topics.review?.sheet).toBe('3.意识形态分析研判');
    expect(recognition.topics.inspection?.header?.columns.has('整改要求')).toBe(true);
  });

  it('makes an unplaced category of a combined register a 类别映射 line, keeping the one 基本信息 holds', async () => {
    const grid = await readWorkbookFile('test/fixtures/real-combined.xlsx');
    const held = { ...grid, sheets: [...grid.sheets, settingsSheet([['值映射', '舆情处置.是否重大：较大=是']])] };
    const map = mapWorkbook(held, 2026);
    const choices = mappingChoices(map);
    const category = choices.find((c) => c.category === '阵地管理')!;
    expect(category.chosen).toBe(noMatch);
    expect(mappingLines(map, choices)).toEqual([{ key: '值映射', value: '舆情处置.是否重大：较大=是' }]);
    chooseTopic(category, '学习培训');
    expect(mappingLines(map, choices)).toEqual([
      { key: '类别映射', value: '学习培训=阵地管理' },
      { key: '值映射', value: '舆情处置.是否重大：较大=是' },
    ]);
    // A combined register's parts take their topic from the category column: no 表名映射 for them.
    expect(choices.filter((c) => c.fixed).map((c) => c.chosen)).toEqual(['专题研究', '分析研判', '学习培训']);
  });

  it('asks with 请核对 where map is not sure, and keeps the guess out of the lines to copy', async () => {
    const ledger = withoutSheet(compliantLedger(), '专题研究');
    ledger.工作日志 = {
      headers: ['日期', '工作内容', '记录人'],
      rows: Array.from({ length: 12 }, (_, i) => [day(`2026-03-${String(i + 1).padStart(2, '0')}`), `处理日常事务${i}`, '王五']),
    };
    const map = mapWorkbook(await readWorkbookFile(await writeLedger(ledger)), 2026);
    const choices = mappingChoices(map);
    const diary = choices.find((c) => c.sheet === '工作日志')!;
    expect(diary.chosen).toBe(noMatch);
    expect(diary.ask).toMatch(/^请核对：工作表“工作日志”记的是“专题研究”吗？（依据：/u);
    expect(mappingText(mappingLines(map, choices))).toBe('');
    // The clerk who answers the question gets the line.
    chooseTopic(diary, '专题研究');
    expect(mappingLines(map, choices)).toEqual([{ key: '表名映射', value: '专题研究=工作日志' }]);
  });

  it('asks about a value with no sure meaning, and copies only the values it is sure of', async () => {
    const map = mapWorkbook(await readWorkbookFile('templates/示例台账.xlsx'), 2026);
    expect(valueQuestions(map)).toEqual([expect.stringMatching(/^请核对：“分析研判\.分析类型”中的“月度分析”是/u)]);
    expect(mappingText(mappingLines(map, mappingChoices(map)))).not.toContain('月度分析');
  });

  it('keeps the clerk’s corrections over the next check of the same workbook', async () => {
    const grid = await readWorkbookFile('test/fixtures/real-own-sheets.xlsx');
    const first = mappingChoices(mapWorkbook(grid, 2026));
    chooseTopic(
      first.find((c) => c.sheet === '3.意识形态分析研判')!,
      '述职评议',
    );
    first.find((c) => c.sheet === '6.督查检查台账')!.columns.find((c) => c.header === '整改情况')!.chosen = '整改要求';
    const map = mapWorkbook(grid, 2026);
    const next = mappingChoices(map);
    keepCorrections(first, next);
    expect(next.find((c) => c.sheet === '3.意识形态分析研判')!.chosen).toBe('述职评议');
    expect(mappingLines(map, next)).toEqual([
      { key: '表名映射', value: '述职评议=3.意识形态分析研判' },
      { key: '列名映射', value: '检查抽查.整改要求=整改情况' },
    ]);
  });
});
