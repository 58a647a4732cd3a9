import { registerDue } from './commands/due';
import { registerMap } from './commands/map';
import { registerReport } from './commands/report';
import { registerRules } from './commands/rules';
import { registerSummary } from './commands/summary';
import { registerTemplate } from './commands/template';
import { registerValidate } from './commands/validate';
import { createProgram, runProgram } from './program';

// A reader that stops early (`| head`, a pager quit before the end) closes the pipe. What is left to
// print has nowhere to go, which is no failure of the command: it runs to the end and its exit code
// still says what it found, instead of dying on an unhandled EPIPE with Node's stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const program = createProgram([
  registerValidate,
  registerReport,
  registerTemplate,
  registerRules,
  registerMap,
  registerSummary,
  registerDue,
]);
process.exitCode = await runProgram(program, process.argv.slice(2));
