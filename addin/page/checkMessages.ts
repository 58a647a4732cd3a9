/** What the page and its validation worker say to each other. */
import type { ValidationResult } from '../../ledger/model';

export interface CheckRequest {
  id: number;
  /** The ledger file's bytes; the worker gets its own copy, so the page keeps the original. */
  bytes: ArrayBuffer;
  name: string;
  asOf: string;
}

export type CheckReply =
  | { id: number; kind: 'progress'; text: string }
  | { id: number; kind: 'done'; result: ValidationResult }
  | { id: number; kind: 'failed'; message: string };
