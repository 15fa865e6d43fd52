// The e-mail side of `npm start`: when SMTP_URL is not set, a local SMTP server (the
// `smtp-server` package, the same one the tests use) accepts what the notifications service
// sends and writes each message to .data/mail/<time>-<n>.eml, printing a line per message.
import fs from 'node:fs';
import path from 'node:path';

/** Starts the catcher on 127.0.0.1:<port>; resolves to { url, dir, close }. */
export async function startMailCatcher(port, dir, onMail) {
  let SMTPServer;
  try {
    ({ SMTPServer } = await import('smtp-server'));
  } catch {
    throw new Error('the local mail catcher needs the smtp-server package (npm ci installs it); or set SMTP_URL to an SMTP server such as mailpit');
  }
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`);
        fs.writeFileSync(file, raw);
        const subject = /^Subject: (.*)$/im.exec(raw.toString('utf8'))?.[1] ?? '';
        onMail({ to: session.envelope.rcptTo.map((r) => r.address).join(', '), subject, file });
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { url: `smtp://127.0.0.1:${port}`, dir, close: () => new Promise((resolve) => server.close(resolve)) };
}
