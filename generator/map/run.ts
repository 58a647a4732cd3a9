import { mappingKeys } from '../../ledger/normalise/mappings';
import { mapWorkbook, type LedgerMap } from '../../ledger/normalise/suggest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { resolveAsOf } from '../asOf';

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
  lines.push('', '【建议映射】在“基本信息”工作表中添加以下行（“项目”列 | “内容”列），可直接复制：');
  if (map.suggestions.length === 0) {
    lines.push(
      map.missing.length > 0
        ? '  没有能猜出的映射。上面未找到的工作类别如记在其他工作表、列或类别中，请按“表名映射：表名=本单位工作表名”的格式填写。'
        : '  无需添加。',
    );
  }
  for (const key of mappingKeys) {
    const own = map.suggestions.filter((s) => s.key === key);
    if (own.length === 0) continue;
    lines.push(`${key}\t${own.map((s) => s.entry).join('；')}`);
    for (const s of own) lines.push(`  # ${s.entry}：${s.why}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `taizhang map FILE`: reads the workbook and prints what was recognised. */
export async function mapLedger(path: string): Promise<void> {
  const map = mapWorkbook(await readWorkbookFile(path), Number(resolveAsOf(undefined).slice(0, 4)));
  process.stdout.write(renderMap(map));
}
