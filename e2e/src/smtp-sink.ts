import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted, decoded (RFC 2047 headers, quoted-printable / base64 bodies, charsets). */
export interface ReceivedMail {
  /** The envelope's MAIL FROM and RCPT TO addresses. */
  envelopeFrom: string;
  envelopeTo: string[];
  subject: string;
  /** The plain-text part (or the HTML converted to text when there is none). */
  text: string;
  html: string;
  /** Content-Language of the message, when set. */
  language?: string;
  parsed: ParsedMail;
  receivedAt: number;
}

interface Waiter {
  predicate: (mail: ReceivedMail) => boolean;
  resolve: (mail: ReceivedMail) => void;
}

/**
 * An SMTP server on 127.0.0.1 (port 0) that keeps every message it is sent, for tests of what the
 * platform e-mails: `waitFor` resolves with the first message (already received or still to come)
 * that satisfies a predicate. Accepts any credentials, offers no STARTTLS (plain SMTP on the
 * loopback), and never relays anything. `smtp-server` speaks the protocol; `mailparser` decodes
 * what arrives, so tests compare text, Arabic included, as the reader would see it.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly server: SMTPServer;
  private port = 0;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      banner: 'olp test SMTP sink',
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'test' }),
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.accept(parsed, session.envelope.mailFrom ? session.envelope.mailFrom.address : '', session.envelope.rcptTo.map((r) => r.address));
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // A client dropping its connection is not the test's business.
    this.server.on('error', () => undefined);
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve, reject) => {
      sink.server.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => {
        const address = sink.server.server.address();
        sink.port = typeof address === 'object' && address ? address.port : 0;
        resolve();
      });
    });
    return sink;
  }

  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private accept(parsed: ParsedMail, envelopeFrom: string, envelopeTo: string[]): void {
    const language = parsed.headers.get('content-language');
    const mail: ReceivedMail = {
      envelopeFrom,
      envelopeTo,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      ...(typeof language === 'string' ? { language } : {}),
      parsed,
      receivedAt: Date.now(),
    };
    this.messages.push(mail);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(mail)) {
        this.waiters.delete(waiter);
        waiter.resolve(mail);
      }
    }
  }

  /** Messages sent to `address` (envelope recipient), oldest first. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.envelopeTo.some((to) => to.toLowerCase() === address.toLowerCase()));
  }

  /** The first message, received or to come, for which `predicate` holds; rejects after `timeoutMs`. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 15_000): Promise<ReceivedMail> {
    const already = this.messages.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (mail) => {
          clearTimeout(timer);
          resolve(mail);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.messages.map((mail) => `to ${mail.envelopeTo.join(',')}: ${mail.subject}`).join('; ') || 'none';
        reject(new Error(`no matching e-mail within ${timeoutMs} ms (received: ${seen})`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
