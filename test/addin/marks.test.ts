import { describe, expect, it, vi } from 'vitest';
import { excelHost } from '../../addin/excel/adapter';
import { markFill, marksNamespace, marksXml, parseMarksXml, restorePlan } from '../../addin/excel/marks';
import type { Finding } from '../../ledger/findings';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { HostError } from '../../addin/excel/hostErrors';
import { FakeExcelHost, payloadLimit } from './fake/fakeExcel';
import type { FakeFill, FakeWorkbookState } from './fake/state';
import { reopen, solidWhite, stateFromGrid } from './fake/state';

const sample = 'templates/示例台账.xlsx';

/** Every cell's value, fill and note: what a clerk sees, and what the add-in must give back. */
function looks(state: FakeWorkbookState) {
  const out: Record<string, { value: unknown; fill: FakeFill | null; note: string | null }> = {};
  for (const sheet of state.sheets) {
    for (const [address, cell] of Object.entries(sheet.cells)) {
      if (cell.value === '' && !cell.fill && cell.note === undefined) continue;
      out[`${sheet.name}!${address}`] = { value: cell.value, fill: cell.fill ?? null, note: cell.note ?? null };
    }
  }
  return out;
}

async function sampleWithFindings(asOf = '2026-07-20') {
  const grid = await readWorkbookFile(sample);
  const findings = validateGrid(grid, { asOf }).findings;
  return { state: stateFromGrid(grid), findings };
}

/** Gives some offending cells, and some bystanders, a look of their own before the marks go on. */
function decorate(state: FakeWorkbookState, findings: readonly Finding[]) {
  const sheet = (name: string) => {
    const s = state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(name);
    return s;
  };
  const cellAt = (name: string, address: string) => (sheet(name).cells[address] ??= { value: '' });
  const offending = [...new Set(findings.map((f) => `${f.sheet}!${f.cell}`))];
  offending.forEach((key, i) => {
    const [name, address] = key.split('!');
    const cell = cellAt(name, address);
    if (i % 3 === 0) cell.fill = { color: '#FFFF00', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
    if (i % 3 === 1)
      cell.fill = { color: '#5B9BD5', pattern: 'Gray25', patternColor: '#ED7D31', tintAndShade: 0.4, patternTintAndShade: -0.25 };
    if (i % 2 === 0) cell.note = `原有注释 ${i}：请核对。\n第二行`;
  });
  cellAt('学习培训', 'A1').fill = { color: '#C6EFCE', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
  cellAt('学习培训', 'C3').note = '旁边单元格的注释';
  return offending.length;
}

describe('marks', () => {
  it('marks every offending cell with a fill by severity and a note holding the messages', async () => {
    const { state, findings } = await sampleWithFindings();
    const fake = new FakeExcelHost(state);
    const outcome = await excelHost(fake.run, fake.features).applyMarks(findings);
    const cells = new Set(findings.map((f) => `${f.sheet}!${f.cell}`));
    expect(outcome).toEqual({ marked: cells.size, skipped: 0, fillOnly: 0 });
    const b6 = fake.cell('学习培训', 'B6');
    expect(b6?.fill?.color).toBe(markFill.error);
    expect(b6?.note).toMatch(/^【台账校验】\n.*2026年13月1日/u);
    // R03's shortfall stands at the sheet's header row, its note holding every message there.
    const header = findings.find((f) => f.sheet === '二、分析研判' && f.rule === 'R03')!.cell;
    const there = findings.filter((f) => f.sheet === '二、分析研判' && f.cell === header);
    expect(fake.cell('二、分析研判', header)?.note?.split('\n')).toHaveLength(there.length + 1);
  });

  it('restores every fill and note exactly after save, close and reopen, and never touches a value', async () => {
    const { state, findings } = await sampleWithFindings();
    expect(decorate(state, findings)).toBeGreaterThan(10);
    const before = looks(state);

    const first = new FakeExcelHost(state);
    await excelHost(first.run, first.features).applyMarks(findings);
    const marked = looks(first.state);
    expect(marked).not.toEqual(before);
    for (const [key, look] of Object.entries(before)) expect(marked[key]?.value).toEqual(look.value);

    const reopened = new FakeExcelHost(reopen(first.state));
    const cleared = await excelHost(reopened.run, reopened.features).clearMarks();
    expect(cleared).toEqual({ restored: new Set(findings.map((f) => `${f.sheet}!${f.cell}`)).size, leftAlone: 0, notesLeft: [] });
    expect(looks(reopened.state)).toEqual(before);
    expect(reopened.state.customXmlParts).toEqual([]);
  });

  it('keeps the first originals when marking again, and restores cells that are fine now', async () => {
    const { state, findings } = await sampleWithFindings();
    decorate(state, findings);
    const before = looks(state);
    const fake = new FakeExcelHost(state);
    const host = excelHost(fake.run, fake.features);
    await host.applyMarks(findings);
    // The clerk fixes half the problems; the second round marks fewer cells.
    const fewer = findings.filter((_, i) => i % 2 === 0);
    await host.applyMarks(fewer);
    const fixed = findings.find((f) => !fewer.some((g) => g.sheet === f.sheet && g.cell === f.cell));
    if (!fixed) throw new Error('no fixed cell');
    expect(looks(fake.state)[`${fixed.sheet}!${fixed.cell}`] ?? null).toEqual(before[`${fixed.sheet}!${fixed.cell}`] ?? null);
    await host.clearMarks();
    expect(looks(fake.state)).toEqual(before);
  });

  it('puts its notes back where the clerk deleted one of ours, and removes a cleared note again', async () => {
    const { state, findings } = await sampleWithFindings();
    decorate(state, findings);
    const before = looks(state);
    const fake = new FakeExcelHost(state);
    const host = excelHost(fake.run, fake.features);
    await host.applyMarks(findings);
    for (const sheet of fake.state.sheets)
      for (const cell of Object.values(sheet.cells)) if (cell.note?.startsWith('【台账校验】')) delete cell.note;
    await host.clearMarks();
    expect(looks(fake.state)).toEqual(before);
  });

  it('puts each look back where its cell is now after the clerk inserted and deleted rows, hidden names and all', async () => {
    const { state, findings } = await sampleWithFindings();
    decorate(state, findings);
    // The same edits on an unmarked copy: what the workbook must look like once the marks are gone.
    const unmarked = new FakeExcelHost(reopen(state));
    const fake = new FakeExcelHost(state);
    const host = excelHost(fake.run, fake.features);
    const marked = (await host.applyMarks(findings)).marked;
    expect((fake.state.names ?? []).map((n) => n.visible)).toEqual(Array.from({ length: marked }, () => false));

    // Row 15 of 学习培训 holds a marked cell; three rows inserted above move it to row 18, which is deleted.
    const gone = new Set(findings.filter((f) => f.sheet === '学习培训' && f.row === 15).map((f) => f.cell)).size;
    expect(gone).toBeGreaterThan(0);
    for (const edit of [fake, unmarked]) {
      edit.insertRows('学习培训', 2, 3);
      edit.deleteRows('学习培训', 18);
      edit.insertRows('二、分析研判', 1);
    }
    const reopened = new FakeExcelHost(reopen(fake.state));
    const outcome = await excelHost(reopened.run, reopened.features).clearMarks();
    expect(outcome).toEqual({ restored: marked - gone, leftAlone: 0, notesLeft: [] });
    expect(looks(reopened.state)).toEqual(looks(unmarked.state));
    expect(reopened.state.names).toEqual([]);
  });

  it('still clears a workbook marked before marks had names, by the recorded addresses', async () => {
    const { state, findings } = await sampleWithFindings();
    decorate(state, findings);
    const before = looks(state);
    const fake = new FakeExcelHost(state);
    await excelHost(fake.run, fake.features).applyMarks(findings);
    const part = fake.state.customXmlParts[0];
    const record = parseMarksXml(part.xml);
    part.xml = marksXml({ version: 1, cells: record.cells.map(({ name: _, ...cell }) => cell) });
    fake.state.names = [];
    const outcome = await excelHost(fake.run, fake.features).clearMarks();
    expect(outcome).toEqual({ restored: record.cells.length, leftAlone: 0, notesLeft: [] });
    expect(looks(fake.state)).toEqual(before);
  });

  it('leaves alone a marked cell whose mark the clerk has painted over, and says so', async () => {
    const { state, findings } = await sampleWithFindings();
    const fake = new FakeExcelHost(state, { features: { notes: false } });
    const host = excelHost(fake.run, fake.features);
    await host.applyMarks(findings);
    const clerks = { color: '#00B050', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
    fake.cell('学习培训', 'B6')!.fill = clerks;
    const outcome = await host.clearMarks();
    expect(outcome.leftAlone).toBe(1);
    expect(fake.cell('学习培训', 'B6')?.fill).toEqual(clerks);
  });

  it('marks with fills alone where the host has no notes, leaving notes as they are', async () => {
    const { state, findings } = await sampleWithFindings();
    decorate(state, findings);
    const before = looks(state);
    const fake = new FakeExcelHost(state, { features: { notes: false } });
    const host = excelHost(fake.run, fake.features);
    await host.applyMarks(findings);
    const marked = looks(fake.state);
    for (const [key, look] of Object.entries(before)) expect(marked[key]?.note ?? null).toBe(look.note);
    expect(fake.cell('学习培训', 'B6')?.fill?.color).toBe(markFill.error);
    await host.clearMarks();
    expect(looks(fake.state)).toEqual(before);
  });

  it('clears nothing, in one round trip, when nothing is marked', async () => {
    const { state } = await sampleWithFindings();
    const fake = new FakeExcelHost(state);
    expect(await excelHost(fake.run, fake.features).clearMarks()).toEqual({ restored: 0, leftAlone: 0, notesLeft: [] });
    expect(fake.syncs).toBe(1);
  });

  it('uses a fixed number of round trips however many cells it marks', async () => {
    const counts: number[] = [];
    for (const asOf of ['2026-03-01', '2026-07-20', '2027-03-01']) {
      const { state, findings } = await sampleWithFindings(asOf);
      const fake = new FakeExcelHost(state);
      const host = excelHost(fake.run, fake.features);
      await host.applyMarks(findings);
      await host.applyMarks(findings.slice(0, 3));
      await host.clearMarks();
      counts.push(fake.syncs);
    }
    expect(new Set(counts).size).toBe(1);
  });

  it('marks again within the same millisecond: new names past the old, and clearing restores the first looks', async () => {
    const { state, findings } = await sampleWithFindings();
    const before = looks(state);
    const fake = new FakeExcelHost(state);
    const host = excelHost(fake.run, fake.features);
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 6, 20, 9));
    try {
      await host.applyMarks(findings);
      await host.applyMarks(findings);
    } finally {
      now.mockRestore();
    }
    await host.clearMarks();
    expect(looks(state)).toEqual(before);
  });

  it('skips findings on a sheet the workbook does not have', async () => {
    const { state, findings } = await sampleWithFindings();
    const missing: Finding = { ...findings[0], sheet: '问责追究（已删除）', cell: 'A1' };
    const fake = new FakeExcelHost(state);
    const outcome = await excelHost(fake.run, fake.features).applyMarks([...findings, missing]);
    expect(outcome.skipped).toBe(1);
  });
});

/**
 * Marks `marked` with `findings` again and again, each time on a host that refuses the `n`th write
 * command (keeping the commands before it, as Excel does); each time, clearing on a sound host must
 * give back exactly the looks of `original`, and leave no record and no names.
 */
async function expectClearableAfterEveryFailure(
  original: FakeWorkbookState,
  marked: FakeWorkbookState,
  findings: readonly Finding[],
  step: number,
) {
  const before = looks(original);
  const trial = new FakeExcelHost(reopen(marked));
  await excelHost(trial.run, trial.features).applyMarks(findings);
  expect(trial.writes).toBeGreaterThan(20);
  for (let n = 1; n <= trial.writes; n += step) {
    const fake = new FakeExcelHost(reopen(marked));
    fake.failAtWrite = n;
    await expect(excelHost(fake.run, fake.features).applyMarks(findings)).rejects.toThrow(/^标注未完成。/u);
    const sound = new FakeExcelHost(reopen(fake.state));
    await excelHost(sound.run, sound.features).clearMarks();
    expect({ n, looks: looks(sound.state) }).toEqual({ n, looks: before });
    expect({ n, parts: sound.state.customXmlParts, names: sound.state.names ?? [] }).toEqual({ n, parts: [], names: [] });
  }
}

describe('marks on Excel terms: failures part-way, limits, hosts without notes', () => {
  it('refuses, naming the sheet and changing nothing, when a sheet to be marked is protected', async () => {
    const { state, findings } = await sampleWithFindings();
    decorate(state, findings);
    state.sheets.find((s) => s.name === '学习培训')!.protected = true;
    const before = reopen(state);
    const fake = new FakeExcelHost(state);
    const failure = excelHost(fake.run, fake.features).applyMarks(findings);
    await expect(failure).rejects.toThrow(HostError);
    await expect(failure).rejects.toThrow(/^工作表“学习培训”受保护，未标注任何单元格。/u);
    expect(fake.state).toEqual(before);
  });

  it('leaves a first marking that fails at any write clearable: every fill and note comes back', async () => {
    const { state, findings } = await sampleWithFindings();
    decorate(state, findings);
    await expectClearableAfterEveryFailure(state, state, findings, 3);
  });

  it('leaves a re-marking that fails at any write clearable, the first marking included', async () => {
    const { state, findings } = await sampleWithFindings();
    decorate(state, findings);
    const first = new FakeExcelHost(reopen(state));
    await excelHost(first.run, first.features).applyMarks(findings);
    await expectClearableAfterEveryFailure(
      state,
      first.state,
      findings.filter((_, i) => i % 2 === 0),
      2,
    );
  });

  it('gives a cell without fill no fill back, not white, as Excel reports no fill as #FFFFFF', async () => {
    const { state, findings } = await sampleWithFindings();
    const fake = new FakeExcelHost(state);
    const host = excelHost(fake.run, fake.features);
    expect(fake.cell('学习培训', 'B6')?.fill).toBeUndefined();
    await host.applyMarks(findings);
    expect(fake.cell('学习培训', 'B6')?.fill?.color).toBe(markFill.error);
    await host.clearMarks();
    expect(fake.cell('学习培训', 'B6')?.fill).toBeUndefined();
  });

  for (const solidPattern of [null, 'Solid'] as const)
    it(`gives a clerk's solid white fill back white and a cell without fill none (#4900, solid pattern read as ${solidPattern})`, async () => {
      const { state, findings } = await sampleWithFindings();
      decorate(state, findings);
      const b6 = state.sheets.find((s) => s.name === '学习培训')!.cells.B6;
      b6.fill = { ...solidWhite };
      const before = looks(state);
      const bare = Object.entries(before).filter(([, look]) => look.fill === null);
      expect(bare.length).toBeGreaterThan(0);
      const fake = new FakeExcelHost(state, { solidPattern });
      const host = excelHost(fake.run, fake.features);
      await host.applyMarks(findings);
      expect(fake.cell('学习培训', 'B6')?.fill?.color).toBe(markFill.error);
      await host.clearMarks();
      expect(fake.cell('学习培训', 'B6')?.fill).toEqual(solidWhite);
      expect(looks(fake.state)).toEqual(before);
    });

  it('hides every name it adds through the object names.add() returned, a round trip later (OfficeDev/office-js #3878)', async () => {
    const { state, findings } = await sampleWithFindings();
    const fake = new FakeExcelHost(state);
    const { marked } = await excelHost(fake.run, fake.features).applyMarks(findings);
    expect((fake.state.names ?? []).filter((n) => !n.visible)).toHaveLength(marked);
  });

  it('marks 5,000 cells on Excel on the web in requests under 5 MB, and clears them all', async () => {
    const { state, findings } = await sampleWithFindings();
    const sheet = state.sheets.find((s) => s.name === '学习培训')!;
    const many: Finding[] = Array.from({ length: 5_000 }, (_, i) => ({
      ...findings[0],
      sheet: sheet.name,
      cell: `${String.fromCharCode(65 + (i % 20))}${Math.floor(i / 20) + 1}`,
      message: `第 ${i + 1} 处：${'活动日期晚于校验日期，请核对是否填写有误。'.repeat(4)}`,
    }));
    sheet.cells.A1 = { value: sheet.cells.A1?.value ?? '', note: '原有注释' };
    const before = looks(state);
    const fake = new FakeExcelHost(state, { web: true });
    const host = excelHost(fake.run, fake.features);
    expect(await host.applyMarks(many)).toEqual({ marked: 5_000, skipped: 0, fillOnly: 0 });
    expect(Math.max(...fake.requests)).toBeLessThanOrEqual(payloadLimit);
    expect(fake.requests.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * payloadLimit);
    expect((fake.state.names ?? []).every((n) => !n.visible)).toBe(true);
    expect(await host.clearMarks()).toEqual({ restored: 5_000, leftAlone: 0, notesLeft: [] });
    expect(looks(fake.state)).toEqual(before);
  });

  it('clears on Excel on the web a marking whose record is over 5 MB, reading it in answers under 5 MB', async () => {
    const { state, findings } = await sampleWithFindings();
    const sheet = state.sheets.find((s) => s.name === '学习培训')!;
    // Long notes of the clerk's own: the record keeps each one to give it back.
    const many: Finding[] = Array.from({ length: 6_000 }, (_, i) => {
      const cell = `${String.fromCharCode(65 + (i % 20))}${Math.floor(i / 20) + 1}`;
      sheet.cells[cell] = { value: sheet.cells[cell]?.value ?? '', note: `原有注释 ${i}：${'请核对活动日期与参加人员。'.repeat(25)}` };
      return { ...findings[0], sheet: sheet.name, cell };
    });
    const before = looks(state);
    const fake = new FakeExcelHost(state, { web: true });
    const host = excelHost(fake.run, fake.features);
    await host.applyMarks(many);
    const record = fake.state.customXmlParts.reduce((n, p) => n + new TextEncoder().encode(p.xml).length, 0);
    expect(record).toBeGreaterThan(payloadLimit);
    fake.answers = [];
    expect(await host.clearMarks()).toEqual({ restored: 6_000, leftAlone: 0, notesLeft: [] });
    expect(looks(fake.state)).toEqual(before);
    expect(fake.state.customXmlParts).toEqual([]);
    expect(fake.answers.filter((bytes) => bytes > payloadLimit)).toHaveLength(1);
  });

  it('gives a cell holding a threaded comment (批注) the fill alone, and counts it', async () => {
    const { state, findings } = await sampleWithFindings();
    state.sheets.find((s) => s.name === '学习培训')!.cells.B6.comment = '请核实日期';
    const before = looks(state);
    const fake = new FakeExcelHost(state);
    const host = excelHost(fake.run, fake.features);
    const outcome = await host.applyMarks(findings);
    expect(outcome.fillOnly).toBe(1);
    expect(fake.cell('学习培训', 'B6')).toMatchObject({ comment: '请核实日期', fill: { color: markFill.error } });
    expect(fake.cell('学习培训', 'B6')?.note).toBeUndefined();
    await host.clearMarks();
    expect(looks(fake.state)).toEqual(before);
  });

  it('keeps notes made where notes work in the record when clearing where they do not, and says where', async () => {
    const { state, findings } = await sampleWithFindings();
    decorate(state, findings);
    const before = looks(state);
    const withNotes = new FakeExcelHost(state);
    const { marked } = await excelHost(withNotes.run, withNotes.features).applyMarks(findings);
    const without = new FakeExcelHost(reopen(withNotes.state), { features: { notes: false } });
    const partly = await excelHost(without.run, without.features).clearMarks();
    expect(partly.restored).toBe(marked);
    expect(partly.notesLeft).toHaveLength(marked);
    expect(partly.notesLeft).toContain('“学习培训”B6');
    expect(without.cell('学习培训', 'B6')?.fill).toBeUndefined();
    expect(without.cell('学习培训', 'B6')?.note).toMatch(/^【台账校验】/u);
    const again = new FakeExcelHost(reopen(without.state));
    expect(await excelHost(again.run, again.features).clearMarks()).toMatchObject({ notesLeft: [] });
    expect(looks(again.state)).toEqual(before);
    expect(again.state.customXmlParts).toEqual([]);
    expect(again.state.names).toEqual([]);
  });
});

describe('what clearing puts back', () => {
  const original = { sheet: '学习培训', cell: 'B6', fill: { color: '#FFFF00', pattern: 'Solid' }, note: '原有注释' };
  const ours = { color: markFill.warning.toLowerCase(), pattern: 'Solid' };
  const clerks = { color: '#00B050', pattern: 'Solid' };

  it('puts back fill and note where both are still ours, and a note of ours the clerk deleted', () => {
    expect(restorePlan(original, { fill: ours, note: '【台账校验】\n问题' })).toEqual({ fill: true, note: true });
    expect(restorePlan(original, { fill: ours, note: null })).toEqual({ fill: true, note: true });
  });

  it('keeps a fill or a note the clerk has put on since, and restores only what is still ours', () => {
    expect(restorePlan(original, { fill: clerks, note: '【台账校验】\n问题' })).toEqual({ fill: false, note: true });
    expect(restorePlan(original, { fill: ours, note: '已核实' })).toEqual({ fill: true, note: false });
  });

  it('leaves a cell that shows no mark at all, as one moved there by an inserted row would', () => {
    expect(restorePlan(original, { fill: clerks, note: '已核实' })).toBeNull();
    expect(restorePlan(original, { fill: {}, note: null })).toBeNull();
    expect(restorePlan({ ...original, note: undefined }, { fill: {} })).toBeNull();
  });
});

describe('mark record', () => {
  it('reads back what it wrote, also as Excel re-serialises it', () => {
    const record = {
      version: 1 as const,
      cells: [{ sheet: "A&B '表' <1>", cell: 'C3', fill: { pattern: 'Solid', color: '#FF0000' }, note: '甲 < 乙 & "丙"' }],
    };
    const xml = marksXml(record);
    expect(xml).toContain(`xmlns="${marksNamespace}"`);
    expect(parseMarksXml(xml)).toEqual(record);
    const reserialised = xml
      .replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" standalone="no"?>\n')
      .replace(/"/gu, '&quot;')
      .replace('xmlns=&quot;urn:taizhang:marks:1&quot;', 'xmlns="urn:taizhang:marks:1"');
    expect(parseMarksXml(reserialised)).toEqual(record);
  });

  it('reads a damaged or foreign part as no record', () => {
    expect(parseMarksXml('<other/>').cells).toEqual([]);
    expect(parseMarksXml(`<taizhangMarks xmlns="${marksNamespace}">{not json</taizhangMarks>`).cells).toEqual([]);
    expect(parseMarksXml(`<taizhangMarks xmlns="${marksNamespace}">{"cells":[{"sheet":1}]}</taizhangMarks>`).cells).toEqual([]);
  });
});
