import * as acorn from 'acorn';
import { readFileSync, readdirSync } from 'node:fs';
const f = readdirSync('dist/static').find(n => /^taskpane-.*\.js$/.test(n));
const code = readFileSync('dist/static/' + f, 'utf8');
for (const ev of [2019, 2021, 2022]) {
  try { acorn.parse(code, { ecmaVersion: ev, sourceType: 'module' }); console.log(ev, 'ok'); } catch (e) { console.log(ev, e.message, JSON.stringify(code.slice(e.pos-60, e.pos+60))); }
}
const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
const pats = [];
function visit(n) { if (!n || typeof n.type !== 'string') return;
  if (n.type === 'Literal' && n.regex) pats.push(['lit', n.regex.pattern, n.regex.flags]);
  if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.callee.name === 'RegExp') pats.push([n.type, n.arguments.map(a => a.value ?? a.type)]);
  for (const v of Object.values(n)) { if (Array.isArray(v)) v.forEach(visit); else if (v && typeof v === 'object') visit(v); } }
visit(ast);
console.log(pats.length);
for (const p of pats) if (p[0] !== 'lit' || /\(\?<[=!]/.test(p[1])) console.log(JSON.stringify(p).slice(0, 200));
