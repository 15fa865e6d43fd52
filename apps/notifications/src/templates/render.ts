import { IntlMessageFormat } from 'intl-messageformat';
import { resolveText, type Locale, type LocalizedText, type TrilingualText } from '@olp/reference-data';
import { EMAIL_TEXTS, TEMPLATES, type Template, type TemplateType } from './catalog.js';

/** Parameters as the dispatch table stores them: strings, numbers, ISO timestamps, localized texts. */
export type TemplateParams = Record<string, string | number | LocalizedText>;

export interface RenderContext {
  locale: Locale;
  timeZone: string;
}

export interface RenderedMessage {
  title: string;
  body: string;
  action: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const DIRECTION: Record<Locale, 'rtl' | 'ltr'> = { ar: 'rtl', en: 'ltr', fr: 'ltr' };
const compiled = new Map<string, IntlMessageFormat>();

/**
 * ICU MessageFormat in a locale with dates in a time zone: `{d, date, long}` and `{d, date, full}`
 * use the recipient's zone, numbers and plurals follow the locale's rules. Compiled messages are
 * cached per (locale, zone, text).
 */
export function formatIcu(text: TrilingualText, ctx: RenderContext, params: Record<string, string | number | Date>): string {
  const source = text[ctx.locale];
  const key = `${ctx.locale}\u0000${ctx.timeZone}\u0000${source}`;
  let message = compiled.get(key);
  if (!message) {
    const zone = { timeZone: ctx.timeZone };
    message = new IntlMessageFormat(source, ctx.locale, {
      date: {
        short: { ...zone, year: '2-digit', month: 'numeric', day: 'numeric' },
        medium: { ...zone, year: 'numeric', month: 'short', day: 'numeric' },
        long: { ...zone, year: 'numeric', month: 'long', day: 'numeric' },
        full: { ...zone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
      },
      time: {
        short: { ...zone, hour: 'numeric', minute: 'numeric' },
      },
    }, { ignoreTag: true });
    compiled.set(key, message);
  }
  return String(message.format(params));
}

/** The stored parameters turned into format arguments for one reader. */
function argumentsFor(template: Template, params: TemplateParams, locale: Locale, escape: (s: string) => string): Record<string, string | number | Date> {
  const args: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(params)) {
    if (template.texts?.includes(name) && typeof value === 'object') args[name] = escape(resolveText(value, locale) ?? '');
    else if (template.dates?.includes(name) && typeof value === 'string') args[name] = new Date(value);
    else if (typeof value === 'string') args[name] = escape(value);
    else if (typeof value === 'number') args[name] = value;
  }
  return args;
}

function renderWith(type: TemplateType, params: TemplateParams, ctx: RenderContext, escape: (s: string) => string): RenderedMessage {
  const template: Template = TEMPLATES[type];
  const args = argumentsFor(template, params, ctx.locale, escape);
  return { title: formatIcu(template.title, ctx, args), body: formatIcu(template.body, ctx, args), action: formatIcu(template.action, ctx, args) };
}

/** A notification in a reader's language and zone, as plain text (in-app). */
export function renderMessage(type: TemplateType, params: TemplateParams, ctx: RenderContext): RenderedMessage {
  return renderWith(type, params, ctx, (s) => s);
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface EmailRecipient extends RenderContext {
  displayName: string;
}

export interface EmailItem {
  type: TemplateType;
  params: TemplateParams;
  /** Absolute URL of the notification's target in the portal. */
  url: string;
}

interface Frame {
  subject: string;
  /** Paragraphs already in plain text and in HTML (parameters escaped). */
  intro?: { text: string; html: string };
  blocks: { title: { text: string; html: string }; body: { text: string; html: string }; action: { text: string; html: string }; url: string }[];
  /** A digest lists its notifications with their titles; a single notification is a paragraph and a button. */
  list: boolean;
  preferencesUrl: string;
}

function layout(recipient: EmailRecipient, frame: Frame): RenderedEmail {
  const { locale } = recipient;
  const dir = DIRECTION[locale];
  const greeting = {
    text: formatIcu(EMAIL_TEXTS.greeting, recipient, { name: recipient.displayName }),
    html: formatIcu(EMAIL_TEXTS.greeting, recipient, { name: escapeHtml(recipient.displayName) }),
  };
  const footer = {
    text: formatIcu(EMAIL_TEXTS.footer, recipient, { url: frame.preferencesUrl }),
    html: formatIcu(EMAIL_TEXTS.footer, recipient, { url: `<a href="${escapeHtml(frame.preferencesUrl)}">${escapeHtml(frame.preferencesUrl)}</a>` }),
  };
  const align = dir === 'rtl' ? 'right' : 'left';
  const text = [
    greeting.text,
    ...(frame.intro ? [frame.intro.text] : []),
    ...frame.blocks.flatMap((b) => (frame.list ? [`• ${b.title.text}\n  ${b.body.text}\n  ${b.url}`] : [b.body.text, `${b.action.text}: ${b.url}`])),
    '—',
    footer.text,
  ].join('\n\n');
  const blocks = frame.blocks
    .map((b) =>
      frame.list
        ? `<li style="margin:0 0 16px"><strong>${b.title.html}</strong><br>${b.body.html}<br><a href="${escapeHtml(b.url)}">${b.action.html}</a></li>`
        : `<p>${b.body.html}</p>\n<p><a href="${escapeHtml(b.url)}" style="display:inline-block;padding:10px 18px;background:#0b5d3b;color:#ffffff;text-decoration:none;border-radius:4px">${b.action.html}</a></p>`,
    )
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(frame.subject)}</title></head>
<body style="font-family:Tahoma,Arial,sans-serif;line-height:1.5;text-align:${align};color:#1b1b1b">
<p>${greeting.html}</p>
${frame.intro ? `<p>${frame.intro.html}</p>` : ''}
${frame.list ? `<ul style="padding-${align === 'right' ? 'right' : 'left'}:20px">\n${blocks}\n</ul>` : blocks}
<hr>
<p style="font-size:12px;color:#555">${footer.html}</p>
</body>
</html>
`;
  return { subject: frame.subject, text, html };
}

function block(item: EmailItem, ctx: RenderContext) {
  const plain = renderMessage(item.type, item.params, ctx);
  const html = renderWith(item.type, item.params, ctx, escapeHtml);
  return {
    title: { text: plain.title, html: html.title },
    body: { text: plain.body, html: html.body },
    action: { text: plain.action, html: html.action },
    url: item.url,
  };
}

/** One notification as an e-mail: subject = its title, HTML (lang/dir of the language) and text. */
export function renderEmail(recipient: EmailRecipient, item: EmailItem, preferencesUrl: string): RenderedEmail {
  const b = block(item, recipient);
  return layout(recipient, { subject: b.title.text, blocks: [b], list: false, preferencesUrl });
}

/** The daily digest: one e-mail listing every held notification. */
export function renderDigest(recipient: EmailRecipient, items: EmailItem[], asOf: Date, preferencesUrl: string): RenderedEmail {
  const subject = formatIcu(EMAIL_TEXTS.digestSubject, recipient, { count: items.length });
  const intro = formatIcu(EMAIL_TEXTS.digestIntro, recipient, { date: asOf });
  return layout(recipient, { subject, intro: { text: intro, html: intro }, blocks: items.map((item) => block(item, recipient)), list: true, preferencesUrl });
}
