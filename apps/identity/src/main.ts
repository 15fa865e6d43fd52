import { createServiceApp, loadConfig, serve } from '@olp/platform';
import { IdentityConfig } from './identity.config.js';
import { IdentityModule } from './identity.module.js';

const config = loadConfig(IdentityConfig);
const app = await createServiceApp(IdentityModule.register({ config }));
await serve(app, config, (url) => ({ ops: url }));
