import { UsageError } from '../../errors';

/** A wording template that is missing, unreadable or wrong: the CLI prints the message and exits 2. */
export class TemplateError extends UsageError {
  override name = 'TemplateError';
}
