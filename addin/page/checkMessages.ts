/** What the page and its worker say to each other. */
import type { Finding } from '../../ledger/findings';
import type { MappedLedger } from '../pane/checkGrid';
import type { CheckedLedger } from '../pane/panel';
import type { ReportFile } from '../pane/report';
import type { ReportKind } from '../pane/viewModel';

export type WorkRequest =
  | {
      kind: 'check';
      /** The ledger file's bytes; the worker gets its own copy, so the page keeps the original. */
      bytes: ArrayBuffer;
      name: string;
      asOf: string;
      /** Also a report on the ledger as checked. */
      report?: { kind: ReportKind; period: string };
    }
  /** 下载标注副本: the ledger's bytes (a copy) with the findings to mark in it; `name` for messages. */
  | { kind: 'annotate'; bytes: ArrayBuffer; name: string; findings: Finding[] }
  /** 清除标注: a 标注副本's bytes, to be given back without the page's marks. */
  | { kind: 'clear'; bytes: ArrayBuffer; name: string };

export type WorkerRequest =
  | (WorkRequest & { id: number })
  /** Hold the Web Lock of this name while alive: the page is granted it only once the worker is gone. */
  | { kind: 'hold'; lock: string };

export type WorkReply =
  | { kind: 'progress'; text: string }
  | { kind: 'done'; result: CheckedLedger; report: ReportFile | null }
  | { kind: 'unrecognised'; mapped: MappedLedger }
  | { kind: 'annotated'; bytes: Uint8Array; marked: number; cleared: number }
  | { kind: 'failed'; message: string };

export type WorkerReply = (WorkReply & { id: number }) | { kind: 'holding' };
