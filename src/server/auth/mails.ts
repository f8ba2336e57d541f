/**
 * The account e-mails: plain text, one link each, saying how long the link works. Written in the
 * language the caller runs them in (`runInLanguage(account.language, …)`, decision 014), which
 * also gives their links that language's addresses.
 */
import { m } from '../../i18n/messages.ts';
import type { MailMessage } from '../mail.ts';

export function verificationMail(to: string, link: string): MailMessage {
  return { to, subject: m.mail_verify_subject(), text: m.mail_verify_text({ link }) };
}

export function alreadyRegisteredMail(to: string, loginLink: string, resetLink: string): MailMessage {
  return {
    to,
    subject: m.mail_registered_subject(),
    text: m.mail_registered_text({ login: loginLink, reset: resetLink }),
  };
}

export function resetMail(to: string, link: string): MailMessage {
  return { to, subject: m.mail_reset_subject(), text: m.mail_reset_text({ link }) };
}

export function changeEmailMail(to: string, link: string): MailMessage {
  return { to, subject: m.mail_change_email_subject(), text: m.mail_change_email_text({ link }) };
}

export function passwordChangedMail(to: string): MailMessage {
  return { to, subject: m.mail_password_changed_subject(), text: m.mail_password_changed_text() };
}
