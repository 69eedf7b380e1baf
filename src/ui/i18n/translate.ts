/**
 * The message tables and `translate`: one table per language, English the reference. A new
 * language is one file with the same keys (`Record<MessageKey, string>`, so a missing or extra
 * key fails the type check) registered in MESSAGES below; no panel changes.
 *
 * Phrasing rule (plural-safe): a count stands alone as a value ("Users: {count}") instead of
 * inside a noun phrase ("{count} users"), because plural forms differ per language.
 */
import type { BackendReason } from '../../train/protocol';
import type { NoticeKey } from '../../state/notices';
import { english, wordDataText, type DataText } from '../../data/messages';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey } from './en';

/** Values for `{name}` placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** Every language the studio speaks: code → message table, English (the fallback) first. */
export const MESSAGES: Readonly<Record<string, Readonly<Record<MessageKey, string>>>> = { en, zh };

/** The `<html lang>` tag of a language code where it says more than the code (zh → Simplified, as in mainland China). */
const HTML_LANG: Readonly<Record<string, string>> = { zh: 'zh-CN' };

/** The BCP 47 tag for `<html lang>` (fonts and screen readers use it). */
export function htmlLang(lang: string): string {
  return HTML_LANG[lang] ?? lang;
}

/** Languages offered, in the order shown. */
export const LANGUAGES: readonly string[] = Object.keys(MESSAGES);

// Compile-time checks: keys other rooms hand to the UI (notices, backend reasons) are in the table.
const noticeKeysExist: Record<NoticeKey, string> = en;
const reasonKeysExist: Record<BackendReason['key'], string> = en;
void noticeKeysExist;
void reasonKeysExist;

/** True when `key` names a message (for keys that arrive as plain strings, like progress phases). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * A sentence from data/ (a refusal, a skipped line) in `lang`, nested sentences too; a plain
 * string (an error's own text, e.g. a failed fetch) is shown as it is.
 */
export function translateData(lang: string, text: DataText | string): string {
  const table = MESSAGES[lang];
  return table ? wordDataText(text, (k) => table[k] ?? en[k]) : english(text);
}

/**
 * The message for `key` in `lang` (English where the language lacks one), with `{name}`
 * placeholders filled from `vars`; an unknown placeholder stays visible as `{name}`.
 * @example translate('en', 'controls.step', {}) // → 'Step'
 */
export function translate(lang: string, key: MessageKey, vars?: MessageVars): string {
  const table = MESSAGES[lang] ?? en;
  const template = table[key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
