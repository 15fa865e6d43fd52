import { createServiceApp, loadConfig, LOGGER, type Logger } from '@olp/platform';
import { IdentityConfig } from './identity.config.js';
import { IdentityModule } from './identity.module.js';

const config = loadConfig(IdentityConfig);
const app = await createServiceApp(IdentityModule.register({ config }));
await app.listen({ port: config.PORT, host: config.HOST });
app.get<Logger>(LOGGER).info({ url: await app.getUrl() }, 'identity service listening (ops endpoints)');
