/**
 * Reads and checks a ledger, and builds its 标注副本, off the page's main thread, so a 100,000-record
 * ledger never freezes the page: the same core as the CLI (ledger/read on the bytes, then validateGrid),
 * with a line of progress between the stages, and what `taizhang map` recognises for 对应关系 (alone,
 * where no ledger sheet is recognised). The records stay here; the page gets the findings and statuses,
 * and a report is built here too, from the records.
 */
import '../../ledger/schema/noEval';
import { failureLine } from '../../ledger/errors';
import { readWorkbookBytes } from '../../ledger/read/portable';
import { ReportRefusal } from '../../generator/report/readiness';
import { checkGrid } from '../pane/checkGrid';
import { buildReport } from '../pane/report';
import { buildAnnotatedCopy, clearedCopy } from './annotate/annotatedCopy';
import type { WorkReply, WorkerReply, WorkerRequest, WorkRequest } from './checkMessages';

const reply = (message: WorkerReply, transfer: Transferable[] = []) => postMessage(message, { transfer });

async function work(request: WorkRequest, say: (answer: WorkReply, transfer?: Transferable[]) => void): Promise<void> {
  if (request.kind === 'annotate' || request.kind === 'clear') {
    const original = new Uint8Array(request.bytes);
    say({
      kind: 'progress',
      text:
        request.kind === 'annotate'
          ? `正在生成标注副本：为 ${request.findings.length.toLocaleString('zh-CN')} 项问题加底色和批注……`
          : '正在清除标注副本中的底色和批注……',
    });
    const copy =
      request.kind === 'annotate' ? buildAnnotatedCopy(original, request.findings, request.name) : clearedCopy(original, request.name);
    say({ kind: 'annotated', bytes: copy.bytes, marked: copy.marked, cleared: copy.cleared }, [copy.bytes.buffer]);
    return;
  }
  const { bytes, name, asOf, report } = request;
  say({ kind: 'progress', text: `正在读取“${name}”（${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB）……` });
  const grid = await readWorkbookBytes(new Uint8Array(bytes), name);
  const rows = grid.sheets.reduce((sum, sheet) => sum + sheet.values.length, 0);
  say({
    kind: 'progress',
    text: `已读取 ${grid.sheets.length} 张工作表、${rows.toLocaleString('zh-CN')} 行，正在按实施方案检查……`,
  });
  const check = checkGrid(grid, asOf);
  if (check.kind === 'unrecognised') {
    say({ kind: 'unrecognised', mapped: check.mapped });
    return;
  }
  const { ledger, ...checked } = check.result;
  // The records stay here; 读取情况 needs only how each sheet's rows were read.
  const result = { ...checked, ledger: { account: ledger.account, plan: ledger.plan } };
  if (!report) {
    say({ kind: 'done', result, report: null });
    return;
  }
  say({ kind: 'progress', text: '正在生成报告……' });
  const file = await buildReport(report.kind, check.result, report.period);
  say({ kind: 'done', result, report: file }, [file.bytes.buffer]);
}

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'hold') {
    // Held until this worker ends, however it ends: no event tells the page that (whatwg/html#5869).
    navigator.locks
      .request(request.lock, () => {
        reply({ kind: 'holding' });
        return new Promise<never>(() => undefined);
      })
      .catch(() => undefined);
    return;
  }
  const { id } = request;
  work(request, (answer, transfer) => reply({ ...answer, id }, transfer)).catch((error: unknown) =>
    reply({ id, kind: 'failed', message: error instanceof ReportRefusal ? error.message : failureLine(error) }),
  );
});
