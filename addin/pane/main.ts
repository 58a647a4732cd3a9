import '../../ledger/schema/noEval';
import { connectToExcel } from '../excel/adapter';
import { registerFluent } from './fluent';
import { Pane } from './pane';

registerFluent();
new Pane(await connectToExcel());
