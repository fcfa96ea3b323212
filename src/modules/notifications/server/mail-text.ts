import type { NotificationKind } from '../contract.js';

/**
 * The words of a notification mail. A mail carries only what the kind is, the thing's title and a link to
 * it — never the content of signals or cases, nor anything about a person (docs/notifications.md); the
 * reader opens the link and the app decides what they may see.
 */

export interface MailItem {
  kind: NotificationKind;
  title: string;
  href: string;
}

const WORDS = {
  nl: {
    subjectNow: (n: number) => (n === 1 ? 'Wijkregie: 1 nieuwe melding' : `Wijkregie: ${n} nieuwe meldingen`),
    subjectDigest: (n: number) => (n === 1 ? 'Wijkregie: je melding van vandaag' : `Wijkregie: je ${n} meldingen van vandaag`),
    greeting: 'Hallo,',
    introNow: 'Er staat iets nieuws op je werklijst in Wijkregie:',
    introDigest: 'Dit kwam er sinds de vorige samenvatting bij op je werklijst in Wijkregie:',
    settings: 'Je kiest zelf waarover en hoe je meldingen krijgt:',
    kind: { action: 'Nieuwe actie voor jou', approval: 'Wacht op jouw goedkeuring', escalation: 'Escalatie', deadline: 'Deadline' } as Record<NotificationKind, string>,
    threshold: 'een nieuwe goedkeuringsgrens',
  },
  en: {
    subjectNow: (n: number) => (n === 1 ? 'Wijkregie: 1 new notification' : `Wijkregie: ${n} new notifications`),
    subjectDigest: (n: number) => (n === 1 ? 'Wijkregie: your notification of today' : `Wijkregie: your ${n} notifications of today`),
    greeting: 'Hello,',
    introNow: 'There is something new on your worklist in Wijkregie:',
    introDigest: 'This was added to your worklist in Wijkregie since the last summary:',
    settings: 'You choose what you are told of, and how:',
    kind: { action: 'New action for you', approval: 'Waiting for your approval', escalation: 'Escalation', deadline: 'Deadline' } as Record<NotificationKind, string>,
    threshold: 'a new approval threshold',
  },
};

/** The settings page, linked from every mail. */
export const SETTINGS_PATH = '/meldingen';

/** A link to a page of the app: the configured public address plus the page's path. */
export function appLink(baseUrl: string, href: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${href}`;
}

/** Subject and plain-text body of one mail about `items` (at once, or the day's digest). */
export function composeMail(input: { locale: string; items: readonly MailItem[]; baseUrl: string; digest: boolean }): { subject: string; text: string } {
  const w = input.locale === 'en' ? WORDS.en : WORDS.nl;
  const lines = [w.greeting, '', input.digest ? w.introDigest : w.introNow, ''];
  for (const item of input.items) {
    // One line per item: no line breaks from a title can add lines of their own.
    const title = (item.title || w.threshold).replace(/[\r\n\t]+/g, ' ').trim();
    lines.push(`- ${w.kind[item.kind]}: ${title}`, `  ${appLink(input.baseUrl, item.href)}`);
  }
  lines.push('', w.settings, appLink(input.baseUrl, SETTINGS_PATH), '');
  const n = input.items.length;
  return { subject: input.digest ? w.subjectDigest(n) : w.subjectNow(n), text: lines.join('\n') };
}
