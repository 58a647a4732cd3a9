import { build, type BuildOptions } from 'esbuild';

/** Bundles for the browser as the add-in's build does; the errors and the bundle's text. */
export async function browserBundle(input: Pick<BuildOptions, 'entryPoints' | 'stdin'>): Promise<{ errors: unknown[]; text: string }> {
  const result = await build({ ...input, bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
  return { errors: result.errors, text: result.outputFiles[0]?.text ?? '' };
}
