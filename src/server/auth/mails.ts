/** The account e-mails: plain text, one link each, saying how long the link works. */
import type { MailMessage } from '../mail.ts';

export function verificationMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Confirm your e-mail address for Likes & Fails',
    text: `Welcome to Likes & Fails.

Confirm your e-mail address to post likes and fails:

${link}

The link works once, for 48 hours. If you did not sign up, ignore this message.`,
  };
}

export function alreadyRegisteredMail(to: string, loginLink: string, resetLink: string): MailMessage {
  return {
    to,
    subject: 'Someone tried to sign up with your address',
    text: `Someone (maybe you) tried to create a Likes & Fails account with this address, which already has one.

Log in: ${loginLink}
Forgot your password? ${resetLink}

If it was not you, nothing changed and you can ignore this message.`,
  };
}

export function resetMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Reset your Likes & Fails password',
    text: `Choose a new password:

${link}

The link works once, for 1 hour. If you did not ask for it, ignore this message: your password stays the same.`,
  };
}

export function changeEmailMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Confirm your new e-mail address',
    text: `Confirm that Likes & Fails should use this address for your account:

${link}

The link works once, for 24 hours. Until you confirm, your old address stays in use.`,
  };
}

export function passwordChangedMail(to: string): MailMessage {
  return {
    to,
    subject: 'Your Likes & Fails password was changed',
    text: `The password of your Likes & Fails account was just changed and your other sessions were logged out.

If it was not you, reset your password at once from the log-in page.`,
  };
}
