import { Command, CommanderError } from 'commander';
import { failureLine, LedgerReadError } from '../ledger/errors';
import { exitCode, UsageError } from './errors';
import { chineseHelp } from './help';

type Register = (program: Command) => void;

/** Commander's own messages are English; a clerk gets these instead. */
function chineseUsage(error: CommanderError): string {
  const quoted = /'([^']+)'/u.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.missingArgument':
      return `缺少参数 ${quoted}。用 --help 查看用法。`;
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      return `选项 ${quoted.split(' ')[0]} 缺少取值。用 --help 查看用法。`;
    case 'commander.unknownOption':
      return `不认识的选项 ${quoted}。用 --help 查看用法。`;
    case 'commander.unknownCommand':
      return `不认识的命令 ${quoted}。用 --help 查看可用的命令。`;
    case 'commander.excessArguments':
      return `参数过多。用 --help 查看用法。`;
    case 'commander.invalidArgument': {
      const [option = '', value = ''] = [...error.message.matchAll(/'([^']+)'/gu)].map((m) => m[1]);
      const allowed = /Allowed choices are (.+)\./u.exec(error.message)?.[1] ?? '';
      return `选项 ${option.split(' ')[0]} 的取值“${value}”无效${allowed ? `，可选：${allowed}` : ''}。`;
    }
    default:
      return `命令行参数有误：${error.message.replace(/^error:\s*/u, '')}`;
  }
}

/** A command that needs a subcommand, given one it does not have: the message lists the ones it has. */
class UnknownSubcommand extends UsageError {}

function unknownSubcommand(command: Command, error: CommanderError): UsageError {
  const name = /'([^']+)'/u.exec(error.message)?.[1] ?? '';
  const choices = command.commands.map((c) => `${c.name()}（${c.summary() || c.description()}）`).join('、');
  return new UnknownSubcommand(`不认识的${command.parent ? `“${command.name()}”子命令` : '命令'}“${name}”。可用：${choices}。`);
}

/** Commander's own error lines are replaced by Chinese ones; its help (even when shown for an error) is printed. */
function chineseFrame(command: Command): void {
  command
    .exitOverride((error) => {
      if (error.code === 'commander.unknownCommand') throw unknownSubcommand(command, error);
      throw error;
    })
    .helpOption('-h, --help', '显示帮助')
    .configureHelp(chineseHelp)
    .configureOutput({ outputError: () => undefined });
  for (const sub of command.commands) chineseFrame(sub);
}

export function createProgram(registers: readonly Register[]): Command {
  const program = new Command('taizhang')
    .description('台账助手：按实施方案校验意识形态工作台账，生成季度分析报告和半年通报')
    .helpCommand('help [命令]', '显示命令的帮助')
    .showSuggestionAfterError(false);
  for (const register of registers) register(program);
  chineseFrame(program);
  return program;
}

/** Runs the CLI; every expected failure ends as one Chinese line and exit 2, never a stack trace. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : exitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return exitCode.ok;
      // `taizhang` or `taizhang report` alone: commander has printed the help; nothing was done.
      if (error.code === 'commander.help') return exitCode.usage;
      process.stderr.write(`${chineseUsage(error)}\n`);
      return exitCode.usage;
    }
    if (error instanceof UsageError || error instanceof LedgerReadError) {
      process.stderr.write(`${error.message}\n`);
      return exitCode.usage;
    }
    process.stderr.write(`${failureLine(error)}（设置环境变量 TAIZHANG_DEBUG=1 可查看详细信息）\n`);
    if (process.env.TAIZHANG_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return exitCode.usage;
  }
}
