import '../../ledger/schema/noEval';
import { connectToExcel } from '../excel/adapter';
import { registerFluent } from './fluent';
import { Pane } from './pane';

registerFluent();
// No top-level await: the webviews of older Mac Excel (Safari 13, 14) lack it (vite.config.ts).
void connectToExcel().then((host) => new Pane(host));
