/**
 * The message catalogues (messages/en.json, messages/fr.json), compiled by Paraglide JS into typed
 * functions (src/paraglide, generated). Import `m` from here, never from src/paraglide directly:
 * this module makes Paraglide read the request's language (src/i18n/request-language.ts).
 * A message for someone other than the reader (an e-mail) names its language:
 * `m.key(inputs, { locale: account.language })`.
 */
import { overwriteGetLocale } from '../paraglide/runtime.js';
import { currentLanguage } from './request-language.ts';

overwriteGetLocale(currentLanguage);

export { m } from '../paraglide/messages.js';
