import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillingGuide, fillingGuidePath } from '../scripts/fillingGuide';
import { fieldsOf } from '../ledger/schema/fields';
import { recordSheets } from '../ledger/schema/sheets';

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
});
