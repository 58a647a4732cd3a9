import { Command, CommanderError } from 'commander';
import { LedgerReadError } from '../ledger/errors';
import { exitCode, UsageError } from './errors';

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
      return `不认识的命令 ${quoted}。可用命令：validate、report、template、rules、map。`;
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

export function createProgram(registers: readonly Register[]): Command {
  const program = new Command('taizhang')
    .description('台账助手：按实施方案校验意识形态工作台账，生成季度分析报告和半年通报')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示命令的帮助')
    .showSuggestionAfterError(false)
    .configureOutput({ writeErr: () => undefined });
  for (const register of registers) register(program);
  program.exitOverride();
  for (const command of program.commands) {
    command
      .exitOverride()
      .helpOption('-h, --help', '显示帮助')
      .configureOutput({ writeErr: () => undefined });
  }
  return program;
}

/** Runs the CLI; every expected failure ends as one Chinese line and exit 2, never a stack trace. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : exitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help')
        return exitCode.ok;
      process.stderr.write(`${chineseUsage(error)}\n`);
      return exitCode.usage;
    }
    if (error instanceof UsageError || error instanceof LedgerReadError) {
      process.stderr.write(`${error.message}\n`);
      return exitCode.usage;
    }
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`处理失败：${reason.split('\n')[0]}（设置环境变量 TAIZHANG_DEBUG=1 可查看详细信息）\n`);
    if (process.env.TAIZHANG_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return exitCode.usage;
  }
}
