/**
 * The page's one worker (checkWorker.ts): started on the first request, and again after it is gone.
 * A worker can end without a word: the browser stops it (out of memory), or it cannot start at all
 * (a locked-down browser refusing blob: workers). An `error` event says some of that; nothing says
 * that it ended (whatwg/html#5869). So the worker holds a Web Lock while it lives, and the page asks
 * for the same lock: the page is granted it only when the worker is gone. Either way the requests it
 * had are refused in the clerk's words, and the next request starts a new worker.
 */
import type { WorkReply, WorkerReply, WorkerRequest, WorkRequest } from './checkMessages';
import CheckWorker from './checkWorker?worker&inline';

/** The worker ended before it answered. */
export class WorkerLost extends Error {
  constructor() {
    super(
      '后台校验程序意外停止了（可能是文件太大、电脑内存不足，或浏览器不允许本页面在后台运行）。请再试一次；仍不行时请关闭其他网页后重试，或换用 Chrome、Edge 浏览器。',
    );
  }
}

type Final = Exclude<WorkReply, { kind: 'progress' }>;

interface Pending {
  progress: (text: string) => void;
  settle: (answer: Final) => void;
  fail: (error: Error) => void;
}

interface Running {
  worker: Worker;
  pending: Map<number, Pending>;
}

let running: Running | null = null;
let nextId = 1;

function start(): Running {
  const worker = new CheckWorker();
  const state: Running = { worker, pending: new Map() };
  let lost = false;
  const lose = () => {
    if (lost) return;
    lost = true;
    if (running === state) running = null;
    worker.terminate();
    for (const pending of state.pending.values()) pending.fail(new WorkerLost());
    state.pending.clear();
  };
  const lock = `taizhang-worker-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    const answer = event.data;
    if (answer.kind === 'holding') {
      // Granted when the worker is gone: the lock is held by it until then. Where the browser refuses
      // locks to this page (an opaque origin), the error event is all there is.
      navigator.locks.request(lock, lose).catch(() => undefined);
      return;
    }
    const pending = state.pending.get(answer.id);
    if (!pending) return;
    if (answer.kind === 'progress') {
      pending.progress(answer.text);
      return;
    }
    state.pending.delete(answer.id);
    pending.settle(answer);
  });
  // An uncaught error (the work itself catches its own) or a worker that failed to load.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    lose();
  });
  worker.addEventListener('messageerror', lose);
  // Firefox before 96 and some locked-down browsers have no Web Locks: only the error event tells there.
  if ('locks' in navigator) worker.postMessage({ kind: 'hold', lock } satisfies WorkerRequest);
  return state;
}

/** One piece of work in the worker; `transfer` hands the request's buffers over. */
export function inWorker(request: WorkRequest, transfer: Transferable[], progress: (text: string) => void): Promise<Final> {
  return new Promise((resolve, reject) => {
    try {
      running ??= start();
    } catch {
      // The browser refused to start it (SecurityError).
      reject(new WorkerLost());
      return;
    }
    const id = nextId++;
    running.pending.set(id, { progress, settle: resolve, fail: reject });
    running.worker.postMessage({ ...request, id } satisfies WorkerRequest, transfer);
  });
}
