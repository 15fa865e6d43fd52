// Stops the containers jest.global-setup.js started, if any.
export default async function globalTeardown() {
  for (const container of globalThis.__OLP_CONTAINERS__ ?? []) await container.stop();
}
