import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, sha256, taizhang } from '../helpers/cli';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { ledgerFolder } from '../helpers/ledgerFolder';
import { setSetting } from '../helpers/ledgerCases';
import { findingsWorkbook } from '../../addin/page/xlsx/findingsWorkbook';

/** A ledger with one unmet requirement (R01: one 专题研究 instead of two). */
function withError() {
  const ledger = compliantLedger();
  setSetting(ledger, '单位名称', '县乙局');
  ledger.专题研究.rows.pop();
  return ledger;
}

function clean(unit: string) {
  const ledger = compliantLedger();
  setSetting(ledger, '单位名称', unit);
  return ledger;
}

let folder: string;
beforeAll(async () => {
  folder = await ledgerFolder({
    '1甲局.xlsx': clean('县甲局'),
    '2乙局.xlsx': withError(),
    '3损坏.xlsx': 'not a workbook',
    '子文件夹/4丙局.xlsx': clean('县丙局'),
    // Excel's lock file beside an open workbook, and a note: neither is a ledger.
    '~$1甲局.xlsx': 'lock',
    '说明.txt': 'readme',
  });
});

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('taizhang validate on many ledgers', () => {
  it('judges every ledger of a folder and its subfolders, reports the bad file and exits with the worst code', () => {
    const before = sha256(join(folder, '1甲局.xlsx'));
    const run = taizhang(['validate', folder, '--as-of', yearClosed]);
    expect(run.status).toBe(2);
    const headers = [...run.stdout.matchAll(/^台账校验：(\S+?)（(.+?)，/gmu)].map((m) => [m[1], m[2]]);
    expect(headers).toEqual([
      ['1甲局.xlsx', '县甲局'],
      ['2乙局.xlsx', '县乙局'],
      ['4丙局.xlsx', '县丙局'],
    ]);
    expect(run.stdout).toMatch(/^ {2}错误 [A-Z]+\d+ +R01 /mu);
    expect(run.stdout).toContain('共 4 本台账：无错误 2 本，有错误 1 本，无法读取 1 本。');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('3损坏.xlsx');
    expect(run.stderr).not.toMatch(/at |Error/u);
    expect(sha256(join(folder, '1甲局.xlsx'))).toBe(before);
  });

  it('exits 1 when the worst is a ledger with errors, 0 when every ledger is clean', () => {
    const [good, bad, other] = ['1甲局.xlsx', '2乙局.xlsx', '子文件夹/4丙局.xlsx'].map((f) => join(folder, f));
    expect(taizhang(['validate', good, bad, '--as-of', yearClosed]).status).toBe(1);
    const both = taizhang(['validate', good, other, '--as-of', yearClosed]);
    expect(both.status).toBe(0);
    expect(both.stdout).toContain('共 2 本台账：无错误 2 本，有错误 0 本。');
  });

  it('prints one JSON line per ledger, in order, the bad file as a line with its message', () => {
    const run = taizhang(['validate', folder, '--as-of', yearClosed, '--format', 'json']);
    expect(run.status).toBe(2);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.workbook)).toEqual(['1甲局.xlsx', '2乙局.xlsx', '3损坏.xlsx', '4丙局.xlsx']);
    expect(Object.keys(lines[0])).toEqual(['workbook', 'unit', 'year', 'asOf', 'summary', 'rules', 'findings', 'account']);
    expect(lines[1]).toMatchObject({ unit: '县乙局', summary: { error: 1 } });
    expect((lines[1].findings as Array<{ rule: string }>).map((f) => f.rule)).toEqual(['R01']);
    expect(lines[2]).toEqual({ workbook: '3损坏.xlsx', error: expect.stringContaining('3损坏.xlsx') as string });
    expect(lines[3]).toMatchObject({ unit: '县丙局', summary: { error: 0 } });
  });

  it('gives the same output judged in worker threads as one after another in one thread', () => {
    const threads = taizhang(['validate', folder, '--as-of', yearClosed, '--format', 'json', '--jobs', '3']);
    const single = taizhang(['validate', folder, '--as-of', yearClosed, '--format', 'json', '--jobs', '1']);
    expect(threads.stdout).toBe(single.stdout);
    expect(threads.status).toBe(single.status);
  });

  it('shows a progress line on a terminal and takes it away, leaving the same results as without one', () => {
    const args = ['validate', join(folder, '1甲局.xlsx'), join(folder, '2乙局.xlsx'), '--as-of', yearClosed, '--jobs', '1'];
    // script(1) runs the CLI on a pseudo-terminal, as a clerk's console is.
    const command = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(' ');
    const terminal = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
    expect(terminal.status).toBe(1);
    const clear = '\r\x1b[K';
    expect(terminal.stdout).toContain(`${clear}已校验 0/2 本台账`);
    expect(terminal.stdout).toContain(`${clear}已校验 1/2 本台账${clear}`);
    const results = [0, 1, 2]
      .reduce((text, n) => text.replaceAll(`${clear}已校验 ${n}/2 本台账`, ''), terminal.stdout)
      .replaceAll(clear, '')
      .replaceAll('\r\n', '\n');
    expect(results).toBe(taizhang(args).stdout);
  });

  it('refuses an empty folder and a bad --jobs with a Chinese line and exit 2', async () => {
    const empty = await ledgerFolder({ '说明.txt': 'no ledgers here' });
    const none = taizhang(['validate', empty]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(`文件夹“${empty}”中没有台账（.xlsx 等 Excel 或 WPS 表格文件）。\n`);
    const jobs = taizhang(['validate', folder, '--jobs', '0']);
    expect(jobs.status).toBe(2);
    expect(jobs.stderr).toBe('--jobs 的值“0”无效，应为 1 到 64 之间的整数。\n');
  });

  it('takes a ledger in every format a bureau saves it in: .xlsm is read, the others say how to become .xlsx', async () => {
    const legacy = readFileSync('test/fixtures/legacy.xls');
    const formats = await ledgerFolder({
      '1甲局.xlsm': clean('县甲局'),
      '2乙局.xls': legacy,
      // WPS's .et is the same OLE container as .xls; only the name says which.
      '3丙局.et': legacy,
      '4丁局.ods': readFileSync('test/fixtures/libreoffice-ledger.ods'),
      // A Word form and a list beside the ledgers are no ledgers, and are not listed.
      '会议记录.docx': readFileSync('test/fixtures/word-register.docx'),
      '名单.csv': '单位,联系人\n县甲局,张三\n',
    });
    const run = taizhang(['validate', formats, '--as-of', yearClosed, '--format', 'json']);
    expect(run.status).toBe(2);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.workbook)).toEqual(['1甲局.xlsm', '2乙局.xls', '3丙局.et', '4丁局.ods']);
    expect(lines[0]).toMatchObject({ unit: '县甲局', summary: { error: 0 } });
    expect(lines[1].error).toContain('旧版 .xls');
    expect(lines[2].error).toContain('WPS 表格的 .et 格式');
    expect(lines[3].error).toContain('OpenDocument 表格（.ods）');
    for (const line of lines.slice(1)) expect(line.error).toContain('“另存为” .xlsx');
  });

  it('passes over the workbooks it wrote itself (a summary, a 校验结果 download) without calling them bad ledgers', async () => {
    const mixed = await ledgerFolder({
      '1甲局.xlsx': clean('县甲局'),
      '1甲局-校验结果.xlsx': findingsWorkbook([]),
    });
    expect(taizhang(['summary', mixed, '--period', '2026H1', '--as-of', yearClosed, '--out', join(mixed, '汇总.xlsx')]).status).toBe(0);
    const run = taizhang(['validate', mixed, '--as-of', yearClosed]);
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split('\n').sort()).toEqual([
      '已跳过：“1甲局-校验结果.xlsx”是台账助手生成的校验结果表，不是台账。请选择台账文件本身。',
      '已跳过：“汇总.xlsx”是台账助手生成的汇总表，不是台账。请选择台账文件本身。',
    ]);
    expect(run.stdout).toContain('共 1 本台账：无错误 1 本，有错误 0 本。');
    // Named on its own, it is told for what it is, and the command fails as for any workbook that is no ledger.
    const alone = taizhang(['validate', join(mixed, '汇总.xlsx')]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe('“汇总.xlsx”是台账助手生成的汇总表，不是台账。请选择台账文件本身。\n');
  });

  it('tells files of one name apart by their folders, so a bad one points at its bureau', async () => {
    const bureaus = await ledgerFolder({
      '县甲局/意识形态工作台账.xlsx': clean('县甲局'),
      '县乙局/意识形态工作台账.xlsx': 'damaged',
      '县丙局/2026/台账.xlsx': clean('县丙局'),
    });
    const run = taizhang(['validate', bureaus, '--as-of', yearClosed, '--format', 'json']);
    // A name no other file has stays as it is.
    expect(jsonLines(run.stdout).map((l) => l.workbook)).toEqual([
      '台账.xlsx',
      '县甲局/意识形态工作台账.xlsx',
      '县乙局/意识形态工作台账.xlsx',
    ]);
    expect(run.stderr).toContain('“县乙局/意识形态工作台账.xlsx”');
  });

  it('runs to its end and keeps its exit code when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, [bin, 'validate', folder, '--as-of', yearClosed], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The pipe is closed before a line is read, as `head` closes it once it has its lines: every write fails.
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(2);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /u);
    expect(stderr).toContain('3损坏.xlsx');
  });

  it('keeps one ledger’s output exactly as before: pretty JSON, an unreadable file ends the command', () => {
    const one = taizhang(['validate', join(folder, '1甲局.xlsx'), '--as-of', yearClosed, '--format', 'json']);
    expect(one.stdout.split('\n').length).toBeGreaterThan(10);
    expect(JSON.parse(one.stdout)).toMatchObject({ workbook: '1甲局.xlsx' });
    const bad = taizhang(['validate', join(folder, '3损坏.xlsx')]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(readFileSync(join(folder, '3损坏.xlsx'), 'utf8')).toBe('not a workbook');
  });
});
