/**
 * A fake Office for the browser test of the boot script, served in place of office.js: `Office` with
 * the requirement sets of the Excel the test names and the Common API's getFileAsync, and `Excel.run`
 * on the fake Excel held to that ExcelApi version. Where office.js has no `FileType` (Excel 2013,
 * OfficeDev/office-js #2117) the test leaves the file out.
 */
import { FakeExcelHost } from './fakeExcel';
import { FakeFileDocument } from './fakeFile';
import type { FakeWorkbookState } from './state';

export interface FakeOfficeSetup {
  /** The host's ExcelApi minor version: 1 for Office 2016, 7 for Office 2019. */
  excelApi: number;
  /** File 1.1 and `Office.FileType` are there. */
  file: boolean;
  state: FakeWorkbookState;
  /** The workbook's file, base64. */
  bytes: string;
}

declare global {
  var taizhangFakeOffice: FakeOfficeSetup;
  var taizhangFake: FakeExcelHost;
  /** What the boot script asked the browser to open. */
  var taizhangOpened: string[];
}

const setup = globalThis.taizhangFakeOffice;
const fake = new FakeExcelHost(setup.state, { excelApi: setup.excelApi, features: { notes: setup.excelApi >= 18 } });
const bytes = Uint8Array.from(atob(setup.bytes), (c) => c.charCodeAt(0));
const file = new FakeFileDocument(bytes, { unsaved: 'saved' });
globalThis.taizhangFake = fake;
globalThis.taizhangOpened = [];
const info = { host: 'Excel', platform: 'PC' };

const office = {
  HostType: { Excel: 'Excel' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  ...(setup.file ? { FileType: { Compressed: 'compressed', Text: 'text', Pdf: 'pdf' } } : {}),
  context: {
    requirements: {
      isSetSupported(name: string, version = '1.1') {
        const minor = Number(version.split('.')[1] ?? 0);
        if (name === 'ExcelApi') return minor <= setup.excelApi;
        if (name === 'File') return setup.file && minor <= 1;
        return false;
      },
    },
    document: file,
    ui: {},
  },
  onReady(callback?: (ready: typeof info) => void) {
    if (callback) setTimeout(() => callback(info), 0);
    return Promise.resolve(info);
  },
};

Object.assign(globalThis, {
  Office: office,
  Excel: { run: (_options: unknown, batch: Parameters<FakeExcelHost['run']>[0]) => fake.run(batch) },
});
window.open = (url?: string | URL) => {
  globalThis.taizhangOpened.push(String(url));
  return null;
};
