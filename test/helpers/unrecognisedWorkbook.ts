/** A bureau's workbook in which no sheet names a ledger topic: meetings kept on `Sheet1`, an empty `Sheet2`. */
import ExcelJS from 'exceljs';

export const unrecognisedName = '会议记录.xlsx';

export async function unrecognisedWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const meetings = workbook.addWorksheet('Sheet1');
  meetings.addRows([
    ['日期', '内容', '负责人'],
    [new Date(Date.UTC(2026, 2, 12)), '党组会议专题研究意识形态工作', '张三'],
    [new Date(Date.UTC(2026, 5, 18)), '党组会议研究网络意识形态工作', '张三'],
  ]);
  workbook.addWorksheet('Sheet2');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
