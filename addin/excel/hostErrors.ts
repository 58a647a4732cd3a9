/**
 * Errors as the clerk reads them. Office's error codes and messages are English, and a bug of ours
 * would surface as a JavaScript TypeError; neither may reach the pane. Every operation of the
 * adapter turns what it catches into a HostError whose message is Chinese and says whether reading
 * or writing failed.
 */

/** An error whose message is meant for the clerk as it stands. */
export class HostError extends Error {
  override readonly name = 'HostError';
}

/** What the adapter was doing: it decides the advice. */
export type HostAction = 'read' | 'select' | 'mark' | 'clear' | 'write' | 'saveMappings';

const doing: Record<HostAction, string> = {
  read: '读取工作簿',
  select: '定位单元格',
  mark: '标注',
  clear: '清除标注',
  write: '写入“校验结果”工作表',
  saveMappings: '保存对应关系',
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const tooLargeCodes = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded']);

/** Excel on the web refused a request or an answer over 5 MB. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && tooLargeCodes.has(code);
}

/** Marks and clearing write the record first, so a failure part-way can always be cleared. */
const afterFailure: Record<HostAction, string> = {
  read: '工作簿未被改动。',
  select: '',
  mark: '已做的标注可用“清除标注”去掉，单元格原来的底色和注释都能恢复。',
  clear: '可再点一次“清除标注”，未恢复的单元格会接着恢复。',
  write: '“校验结果”工作表可能只写了一部分，可再点一次“写入校验结果表”重写。',
  saveMappings: '“基本信息”可能只写入了一部分，可再点一次“保存对应关系”，已写入的行会被替换而不会重复。',
};

function advice(action: HostAction, code: string | undefined): string {
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return 'Excel 正处于单元格编辑状态，请按回车或 Esc 结束编辑后再试。';
    case 'AccessDenied':
    case 'InsufficientPermission':
      return '工作簿受保护或为只读。请在“审阅”选项卡中撤销工作表保护，或另存一份后再试。';
    case 'ResponsePayloadSizeLimitExceeded':
      return action === 'read'
        ? '工作表内容过多，Excel 网页版一次取不回来。请删除已用区域以外的多余行列（选中后右键“删除”），或在桌面版 Excel 中操作。'
        : '要读取的内容过多，Excel 网页版一次取不回来。请在桌面版 Excel 中操作。';
    case 'RequestPayloadSizeLimitExceeded':
      return '要写入的内容过多，Excel 网页版一次收不下。请先处理一部分问题再试，或在桌面版 Excel 中操作。';
    case 'GeneralException':
      // Older builds of Excel on the web refused a large answer with this code, not a size code.
      return action === 'read'
        ? '如在 Excel 网页版中打开的是很大的工作簿，请改在桌面版 Excel 中校验；否则请保存工作簿后再试。'
        : '请确认工作表未受保护、网络正常后再试。';
    case 'ItemNotFound':
      return '工作表或单元格在操作期间被删除或改名了，请重新校验后再试。';
    case 'ActivityLimitReached':
    case 'RequestAborted':
    case 'ServiceNotAvailable':
    case 'Timeout':
      return 'Excel 暂时忙不过来或网络中断，请稍候再试。';
    default:
      return action === 'read' ? '请保存工作簿后再试；如仍不行，请关闭并重新打开工作簿。' : '请确认工作表未受保护、网络正常后再试。';
  }
}

/** The clerk's message for a failure of `action`, whatever was thrown. */
export function hostErrorMessage(action: HostAction, error: unknown): string {
  if (error instanceof HostError) return error.message;
  const code = errorCode(error);
  return `${doing[action]}未完成。${advice(action, code)}${afterFailure[action]}`;
}

/** Runs one operation of the adapter; whatever it throws comes out as a HostError in Chinese. */
export async function asHostAction<T>(action: HostAction, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new HostError(hostErrorMessage(action, error), { cause: error });
  }
}

/** A message for the clerk from anything the pane caught: the adapter's own, or a plain one. */
export function describeHostError(error: unknown): string {
  return error instanceof HostError ? error.message : '操作未完成，请再试一次；如仍不行，请关闭并重新打开任务窗格。';
}
