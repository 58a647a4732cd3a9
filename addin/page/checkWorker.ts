/**
 * Reads and checks a ledger off the page's main thread, so a 100,000-record ledger never freezes the
 * page: the same core as the CLI (ledger/read on the bytes, then validateGrid), with a line of
 * progress between the stages, and what `taizhang map` recognises for 对应关系 (alone, where no ledger
 * sheet is recognised). The records stay here; the page gets the findings and statuses, and a report
 * is built here too, from the records.
 */
import '../../ledger/schema/noEval';
import { failureLine } from '../../ledger/errors';
import { readWorkbookBytes } from '../../ledger/read/portable';
import { ReportRefusal } from '../../generator/report/readiness';
import { checkGrid } from '../pane/checkGrid';
import { buildReport } from '../pane/report';
import type { CheckReply, CheckRequest } from './checkMessages';

const reply = (message: CheckReply, transfer: Transferable[] = []) => postMessage(message, { transfer });

addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  const { id, bytes, name, asOf, report } = event.data;
  void (async () => {
    try {
      reply({ id, kind: 'progress', text: `正在读取“${name}”（${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB）……` });
      const grid = await readWorkbookBytes(new Uint8Array(bytes), name);
      const rows = grid.sheets.reduce((sum, sheet) => sum + sheet.values.length, 0);
      reply({
        id,
        kind: 'progress',
        text: `已读取 ${grid.sheets.length} 张工作表、${rows.toLocaleString('zh-CN')} 行，正在按实施方案检查……`,
      });
      const check = checkGrid(grid, asOf);
      if (check.kind === 'unrecognised') {
        reply({ id, kind: 'unrecognised', mapped: check.mapped });
        return;
      }
      const { ledger, ...checked } = check.result;
      // The records stay here; 读取情况 needs only how each sheet's rows were read.
      const result = { ...checked, ledger: { account: ledger.account } };
      if (!report) {
        reply({ id, kind: 'done', result, report: null });
        return;
      }
      reply({ id, kind: 'progress', text: '正在生成报告……' });
      const file = await buildReport(report.kind, check.result, report.period);
      reply({ id, kind: 'done', result, report: file }, [file.bytes.buffer]);
    } catch (error) {
      reply({ id, kind: 'failed', message: error instanceof ReportRefusal ? error.message : failureLine(error) });
    }
  })();
});
