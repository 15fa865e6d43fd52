import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ConfigError, ServiceConfig } from '@olp/platform';
import { DEFAULT_WEIGHTS, type ScoringWeights } from './scoring/match-model.js';
import { assertValidWeights } from './scoring/score-match.js';

/** The matching service's environment. Every variable is documented in the README. */
export class MatchingConfig extends ServiceConfig {
  override PORT = 3004;

  override DATABASE_URL = 'postgres://olp_matching:olp_matching@127.0.0.1:5432/olp';

  /** An ESCO snapshot written by the importer (`olp-taxonomy/v1`); unset: the built-in taxonomy only. */
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  TAXONOMY_FILE?: string;

  /** Weight of essential-skill coverage in the score (relative; the weights need not sum to 1). */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  MATCH_WEIGHT_ESSENTIAL_SKILLS = DEFAULT_WEIGHTS.essentialSkills;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  MATCH_WEIGHT_OPTIONAL_SKILLS = DEFAULT_WEIGHTS.optionalSkills;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  MATCH_WEIGHT_OCCUPATION = DEFAULT_WEIGHTS.occupation;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  MATCH_WEIGHT_LANGUAGES = DEFAULT_WEIGHTS.languages;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  MATCH_WEIGHT_EDUCATION = DEFAULT_WEIGHTS.education;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  MATCH_WEIGHT_EXPERIENCE = DEFAULT_WEIGHTS.experience;

  /** The score from which a pair is announced (`matching.matches.found.v1`). */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  MATCH_THRESHOLD = 0.6;

  /** Best seekers kept per vacancy (what its employer sees). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  VACANCY_TOP_K = 100;

  /** Best vacancies kept per seeker (what the seeker sees). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  SEEKER_TOP_K = 50;

  /**
   * Events per projection transaction. Batches run one at a time under the projection lock and
   * each writes its events' effects at once before committing, so a larger batch amortises the
   * lock, the writes and the commit (bench:e2e: 35 → 39 publications/s from 10 to 25), while a
   * backlog's first matches still commit within one batch's work (tens of milliseconds).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  MATCHING_CONSUMER_MAX_BATCH = 25;

  /**
   * Vacancies and seekers of the loaded market rescored in memory at start, read-only, before any
   * event, so V8 has optimised the scoring when the first events come (0: none). 200 of each take
   * ~2 s at 100,000 seekers and 50,000 vacancies (bench/README.md).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  MATCHING_WARMUP_RESCORES = 200;
}

/** The scoring weights from the configuration; a set summing to zero stops the boot like any bad variable. */
export function weightsOf(config: MatchingConfig): ScoringWeights {
  const weights: ScoringWeights = {
    essentialSkills: config.MATCH_WEIGHT_ESSENTIAL_SKILLS,
    optionalSkills: config.MATCH_WEIGHT_OPTIONAL_SKILLS,
    occupation: config.MATCH_WEIGHT_OCCUPATION,
    languages: config.MATCH_WEIGHT_LANGUAGES,
    education: config.MATCH_WEIGHT_EDUCATION,
    experience: config.MATCH_WEIGHT_EXPERIENCE,
  };
  try {
    assertValidWeights(weights);
  } catch (error) {
    throw new ConfigError([`MATCH_WEIGHT_*: ${(error as Error).message}`]);
  }
  return weights;
}
