import { IsOptional, IsString, Length } from 'class-validator';
import { ServiceConfig } from '@olp/platform';

/** The seekers service's environment. Every variable is documented in the README. */
export class SeekersConfig extends ServiceConfig {
  override PORT = 3003;

  override DATABASE_URL = 'postgres://olp_seekers:olp_seekers@127.0.0.1:5432/olp';

  /** An ESCO snapshot written by the importer (`olp-taxonomy/v1`); unset: the built-in taxonomy only. */
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  TAXONOMY_FILE?: string;
}
