import { pino, type Logger, type LoggerOptions } from 'pino';
import { currentTrace } from '../trace/trace-context.js';

export type { Logger } from 'pino';

/**
 * Structured JSON logs on stdout. Every line carries the service name and, inside a unit of
 * work, its trace and request ids (from the async context), so one request can be followed
 * through the gateway, a service and the events it causes.
 */
export function createLogger(service: string, level = 'info', options: LoggerOptions = {}): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['password', '*.password', 'refreshToken', '*.refreshToken', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    mixin() {
      const trace = currentTrace();
      return trace ? { traceId: trace.traceId, ...(trace.requestId ? { requestId: trace.requestId } : {}) } : {};
    },
    ...options,
  });
}
