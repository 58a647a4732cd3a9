/**
 * The ledger file the clerk chose or dropped, as the panel's source: its bytes are read once and
 * checked in the worker whenever the 校验日期 changes; 重新校验 makes a new source from the file on disk.
 */
import { failureLine } from '../../ledger/errors';
import type { CheckedLedger, LedgerSource } from '../pane/panel';
import { UnrecognisedLedger } from '../pane/panel';
import type { ReportFile } from '../pane/report';
import type { CheckReply, CheckRequest } from './checkMessages';
import CheckWorker from './checkWorker?worker&inline';

/** A failure already put into the clerk's words. */
class CheckFailure extends Error {}

let worker: Worker | null = null;
let nextId = 1;

type Checked = { result: CheckedLedger; report: ReportFile | null };

function inWorker(bytes: Uint8Array, request: Omit<CheckRequest, 'id' | 'bytes'>, progress: (text: string) => void): Promise<Checked> {
  worker ??= new CheckWorker();
  const running = worker;
  const id = nextId++;
  // A copy goes over, so the bytes the page keeps for the 标注副本 stay whole.
  const message: CheckRequest = { ...request, id, bytes: bytes.slice().buffer };
  return new Promise((resolve, reject) => {
    const listen = (event: MessageEvent<CheckReply>) => {
      const answer = event.data;
      if (answer.id !== id) return;
      if (answer.kind === 'progress') {
        progress(answer.text);
        return;
      }
      running.removeEventListener('message', listen);
      if (answer.kind === 'done') resolve({ result: answer.result, report: answer.report });
      else if (answer.kind === 'unrecognised') reject(new UnrecognisedLedger(answer.mapped));
      else reject(new CheckFailure(answer.message));
    };
    running.addEventListener('message', listen);
    running.postMessage(message, [message.bytes]);
  });
}

export interface LedgerFile extends LedgerSource {
  readonly name: string;
  /** The file's bytes as they were read; the file itself is never written. */
  bytes(): Promise<Uint8Array>;
}

export function ledgerFile(file: File): LedgerFile {
  let read: Promise<Uint8Array> | null = null;
  const bytes = () =>
    (read ??= file.arrayBuffer().then(
      (buffer) => new Uint8Array(buffer),
      // Chromium refuses a File whose file changed on disk after it was chosen (NotReadableError).
      () => {
        throw new CheckFailure(`无法读取“${file.name}”：文件在选择后被修改、移动或删除了。请重新选择文件。`);
      },
    ));
  return {
    name: file.name,
    bytes,
    validate: async (asOf, progress) => (await inWorker(await bytes(), { name: file.name, asOf }, progress)).result,
    report: async (kind, period, asOf, progress) => {
      const { result, report } = await inWorker(await bytes(), { name: file.name, asOf, report: { kind, period } }, progress);
      if (!report) throw new Error('报告未生成');
      return { result, file: report };
    },
    describeError: (error) => (error instanceof CheckFailure ? error.message : failureLine(error)),
  };
}
