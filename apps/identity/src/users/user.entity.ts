import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '@olp/contracts';
import type { Locale } from '@olp/reference-data';

@Entity({ name: 'users', schema: 'identity' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** As the user typed it; uniqueness is on the lower-cased form. */
  @Column('text')
  email: string;

  @Column('text', { unique: true })
  emailNormalized: string;

  @Column('text')
  passwordHash: string;

  @Column('text')
  displayName: string;

  @Column('text')
  locale: Locale;

  @Column('char', { length: 2 })
  country: string;

  /** IANA time zone. */
  @Column('text')
  timeZone: string;

  @Column('text', { array: true })
  roles: Role[];

  @Column('text', { array: true, default: () => "'{}'" })
  countryScope: string[];

  @Column('boolean', { default: false })
  disabled: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
