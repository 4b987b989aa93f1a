import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';

/**
 * date-fns locales the window can format dates in. Each is its own small chunk, loaded once at
 * start for the user's language; anything else falls back to the base language, then en-US.
 */
const loaders: Record<string, () => Promise<Locale>> = {
  'en-GB': () => import('date-fns/locale/en-GB').then((m) => m.enGB),
  'en-AU': () => import('date-fns/locale/en-AU').then((m) => m.enAU),
  'en-CA': () => import('date-fns/locale/en-CA').then((m) => m.enCA),
  'en-IE': () => import('date-fns/locale/en-IE').then((m) => m.enIE),
  'en-IN': () => import('date-fns/locale/en-IN').then((m) => m.enIN),
  'en-NZ': () => import('date-fns/locale/en-NZ').then((m) => m.enNZ),
  de: () => import('date-fns/locale/de').then((m) => m.de),
  'de-AT': () => import('date-fns/locale/de-AT').then((m) => m.deAT),
  fr: () => import('date-fns/locale/fr').then((m) => m.fr),
  'fr-CA': () => import('date-fns/locale/fr-CA').then((m) => m.frCA),
  'fr-CH': () => import('date-fns/locale/fr-CH').then((m) => m.frCH),
  es: () => import('date-fns/locale/es').then((m) => m.es),
  it: () => import('date-fns/locale/it').then((m) => m.it),
  nl: () => import('date-fns/locale/nl').then((m) => m.nl),
  pt: () => import('date-fns/locale/pt').then((m) => m.pt),
  'pt-BR': () => import('date-fns/locale/pt-BR').then((m) => m.ptBR),
  sv: () => import('date-fns/locale/sv').then((m) => m.sv),
  da: () => import('date-fns/locale/da').then((m) => m.da),
  nb: () => import('date-fns/locale/nb').then((m) => m.nb),
  fi: () => import('date-fns/locale/fi').then((m) => m.fi),
  pl: () => import('date-fns/locale/pl').then((m) => m.pl),
  cs: () => import('date-fns/locale/cs').then((m) => m.cs),
  hu: () => import('date-fns/locale/hu').then((m) => m.hu),
  ro: () => import('date-fns/locale/ro').then((m) => m.ro),
  tr: () => import('date-fns/locale/tr').then((m) => m.tr),
  ru: () => import('date-fns/locale/ru').then((m) => m.ru),
  uk: () => import('date-fns/locale/uk').then((m) => m.uk),
  el: () => import('date-fns/locale/el').then((m) => m.el),
  he: () => import('date-fns/locale/he').then((m) => m.he),
  ar: () => import('date-fns/locale/ar').then((m) => m.ar),
  hi: () => import('date-fns/locale/hi').then((m) => m.hi),
  id: () => import('date-fns/locale/id').then((m) => m.id),
  vi: () => import('date-fns/locale/vi').then((m) => m.vi),
  th: () => import('date-fns/locale/th').then((m) => m.th),
  ja: () => import('date-fns/locale/ja').then((m) => m.ja),
  ko: () => import('date-fns/locale/ko').then((m) => m.ko),
  'zh-CN': () => import('date-fns/locale/zh-CN').then((m) => m.zhCN),
  'zh-TW': () => import('date-fns/locale/zh-TW').then((m) => m.zhTW),
  'zh-HK': () => import('date-fns/locale/zh-HK').then((m) => m.zhHK),
};

const aliases: Record<string, string> = { no: 'nb', zh: 'zh-CN', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };

function loaderFor(tag: string): (() => Promise<Locale>) | undefined {
  const exact = loaders[tag] ?? loaders[aliases[tag] ?? ''];
  if (exact) return exact;
  const base = tag.split('-')[0] ?? '';
  return loaders[base] ?? loaders[aliases[base] ?? ''];
}

export async function loadDateLocale(languages: readonly string[]): Promise<Locale> {
  for (const tag of languages) {
    if (tag === 'en' || tag.startsWith('en-US')) return enUS;
    const load = loaderFor(tag);
    if (load) {
      try {
        return await load();
      } catch {
        return enUS;
      }
    }
  }
  return enUS;
}

export { enUS as fallbackLocale };
