/** A mailer that keeps messages in memory, and a way to pull the link out of one. */
import type { Mailer, MailMessage } from '../../src/server/mail.ts';

export interface CapturingMailer extends Mailer {
  sent: MailMessage[];
  /** The last message to `to`, or an error naming what was sent instead. */
  lastTo(to: string): MailMessage;
}

export function createCapturingMailer(): CapturingMailer {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
    lastTo(to) {
      const message = sent.filter((m) => m.to === to).at(-1);
      if (!message) throw new Error(`No mail to ${to}; sent: ${sent.map((m) => m.to).join(', ') || 'none'}`);
      return message;
    },
  };
}

/** The token in the first link of a message (`…?token=id.secret`). */
export function tokenFrom(message: MailMessage): string {
  const match = /[?&]token=([a-z2-7]+\.[a-z2-7]+)/.exec(message.text);
  if (!match) throw new Error(`No token link in: ${message.text}`);
  return match[1]!;
}
