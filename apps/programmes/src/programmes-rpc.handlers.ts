import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcServer } from '@olp/messaging';
import { ActivitiesService } from './activities/activities.service.js';
import { CertificatesService } from './certificates/certificates.service.js';
import { EnrollmentsService } from './enrollments/enrollments.service.js';
import { ExpertsService } from './experts/experts.service.js';
import { ProgrammesService } from './programmes/programmes.service.js';
import { ReportsService } from './reports/reports.service.js';

/** The programmes service's request/reply surface: one line per pattern, logic in the services. */
@Injectable()
export class ProgrammesRpcHandlers implements OnModuleInit {
  constructor(
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(ActivitiesService) private readonly activities: ActivitiesService,
    @Inject(ExpertsService) private readonly experts: ExpertsService,
    @Inject(EnrollmentsService) private readonly enrollments: EnrollmentsService,
    @Inject(CertificatesService) private readonly certificates: CertificatesService,
    @Inject(ReportsService) private readonly reports: ReportsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle('rpc.programmes.list-programmes.v1', (request, ctx) => this.programmes.list(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.programmes.get-programme.v1', (request, ctx) => this.programmes.get(ctx.principal, request.code, ctx.locale));
    this.rpc.handle('rpc.programmes.create-programme.v1', (request, ctx) => this.programmes.create(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.programmes.assign-coordinator.v1', (request, ctx) => this.programmes.assignCoordinator(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.programmes.unassign-coordinator.v1', (request, ctx) => this.programmes.unassignCoordinator(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.programmes.create-activity.v1', (request, ctx) => this.activities.create(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.programmes.get-activity.v1', (request, ctx) => this.activities.get(request.activityId, ctx.locale));
    this.rpc.handle('rpc.programmes.list-activities.v1', (request, ctx) => this.activities.list(request, ctx.locale));
    this.rpc.handle('rpc.programmes.update-activity.v1', (request, ctx) => this.activities.update(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.programmes.change-activity-status.v1', (request, ctx) => this.activities.changeStatus(ctx.principal, request, ctx.locale));
    this.rpc.handle('rpc.programmes.create-expert.v1', (request, ctx) => this.experts.create(ctx.principal, request));
    this.rpc.handle('rpc.programmes.get-expert.v1', (request, ctx) => this.experts.get(ctx.principal, request.expertId));
    this.rpc.handle('rpc.programmes.search-experts.v1', (request, ctx) => this.experts.search(ctx.principal, request));
    this.rpc.handle('rpc.programmes.enroll.v1', (request, ctx) => this.enrollments.enroll(ctx.principal, request));
    this.rpc.handle('rpc.programmes.list-enrollments.v1', (request, ctx) => this.enrollments.list(ctx.principal, request));
    this.rpc.handle('rpc.programmes.decide-nomination.v1', (request, ctx) => this.enrollments.decide(ctx.principal, request));
    this.rpc.handle('rpc.programmes.cancel-enrollment.v1', (request, ctx) => this.enrollments.cancel(ctx.principal, request.enrollmentId));
    this.rpc.handle('rpc.programmes.record-attendance.v1', (request, ctx) => this.enrollments.recordAttendance(ctx.principal, request));
    this.rpc.handle('rpc.programmes.issue-certificate.v1', (request, ctx) => this.certificates.issue(ctx.principal, request.enrollmentId, ctx.locale));
    this.rpc.handle('rpc.programmes.verify-certificate.v1', (request, ctx) => this.certificates.verify(request.number, ctx.locale));
    this.rpc.handle('rpc.programmes.revoke-certificate.v1', (request, ctx) => this.certificates.revoke(ctx.principal, request.number, ctx.locale));
    this.rpc.handle('rpc.programmes.summary.v1', (request, ctx) => this.reports.summary(ctx.principal, request));
  }
}
