import { loadConfig, LOGGER, type Logger } from '@olp/platform';
import { createGatewayApp } from './create-gateway-app.js';
import { GatewayConfig } from './gateway.config.js';

const config = loadConfig(GatewayConfig);
const app = await createGatewayApp({ config });
await app.listen({ port: config.PORT, host: config.HOST });
const url = await app.getUrl();
app.get<Logger>(LOGGER).info({ url: `${url}/api/v1`, docs: `${url}/api/docs` }, 'gateway listening');
