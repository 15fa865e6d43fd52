import { IsOptional, IsString } from 'class-validator';
import { ConfigError, loadConfig } from './load-config.js';
import { ServiceConfig } from './base-config.js';

class ExampleConfig extends ServiceConfig {
  @IsOptional()
  @IsString()
  OPTIONAL_THING?: string;
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig(ExampleConfig, { PORT: '8080' });
    expect(config.PORT).toBe(8080);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.OPTIONAL_THING).toBeUndefined();
  });

  it('keeps optional variables that have no default', () => {
    expect(loadConfig(ExampleConfig, { OPTIONAL_THING: 'x', DATABASE_ADMIN_URL: 'postgres://a@b/c' })).toMatchObject({
      OPTIONAL_THING: 'x',
      DATABASE_ADMIN_URL: 'postgres://a@b/c',
    });
  });

  it('ignores the rest of the environment', () => {
    expect(loadConfig(ExampleConfig, { HOME: '/root' })).not.toHaveProperty('HOME');
  });

  it('fails with every bad variable named', () => {
    try {
      loadConfig(ExampleConfig, { PORT: 'eighty', NATS_URL: 'http://nope' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('NATS_URL');
    }
  });
});
