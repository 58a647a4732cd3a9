import type { Finding } from '../findings';
import type { Ledger, LedgerRecord } from '../model';
import { fieldsOf } from '../schema/fields';
import { recordSheetKeys, recordSheets } from '../schema/sheets';
import { foldCompact } from '../text/fold';
import { unitsNamed } from '../check/rules/units';
import { finding } from './finding';

/**
 * Units written short (issue 19 §4): `一支部` is 第一党支部, `城关所` 城关管理所, `规划股` 规划管理股 — the
 * short form's characters in order in the full name, ending in the same word (所, 股, 支部), in exactly
 * one unit of 组织架构. Read as that unit with an info finding; two candidates are a D06 asking which,
 * and the unit is then unread, so a per-unit requirement it might fulfil is 无法判断.
 */
function abbreviates(short: string, full: string): boolean {
  if (short.length >= full.length || short.length < 2 || short[short.length - 1] !== full[full.length - 1]) return false;
  let i = 0;
  for (const ch of full) if (ch === short[i]) i++;
  return i === short.length;
}

/** The units of 组织架构 a short name may stand for. */
export function unitsAbbreviated(short: string, units: readonly string[]): string[] {
  const folded = foldCompact(short);
  return units.filter((u) => abbreviates(folded, foldCompact(u)));
}

/** Rewrites each unit field written short to the unit it names; returns the findings saying so. */
export function readShortUnitNames(ledger: Ledger): Finding[] {
  const units = [...new Set(ledger.records.organization.map((r) => r.data.单位名称).filter((n): n is string => n !== undefined))];
  if (units.length === 0) return [];
  const known = new Set(units.map(foldCompact));
  const findings: Finding[] = [];
  const said = new Set<string>();
  for (const key of recordSheetKeys) {
    const fields = fieldsOf(recordSheets[key].schema).filter((f) => f.kind === 'unit');
    for (const r of ledger.records[key] as LedgerRecord[]) {
      const data = r.data as Record<string, unknown>;
      for (const { name } of fields) {
        const value = data[name];
        if (typeof value !== 'string') continue;
        const items = unitsNamed(value);
        if (items.every((item) => known.has(foldCompact(item)))) continue;
        const column = (r.columns as Record<string, number | undefined>)[name] ?? 1;
        const at = { sheet: r.sheet, row: r.row, column };
        let unsure = false;
        let short = false;
        const read = items.map((item) => {
          if (known.has(foldCompact(item))) return item;
          const candidates = unitsAbbreviated(item, units);
          if (candidates.length === 1) {
            short = true;
            const once = `${r.sheet}\u0000${item}`;
            if (!said.has(once)) {
              said.add(once);
              findings.push(
                finding(
                  'D06',
                  at,
                  `“${name}”写作“${item}”，按组织架构中的“${candidates[0]}”计（简称）。如不对，请改为组织架构中的单位名称。`,
                  { field: name, value, severity: 'info' },
                ),
              );
            }
            return candidates[0];
          }
          if (candidates.length > 1) {
            unsure = true;
            findings.push(
              finding(
                'D06',
                at,
                `“${name}”写作“${item}”，可能是组织架构中的“${candidates.join('”或“')}”，无法确定是哪一个，未计入任何单位。请写明单位全称。`,
                { field: name, value },
              ),
            );
          }
          return item;
        });
        if (unsure) {
          delete data[name];
          r.unread = [...(r.unread ?? []), name] as never;
        } else if (short) data[name] = read.join('、');
      }
    }
  }
  return findings;
}
