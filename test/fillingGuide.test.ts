import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillingGuide, fillingGuidePath } from '../scripts/fillingGuide';
import { fieldsOf } from '../ledger/schema/fields';
import { recordSheets } from '../ledger/schema/sheets';
import { defaultPlan } from '../ledger/plan/defaults';
import { planRow, planSheetTitle } from '../ledger/schema/plan';

describe('the filling guide in the repository', () => {
  it('is what the schemas give (regenerate with npm run guide:update)', () => {
    expect(readFileSync(fillingGuidePath, 'utf8')).toBe(fillingGuide());
  });

  it('names every sheet, every column and every allowed value', () => {
    const guide = fillingGuide();
    for (const { title, schema } of Object.values(recordSheets)) {
      expect(guide).toContain(`## ${title}`);
      for (const field of fieldsOf(schema)) {
        expect(guide).toContain(`| ${field.name} |`);
        for (const value of field.values ?? []) expect(guide).toContain(value);
      }
    }
  });

  it('explains 实施方案要求 with its columns and the rows the blank template comes with', () => {
    const guide = fillingGuide();
    expect(guide).toContain(`## ${planSheetTitle}`);
    expect(guide).toContain(
      `| ${fieldsOf(planRow)
        .map((f) => f.name)
        .join(' | ')} |`,
    );
    for (const r of defaultPlan({ 定期检查周期: '年度' })) expect(guide).toContain(`| ${r.id} | ${r.text} |`);
  });
});
