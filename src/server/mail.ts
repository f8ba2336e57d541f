/**
 * Outgoing e-mail through nodemailer. With SMTP_URL the message goes to that
 * server; without it, it is written as an .eml file to DATA_DIR/outbox and its
 * links are logged, so the demo and the tests work offline.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { logger } from './logger.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface MailerOptions {
  smtpUrl: string | null;
  outboxDir: string;
  from?: string;
  /** Where to say that a message went to the outbox (the server log by default; tests pass a no-op). */
  log?: (line: string) => void;
}

const DEFAULT_FROM = 'Likes & Fails <no-reply@likes-and-fails.example>';

export function createMailer(options: MailerOptions): Mailer {
  const from = options.from ?? DEFAULT_FROM;
  const log = options.log ?? ((line: string) => logger.info(line));
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({ from, ...message });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      await fs.mkdir(options.outboxDir, { recursive: true });
      const safeTo = message.to.replace(/[^a-z0-9@.-]/gi, '_');
      const file = path.join(
        options.outboxDir,
        `${Date.now()}-${safeTo}-${Math.random().toString(36).slice(2, 8)}.eml`,
      );
      await fs.writeFile(file, info.message as Buffer);
      const links = message.text.match(/https?:\/\/\S+/g) ?? [];
      log(`Mail to ${message.to} written to ${file}${links.length ? `\n  ${links.join('\n  ')}` : ''}`);
    },
  };
}
