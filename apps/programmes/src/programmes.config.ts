import { IsOptional, IsString, Length } from 'class-validator';
import { ServiceConfig } from '@olp/platform';

/** The programmes service's environment. Every variable is documented in the README. */
export class ProgrammesConfig extends ServiceConfig {
  override PORT = 3006;

  override DATABASE_URL = 'postgres://olp_programmes:olp_programmes@127.0.0.1:5432/olp';

  /** A taxonomy snapshot (olp-taxonomy/v1, from the ESCO importer) for experts' skills and ISCO codes; unset means the built-in ones. */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  TAXONOMY_FILE?: string;
}
