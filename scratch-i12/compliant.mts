import { compliantLedger, yearClosed } from '/work/wt-i12/test/helpers/compliantLedger';
import { validateLedger } from '/work/wt-i12/test/helpers/ledgerWorkbook';
import { reportBuilder } from '/work/wt-i12/generator/report/generate';
const result = await validateLedger(compliantLedger(), yearClosed);
for (const [kind, period] of [['quarterly', '2026Q2'], ['quarterly', '2026Q1'], ['semiannual', '2026H1']] as const) {
  const r = (await reportBuilder(kind))(result, { period });
  console.log('=====', kind, period, r.titleLines.join('|'));
  for (const x of [...r.body, ...r.appendices.flatMap(a=>a.body)]) console.log(x.kind === 'table' ? 'TABLE ' + JSON.stringify(x.rows) : (x.kind==='heading'?'## ':'  ') + x.text);
}
