// Preloaded into every service by start.mjs (`node --import parent-watch.mjs …`, with an IPC
// channel): when start.mjs goes away without stopping it (killed with SIGKILL, crashed), the
// channel closes and the service shuts itself down gracefully instead of running on orphaned.
if (process.channel) {
  // The channel must not keep the service alive on its own.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
