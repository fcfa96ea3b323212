import { CONFIRM_HOURS } from '../contract.js';

/**
 * The words of the two mails a resident gets: the confirmation of a subscription, and a newsletter. Plain
 * text only. A newsletter mail carries its own text and the recipient's own unsubscribe link, nothing else:
 * no other subscriber's address ever appears in it (one mail per address, no Cc or Bcc).
 */
const CONFIRM_WORDS = {
  nl: {
    subject: 'Bevestig je aanmelding voor de nieuwsbrief',
    lines: (areas: string, link: string) => [
      'Hallo,',
      '',
      `Je hebt je aangemeld voor de nieuwsbrief over: ${areas}.`,
      'Klopt dat? Open deze link en bevestig je aanmelding:',
      link,
      '',
      `De link werkt ${CONFIRM_HOURS} uur. Bevestig je niet, dan verwijderen we je e-mailadres daarna.`,
      'Heb je je niet aangemeld? Dan hoef je niets te doen.',
    ],
  },
  en: {
    subject: 'Confirm your subscription to the newsletter',
    lines: (areas: string, link: string) => [
      'Hello,',
      '',
      `You subscribed to the newsletter about: ${areas}.`,
      'Is that right? Open this link and confirm your subscription:',
      link,
      '',
      `The link works for ${CONFIRM_HOURS} hours. If you do not confirm, we delete your e-mail address after that.`,
      'Did you not subscribe? Then you need not do anything.',
    ],
  },
};

export function composeConfirmMail(input: { locale: 'nl' | 'en'; areaNames: readonly string[]; link: string }): { subject: string; text: string } {
  const words = CONFIRM_WORDS[input.locale];
  return { subject: words.subject, text: words.lines(input.areaNames.join(', '), input.link).join('\n') };
}

/** The newsletter in Dutch (it is written in Dutch), with the way out at the bottom. */
export function composeNewsletterMail(input: { title: string; body: string; archiveLink: string; unsubscribeLink: string }): { subject: string; text: string } {
  const text = [
    input.body.replace(/\r\n?/g, '\n').trim(),
    '',
    '--',
    `Deze nieuwsbrief staat ook op: ${input.archiveLink}`,
    `Geen nieuwsbrief meer? Meld je met één klik af: ${input.unsubscribeLink}`,
    'Na afmelden verwijderen we je e-mailadres.',
  ].join('\n');
  return { subject: input.title.replace(/[\r\n\t]+/g, ' ').trim(), text };
}
