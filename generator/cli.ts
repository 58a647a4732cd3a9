import { registerMap } from './commands/map';
import { registerReport } from './commands/report';
import { registerRules } from './commands/rules';
import { registerSummary } from './commands/summary';
import { registerTemplate } from './commands/template';
import { registerValidate } from './commands/validate';
import { createProgram, runProgram } from './program';

const program = createProgram([registerValidate, registerReport, registerTemplate, registerRules, registerMap, registerSummary]);
process.exitCode = await runProgram(program, process.argv.slice(2));
