import { createServiceApp, loadConfig, serve } from '@olp/platform';
import { NotificationsConfig } from './notifications.config.js';
import { NotificationsModule } from './notifications.module.js';

const config = loadConfig(NotificationsConfig);
const app = await createServiceApp(NotificationsModule.register({ config }));
await serve(app, config, (url) => ({ ops: url }));
