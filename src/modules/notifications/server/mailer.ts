import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../../../platform/server/index.js';

/**
 * Sends mail through the SMTP server of the configuration (SMTP_URL or SMTP_HOST…, docs/operations.md
 * "E-mail"); without one, e-mail is off and nothing here is called. One transport per configuration.
 */
const transports = new WeakMap<object, Transporter>();

export function emailAvailable(config: AppConfig): boolean {
  return config.smtp !== null;
}

/** `headers`: extra mail headers, such as the newsletter's List-Unsubscribe (RFC 8058). */
export async function sendMail(config: AppConfig, message: { to: string; subject: string; text: string; headers?: Record<string, string> }): Promise<void> {
  const smtp = config.smtp;
  if (!smtp) throw new Error('e-mail is off: no SMTP server is configured');
  let transport = transports.get(smtp);
  if (!transport) {
    transport = nodemailer.createTransport(smtp.transport);
    transports.set(smtp, transport);
  }
  await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text, ...(message.headers ? { headers: message.headers } : {}) });
}

/** Where links in mail point: PUBLIC_URL, or the local address when none is set (fine for a demo on one machine). */
export function publicBaseUrl(config: AppConfig): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}
