/** What the page and its worker say to each other. */
import type { MappedLedger } from '../pane/checkGrid';
import type { CheckedLedger } from '../pane/panel';
import type { ReportFile } from '../pane/report';
import type { ReportKind } from '../pane/viewModel';

export interface CheckRequest {
  id: number;
  /** The ledger file's bytes; the worker gets its own copy, so the page keeps the original. */
  bytes: ArrayBuffer;
  name: string;
  asOf: string;
  /** Also a report on the ledger as checked. */
  report?: { kind: ReportKind; period: string };
}

export type CheckReply =
  | { id: number; kind: 'progress'; text: string }
  | { id: number; kind: 'done'; result: CheckedLedger; report: ReportFile | null }
  | { id: number; kind: 'unrecognised'; mapped: MappedLedger }
  | { id: number; kind: 'failed'; message: string };
