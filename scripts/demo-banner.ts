/**
 * What `npm run demo` prints once the server answers: where to open it, the
 * accounts to log in with, and where the mail it sends goes (a newcomer needs
 * the verification links).
 */
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/demo.ts';

export interface DemoSetting {
  siteUrl: string;
  dataDir: string;
  smtpUrl: string | null;
  database: string;
}

export function demoBanner(setting: DemoSetting): string {
  const mail = setting.smtpUrl
    ? `sent through ${new URL(setting.smtpUrl).host} (SMTP_URL)`
    : `written to ${path.resolve(setting.dataDir, 'outbox')}/*.eml; its links are also in the server log`;
  return [
    '',
    `Likes & Fails is running at ${setting.siteUrl}`,
    `  database: ${setting.database}`,
    `  demo accounts (password ${DEMO_PASSWORD}):`,
    `    ${DEMO_ACCOUNTS.customer}   customer`,
    `    ${DEMO_ACCOUNTS.brandOwner}      owner of Northwind Telecom`,
    `    ${DEMO_ACCOUNTS.moderator}  moderator`,
    `    ${DEMO_ACCOUNTS.frenchCustomer}     French-speaking customer`,
    `    ${DEMO_ACCOUNTS.frenchBrandOwner}     owner of Fibrelune (French-speaking)`,
    `  mail: ${mail}`,
    '  stop: Ctrl-C',
    '',
  ].join('\n');
}
