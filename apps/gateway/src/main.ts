import { loadConfig, serve } from '@olp/platform';
import { createGatewayApp } from './create-gateway-app.js';
import { GatewayConfig } from './gateway.config.js';

const config = loadConfig(GatewayConfig);
const app = await createGatewayApp({ config });
await serve(app, config, (url) => ({ api: `${url}/api/v1`, docs: `${url}/api/docs` }));
