import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@olp/messaging';
import { ApplicationsService } from './applications/applications.service.js';
import { EmployersService } from './employers/employers.service.js';
import { SearchGeneration } from './search/search-generation.js';
import { VacancySearch } from './search/vacancy-search.js';
import { VacanciesService } from './vacancies/vacancies.service.js';

/** The vacancies service's request/reply surface: one line per pattern, logic in the services. */
@Injectable()
export class VacanciesRpcHandlers implements OnModuleInit {
  constructor(
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(EmployersService) private readonly employers: EmployersService,
    @Inject(VacanciesService) private readonly vacancies: VacanciesService,
    @Inject(VacancySearch) private readonly search: VacancySearch,
    @Inject(SearchGeneration) private readonly searchGeneration: SearchGeneration,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('rpc.vacancies.create-employer.v1', (request, ctx) => this.employers.create(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.vacancies.get-employer.v1', (request, ctx) => this.employers.get(ctx.principal, request.employerId, ctx.locale));
    this.rpc.handle('rpc.vacancies.create-vacancy.v1', (request, ctx) => this.vacancies.create(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.vacancies.get-vacancy.v1', (request, ctx) => this.vacancies.get(ctx.principal, request.vacancyId, ctx.locale));
    this.rpc.handle('rpc.vacancies.update-vacancy.v1', (request, ctx) => this.vacancies.update(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.vacancies.publish-vacancy.v1', (request, ctx) => this.vacancies.publish(ctx.principal, request.vacancyId, ctx.locale));
    this.rpc.handle('rpc.vacancies.close-vacancy.v1', (request, ctx) => this.vacancies.close(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.vacancies.search.v1', (request, ctx) => this.search.search(request, ctx.locale));
    this.rpc.handle('rpc.vacancies.search-generation.v1', async () => ({ generation: await this.searchGeneration.current() }));
    this.rpc.handle('rpc.vacancies.search-changed.v1', ({ since, ...request }) => this.search.changedSince(request, since));
    this.rpc.handle('rpc.vacancies.apply.v1', (request, ctx) => this.applications.apply(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.vacancies.list-applications.v1', (request, ctx) => this.applications.list(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.vacancies.change-application-status.v1', (request, ctx) => this.applications.changeStatus(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.vacancies.export.v1', (_request, ctx) => this.applications.export(ctx.principal, ctx.locale));
  }
}
