import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One issued refresh token. Only its SHA-256 is stored. Tokens descending from one login share a
 * family: presenting a token that was already used revokes the whole family (theft detection).
 */
@Entity({ name: 'refresh_tokens', schema: 'identity' })
export class RefreshTokenEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  userId: string;

  @Index()
  @Column('uuid')
  familyId: string;

  @Column('text', { unique: true })
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
