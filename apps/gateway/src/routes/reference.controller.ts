import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { LOCALES, type Locale } from '@olp/reference-data';
import { Public } from '@olp/platform';
import { RequestLocale } from '../http/request-context.js';
import { CountryList, CurrencyList, EducationLevelList, LanguageList, REFERENCE_JSON, type ReferenceKind } from './reference.views.js';

const LANG_QUERY = { name: 'lang', required: false, enum: LOCALES, description: 'Overrides Accept-Language' } as const;

function send(reply: FastifyReply, locale: Locale, kind: ReferenceKind): void {
  void reply
    .header('Content-Type', 'application/json; charset=utf-8')
    .header('Content-Language', locale)
    .header('Cache-Control', 'public, max-age=3600')
    .header('Vary', 'Accept-Language')
    .send(REFERENCE_JSON[locale][kind]);
}

/** Static reference data, labels in the request language, every language's name included. */
@ApiTags('reference')
@Public()
@Controller('reference')
export class ReferenceController {
  @Get('countries')
  @ApiOperation({ summary: 'The 57 OIC member states (ISO 3166), with their OIC geographic group' })
  @ApiQuery(LANG_QUERY)
  @ApiOkResponse({ type: CountryList })
  countries(@RequestLocale() locale: Locale, @Res() reply: FastifyReply): void {
    send(reply, locale, 'countries');
  }

  @Get('languages')
  @ApiOperation({ summary: 'ISO 639-1 languages and the CEFR levels' })
  @ApiQuery(LANG_QUERY)
  @ApiOkResponse({ type: LanguageList })
  languages(@RequestLocale() locale: Locale, @Res() reply: FastifyReply): void {
    send(reply, locale, 'languages');
  }

  @Get('education-levels')
  @ApiOperation({ summary: 'ISCED 2011 education levels' })
  @ApiQuery(LANG_QUERY)
  @ApiOkResponse({ type: EducationLevelList })
  educationLevels(@RequestLocale() locale: Locale, @Res() reply: FastifyReply): void {
    send(reply, locale, 'educationLevels');
  }

  @Get('currencies')
  @ApiOperation({ summary: 'ISO 4217 currencies used by member states, with minor units' })
  @ApiQuery(LANG_QUERY)
  @ApiOkResponse({ type: CurrencyList })
  currencies(@RequestLocale() locale: Locale, @Res() reply: FastifyReply): void {
    send(reply, locale, 'currencies');
  }
}
