import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { judgeLedger, type Outcome, type Task } from './judge';

/** Marks a worker started by this module, so the module serves tasks only there. */
const workerRole = 'taizhang-ledger-worker';

// A worker runs this very module (see `startWorker`): it judges each task it is sent.
if (!isMainThread && workerData === workerRole && parentPort) {
  const port = parentPort;
  port.on('message', (task: Task) => {
    void judgeLedger(task).then((outcome) => port.postMessage(outcome));
  });
}

/** Below this many CPUs, ledgers are judged in the main thread unless --jobs asks otherwise. */
const threadedFrom = 4;

/**
 * Threads worth starting: one per CPU, never more than there are ledgers. On the 2-CPU machine the
 * bench runs on, two threads judged 50 ledgers 0.89–1.14 × and 500 ledgers 0.91–1.35 × as fast as one
 * from run to run, for about 60 % more memory (bench/many.ts), so a machine with fewer than four CPUs
 * keeps to one thread.
 */
export function defaultJobs(ledgers: number): number {
  const cpus = availableParallelism();
  return cpus < threadedFrom ? 1 : Math.max(1, Math.min(cpus, ledgers));
}

function crashed(task: Task, error: Error): Outcome {
  return {
    kind: 'unreadable',
    path: task.path,
    workbook: task.name,
    message: `处理“${task.path}”失败：${error.message.split('\n')[0]}`,
    failure: 'other',
  };
}

function startWorker(): Worker {
  // The bundle keeps this module in a chunk of its own or a shared one; either way its URL loads it.
  return new Worker(new URL(import.meta.url), { workerData: workerRole });
}

/**
 * Judges every task, `jobs` at a time (1: in this thread, one after another), and hands each outcome
 * to `each` in the order of `tasks`, as soon as it and all before it are done. One ledger at a time per
 * thread keeps memory at a few ledgers' worth however many there are.
 */
export async function judgeAll(tasks: readonly Task[], jobs: number, each: (outcome: Outcome, index: number) => void): Promise<void> {
  const outcomes: Array<Outcome | undefined> = [];
  let emitted = 0;
  const settle = (index: number, outcome: Outcome) => {
    outcomes[index] = outcome;
    for (let o = outcomes[emitted]; o !== undefined; o = outcomes[emitted]) {
      outcomes[emitted] = undefined;
      each(o, emitted++);
    }
  };
  if (jobs <= 1) {
    for (const [index, task] of tasks.entries()) settle(index, await judgeLedger(task));
    return;
  }
  let next = 0;
  const runWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let current = -1;
      const send = () => {
        if (next >= tasks.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(tasks[current]);
      };
      worker.on('message', (outcome: Outcome) => {
        settle(current, outcome);
        send();
      });
      // judgeLedger catches every error, so a worker dies only as a whole (Node ends one that reaches its heap
      // limit with ERR_WORKER_OUT_OF_MEMORY): the ledger it held is reported and a fresh worker takes the rest.
      worker.once('error', (error) => {
        if (current >= 0) settle(current, crashed(tasks[current], error));
        runWorker(startWorker()).then(resolve, reject);
      });
      send();
    });
  const count = Math.min(jobs, tasks.length);
  await Promise.all(Array.from({ length: count }, () => runWorker(startWorker())));
}
