/**
 * The pane's Content-Security-Policy forbids eval. Zod compiles object parsers with `new Function`
 * unless told not to, and probes for it when the first schema is built, so this is imported before
 * anything that builds one.
 */
import * as z from 'zod';

z.config({ jitless: true });
