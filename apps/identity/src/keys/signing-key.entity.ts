import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { JWK } from 'jose';

/** An ES256 key pair for access tokens. The newest signs; older ones stay published while their tokens live. */
@Entity({ name: 'signing_keys', schema: 'identity' })
export class SigningKeyEntity {
  @PrimaryColumn('text')
  kid: string;

  @Column('text')
  algorithm: string;

  @Column('jsonb')
  publicJwk: JWK;

  @Column('jsonb')
  privateJwk: JWK;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
