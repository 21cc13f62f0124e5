// The display language the person chose last, kept in localStorage (the URL carries it too).

import { DEFAULT_LANG, type Lang, parseLang } from '../lib/i18n';

const LANG_KEY = 'lym.lang';

/** The stored language, or the default (zh) when none is stored or storage is blocked. */
export function storedLang(): Lang {
  try {
    return parseLang(localStorage.getItem(LANG_KEY)) ?? DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** Remember `lang` for the next visit. */
export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the choice still lives in the URL.
  }
}
