/**
 * Number formats a workbook may use by id alone, without a `<numFmt>` entry. Ids 27–36 and 50–58 are
 * the East Asian dates and times that Chinese Excel and WPS save for `yyyy年m月d日` and the like; their
 * codes are locale-bound, and these are the zh-CN ones. Id 0 (General) is left out: such a cell has no
 * format worth reporting. Ids 0–49 are ECMA-376 Part 1, 18.8.30.
 */
const yearMonth = 'yyyy"年"m"月"';
const monthDay = 'm"月"d"日"';
const hourMinute = '上午/下午 h"时"mm"分"';
const hourMinuteSecond = '上午/下午 h"时"mm"分"ss"秒"';

export const builtinFormats: ReadonlyMap<number, string> = new Map([
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'],
  [27, yearMonth],
  [28, monthDay],
  [29, monthDay],
  [30, 'm-d-yy'],
  [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'],
  [33, 'h"时"mm"分"ss"秒"'],
  [34, hourMinute],
  [35, hourMinuteSecond],
  [36, yearMonth],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00 ;(#,##0.00)'],
  [40, '#,##0.00 ;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
  [50, yearMonth],
  [51, monthDay],
  [52, yearMonth],
  [53, monthDay],
  [54, monthDay],
  [55, hourMinute],
  [56, hourMinuteSecond],
  [57, yearMonth],
  [58, monthDay],
]);
