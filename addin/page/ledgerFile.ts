/**
 * The ledger file the clerk chose or dropped, as the panel's source: its bytes are read once and
 * checked in the worker whenever the 校验日期 changes, and its 标注副本 is built there too;
 * 重新校验 makes a new source from the file on disk.
 */
import type { Finding } from '../../ledger/findings';
import { failureLine } from '../../ledger/errors';
import type { LedgerSource } from '../pane/panel';
import { UnrecognisedLedger } from '../pane/panel';
import type { ReportKind } from '../pane/viewModel';
import type { AnnotatedCopy } from './annotate/annotatedCopy';
import { inWorker, WorkerLost } from './pageWorker';
import type { WorkReply } from './checkMessages';

/** A failure already put into the clerk's words. */
class CheckFailure extends Error {}

type Progress = (text: string) => void;

async function check(bytes: Uint8Array, name: string, asOf: string, progress: Progress, report?: { kind: ReportKind; period: string }) {
  // A copy goes over, so the bytes the page keeps for the 标注副本 stay whole.
  const copy = bytes.slice().buffer;
  const answer = await inWorker({ kind: 'check', bytes: copy, name, asOf, report }, [copy], progress);
  if (answer.kind === 'done') return { result: answer.result, report: answer.report };
  if (answer.kind === 'unrecognised') throw new UnrecognisedLedger(answer.mapped);
  throw new CheckFailure(answer.kind === 'failed' ? answer.message : '校验未完成');
}

export interface LedgerFile extends LedgerSource {
  readonly name: string;
  /** The file's bytes as they were read; the file itself is never written. */
  bytes(): Promise<Uint8Array>;
  /** The 标注副本 of these bytes, built in the worker. */
  annotatedCopy(findings: Finding[], progress: Progress): Promise<AnnotatedCopy>;
  /** These bytes without the page's marks (清除标注 of a 标注副本), built in the worker. */
  clearedCopy(progress: Progress): Promise<AnnotatedCopy>;
}

function copied(answer: WorkReply): AnnotatedCopy {
  if (answer.kind === 'annotated') return { bytes: answer.bytes, marked: answer.marked, cleared: answer.cleared };
  throw new CheckFailure(answer.kind === 'failed' ? answer.message : '副本未生成');
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
    validate: async (asOf, progress) => (await check(await bytes(), file.name, asOf, progress)).result,
    report: async (kind, period, asOf, progress) => {
      const { result, report } = await check(await bytes(), file.name, asOf, progress, { kind, period });
      if (!report) throw new Error('报告未生成');
      return { result, file: report };
    },
    annotatedCopy: async (findings, progress) => {
      const copy = (await bytes()).slice().buffer;
      return copied(await inWorker({ kind: 'annotate', bytes: copy, name: file.name, findings }, [copy], progress));
    },
    clearedCopy: async (progress) => {
      const copy = (await bytes()).slice().buffer;
      return copied(await inWorker({ kind: 'clear', bytes: copy, name: file.name }, [copy], progress));
    },
    describeError: (error) => (error instanceof CheckFailure || error instanceof WorkerLost ? error.message : failureLine(error)),
  };
}
