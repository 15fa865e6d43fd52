import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { validatePayload } from '@olp/platform';

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Array, Object]);

/**
 * Validates bodies against their contract classes with the same rules the services apply
 * (unknown fields refused, every bad field listed), throwing VALIDATION_FAILED.
 */
@Injectable()
export class ContractValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type !== 'body' || !type || PRIMITIVES.has(type)) return value;
    return validatePayload(type as new () => object, value ?? {});
  }
}
