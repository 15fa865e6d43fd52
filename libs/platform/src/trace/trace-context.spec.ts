import { continueTrace, currentTrace, outgoingTraceparent, parseTraceparent, runInTrace } from './trace-context.js';

describe('trace context', () => {
  const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('continues an incoming trace with a new span', () => {
    const trace = continueTrace(incoming, 'req-1');
    expect(trace.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(trace.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(trace.traceparent).not.toBe(incoming);
    expect(trace.requestId).toBe('req-1');
  });

  it.each(['', 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7'])(
    'starts a new trace for a malformed header %p',
    (header) => {
      expect(parseTraceparent(header)).toBeNull();
      expect(continueTrace(header).traceId).toMatch(/^[0-9a-f]{32}$/);
    },
  );

  it('carries the context through async work', async () => {
    const trace = continueTrace(incoming);
    await runInTrace(trace, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentTrace()?.traceId).toBe(trace.traceId);
      expect(outgoingTraceparent()).toBe(trace.traceparent);
    });
    expect(currentTrace()).toBeUndefined();
  });
});
