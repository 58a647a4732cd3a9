/**
 * HTTPS for the dev server with the Office add-in developer certificate. Trusting its CA needs
 * administrator rights (sudo on Linux and Mac); without them the page is still served over HTTPS
 * with the same certificate, and the console says how to have it trusted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface HttpsOptions {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

export async function devHttpsOptions(): Promise<HttpsOptions> {
  const certs = await import('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (error) {
    const dir = join(homedir(), '.office-addin-dev-certs');
    const files = { ca: join(dir, 'ca.crt'), cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };
    if (!Object.values(files).every((f) => existsSync(f))) await certs.generateCertificates(files.ca, files.cert, files.key);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.warn(
      `未能让系统信任 Office 加载项开发证书（${reason}）。开发服务器照常以 HTTPS 运行；` +
        '要让 Excel 信任 https://localhost:3000，请以管理员身份运行一次：npx office-addin-dev-certs install',
    );
    return { ca: readFileSync(files.ca), cert: readFileSync(files.cert), key: readFileSync(files.key) };
  }
}
