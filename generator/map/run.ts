import { mappingKeys } from '../../ledger/normalise/mappings';
import { isPasteReady, mapWorkbook, pasteEntries, type LedgerMap } from '../../ledger/normalise/suggest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { resolveAsOf } from '../asOf';

const sureWord = (sure: number) => (sure >= 0.8 ? '高' : sure >= 0.4 ? '中' : '低');

/** What `taizhang map` prints: recognised, not recognised, and lines to paste into 基本信息. */
export function renderMap(map: LedgerMap): string {
  const lines = [`台账识别：${map.workbook}`, '', '【已识别】'];
  const known = map.sheets.filter((s) => s.topic !== null);
  if (known.length === 0) lines.push('  （没有认出任何工作类别）');
  for (const s of known) {
    lines.push(`  工作表“${s.sheet}” → ${s.topic}（${s.reason}）`);
    for (const c of s.columns) lines.push(`    列“${c.header.replace(/\s+/gu, '')}” → ${c.field}（${c.how}）`);
    for (const d of s.derived) lines.push(`    ${d} ← 从记录的文字推断`);
  }
  lines.push('', '【未识别】');
  const unknown = map.sheets.filter((s) => s.topic === null);
  for (const s of unknown) lines.push(`  工作表“${s.sheet}”：${s.reason}`);
  if (map.missing.length > 0) lines.push(`  未找到的工作类别：${map.missing.join('、')}`);
  if (unknown.length === 0 && map.missing.length === 0) lines.push('  无');
  const ready = map.suggestions.filter(isPasteReady);
  const asked = map.suggestions.filter((s) => !isPasteReady(s));
  lines.push('', '【建议映射】以下各行有把握，可直接复制到“基本信息”工作表（“项目”列 | “内容”列）：');
  if (ready.length === 0) lines.push('  （没有有把握的映射行）');
  for (const key of mappingKeys) {
    const own = ready.filter((s) => s.key === key);
    if (own.length === 0) continue;
    lines.push(`${key}\t${pasteEntries(own, key).join('；')}`);
    for (const s of own) lines.push(`  # ${s.entry}（把握${sureWord(s.sure)}）${s.why}`);
  }
  if (asked.length > 0) {
    lines.push('', '【请核对】以下对应没有把握，不能直接粘贴；请核对后按实际填写：');
    for (const s of asked) {
      lines.push(`  ？${s.question ?? s.entry}（把握${sureWord(s.sure)}）${s.why}`);
      if (s.entry !== '') lines.push(`    如是，添加：${s.key}\t${s.entry}`);
    }
  }
  lines.push('', '【结论】');
  if (map.inexpressible.length > 0) for (const text of map.inexpressible) lines.push(`  映射无法表达：${text}。`);
  if (map.unfound.length > 0)
    lines.push(
      `  未找到的栏目：${map.unfound.join('、')}，表中看不出在哪一列。如表中有，请填写“列名映射：表名.字段=本单位列名”；如确实没有，相关要求校验为“无法判断”。`,
    );
  if (map.suggestions.length === 0 && map.inexpressible.length === 0 && map.unfound.length === 0)
    lines.push(
      map.missing.length > 0 && map.sheets.every((s) => s.topic === null)
        ? '  没有能猜出的映射。上面未找到的工作类别如记在其他工作表、列或类别中，请按“表名映射：表名=本单位工作表名”的格式填写。'
        : '  无需映射：本台账按现有的工作表和表头即可读取。未找到的工作类别如确未记录，无需填写映射。',
    );
  else if (map.inexpressible.length === 0 && ready.length + asked.length > 0)
    lines.push(
      ready.length === 0
        ? '  没有可直接粘贴的映射行：请按上面的提问核对，确认后自行填写。'
        : asked.length > 0
          ? '  粘贴上面的映射行，并核对提问后，即可按映射读取。'
          : '  粘贴上面的映射行后即可按映射读取。',
    );
  return `${lines.join('\n')}\n`;
}

/** `taizhang map FILE`: reads the workbook and prints what was recognised. */
export async function mapLedger(path: string): Promise<void> {
  const map = mapWorkbook(await readWorkbookFile(path), Number(resolveAsOf(undefined).slice(0, 4)));
  process.stdout.write(renderMap(map));
}
