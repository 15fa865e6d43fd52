import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer from 'nodemailer';
import { CONFIG } from '@olp/platform';
import type { NotificationsConfig } from '../notifications.config.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  /** Our id of what is sent (delivery or digest), as `X-OLP-Delivery-Id`, so a resend after a crash can be recognised. */
  deliveryId: string;
}

/**
 * E-mail over SMTP with nodemailer (`SMTP_URL`), pooled connections. A failed send rejects;
 * retrying is the delivery worker's business.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;

  constructor(@Inject(CONFIG) private readonly config: NotificationsConfig) {
    this.transport = nodemailer.createTransport({
      url: config.SMTP_URL,
      pool: true,
      maxConnections: 3,
      connectionTimeout: config.SMTP_TIMEOUT_MS,
      greetingTimeout: config.SMTP_TIMEOUT_MS,
      socketTimeout: config.SMTP_TIMEOUT_MS * 3,
    });
  }

  async send(email: OutgoingEmail): Promise<string> {
    const info = (await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: { 'Content-Language': email.language, 'X-OLP-Delivery-Id': email.deliveryId, 'Auto-Submitted': 'auto-generated' },
    })) as { messageId?: string };
    return info.messageId ?? '';
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
