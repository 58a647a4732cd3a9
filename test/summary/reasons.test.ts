import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeLedger } from '../../generator/ledgers/judge';
import { buildNotice } from '../../generator/summary/notice';
import { rollUp } from '../../generator/summary/rollup';
import { loadNoticeTemplate } from '../../generator/summary/template';
import { yearClosed } from '../helpers/compliantLedger';
import { encryptedWorkbook } from '../hostile/files';

/** Each file a county may be sent that cannot be rolled up, as the bureau must mend it. */
const unreadable: Record<string, Uint8Array> = {
  '甲局.xls': readFileSync('test/fixtures/legacy.xls'),
  '乙局.xlsx': encryptedWorkbook(),
  '丙局.xlsx': readFileSync('test/fixtures/no-ledger-sheets.xlsx'),
  '丁局.xlsx': readFileSync('test/fixtures/truncated.xlsx'),
};

async function leftOutLines(templatePath?: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-reasons-'));
  const outcomes = [];
  for (const [name, bytes] of Object.entries(unreadable)) {
    writeFileSync(join(dir, name), bytes);
    outcomes.push(await judgeLedger({ kind: 'digest', path: join(dir, name), name, asOf: yearClosed, period: '2026H1' }));
  }
  const notice = buildNotice(rollUp('2026H1', yearClosed, outcomes), await loadNoticeTemplate(templatePath));
  return notice.body.flatMap((b) => (b.kind === 'paragraph' && /^\d\./u.test(b.text) ? [b.text] : []));
}

describe('the 通报’s reason for a ledger it could not read', () => {
  it('says what the bureau must do: save as .xlsx, remove the password, send the ledger, or send it again', async () => {
    expect(await leftOutLines()).toEqual([
      '1.“甲局.xls”，文件不是 .xlsx 格式的 Excel 工作簿（如旧版 .xls、WPS 的 .et），须另存为 .xlsx 后报送。',
      '2.“乙局.xlsx”，文件设置了打开密码，须取消密码后报送。',
      '3.“丙局.xlsx”，文件中没有意识形态工作台账的内容。',
      '4.“丁局.xlsx”，文件已损坏或无法打开。',
    ]);
  });

  it('keeps to 无法读取 for every one under a wording template edited before these reasons were added', async () => {
    const packaged = readFileSync('templates/reports/汇总通报.yaml', 'utf8');
    const older = packaged.replace(/^ {2}(格式不符|设有密码|不是台账):.*\n/gmu, '');
    expect(older).not.toMatch(/^ {2}(格式不符|设有密码|不是台账):/mu);
    const path = join(mkdtempSync(join(tmpdir(), 'taizhang-template-')), '汇总通报.yaml');
    writeFileSync(path, older.replace('无法读取: 文件已损坏或无法打开', '无法读取: 文件无法读取'));
    const lines = await leftOutLines(path);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/，文件无法读取。$/u);
  });
});
