import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RelocationScope, Visibility } from '@olp/contracts';

export interface StoredLanguage {
  code: string;
  level: string;
}

export interface StoredEducation {
  level: number;
  field?: string;
}

export interface StoredExperience {
  iscoCode: string;
  years: number;
  employer?: string;
  country?: string;
}

export interface StoredMobility {
  relocate: RelocationScope;
  countries?: string[];
  remote: boolean;
}

/** One job seeker's profile; the user id is the key (one profile per account). */
@Entity({ name: 'profiles', schema: 'seekers' })
export class ProfileEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @Column('text')
  fullName: string;

  @Column('char', { length: 2 })
  nationality: string;

  @Column('char', { length: 2 })
  residenceCountry: string;

  @Column('jsonb')
  languages: StoredLanguage[];

  @Column('jsonb', { nullable: true })
  education: StoredEducation | null;

  @Column('jsonb')
  experience: StoredExperience[];

  @Column('text', { array: true })
  skills: string[];

  @Column('text', { array: true })
  desiredOccupations: string[];

  @Column('jsonb')
  mobility: StoredMobility;

  /** `YYYY-MM-DD` (TypeORM hands Postgres `date` back as a string, no time zone involved). */
  @Column('date', { nullable: true })
  availableFrom: string | null;

  @Column('text')
  visibility: Visibility;

  @Column('boolean')
  consentToMatching: boolean;

  /** When consent was last given; null while it is withdrawn (or never given). */
  @Column('timestamptz', { nullable: true })
  consentGivenAt: Date | null;

  /** 1 on creation, +1 on every put. */
  @Column('integer')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
