import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError, ErrorCode } from '@olp/contracts';

/** A path parameter that must be a UUID; anything else is a 400 naming the field. */
export const UuidParam = (name: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.ValidationFailed, { count: 1 }, [{ field: name, rule: 'isUuid' }]) }));
