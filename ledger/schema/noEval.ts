/**
 * Zod compiles a fast path for each object schema with `new Function` unless told not to, and probes
 * for eval as the first object schema is built. The pane's and the page's CSP forbid eval (the probe
 * there is reported as a violation), and in Node the ledger's schemas check 100,000 records as fast
 * without it while the CLI starts sooner. The field builders (fields.ts) and the pane's and the page's
 * entry points import this before anything else.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
