import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import type { LocalizedText } from '@olp/reference-data';
import { IsCalendarDate, IsLocalizedText } from '../../common/localized-text.validator.js';
import { ENROLLMENT_ROLES, ENROLLMENT_STATUSES, type EnrollmentRole, type EnrollmentStatus } from '../../rpc/programmes/programmes-model.v1.js';

// Every programmes event carries what a notifier needs without calling back: the activity's title
// in all its languages and its dates, and the user ids of everyone to tell (the expert when they
// have an account, the nominating focal point, the programme's coordinators). Like every event of
// the platform they carry no names or contact details (docs/decisions.md, erasure): recipients are
// user ids, the expert is an id and a country.

/** The activity as notifications need it. */
class ActivityFactsV1 {
  @IsUUID() activityId: string;
  @IsString() @Length(1, 20) programmeCode: string;
  @IsLocalizedText(200) activityTitle: LocalizedText;
  @IsCalendarDate() startDate: string;
  @IsCalendarDate() endDate: string;
  @Matches(/^[A-Z]{2}$/) hostCountry: string;

  /** The programme's coordinators, who are told. */
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  coordinatorIds: string[];
}

/** `programmes.activity.opened.v1`: open for nominations and enrolments. */
export class ActivityOpenedV1 extends ActivityFactsV1 {
  @IsCalendarDate() applicationDeadline: string;

  @IsArray()
  @ArrayMaxSize(57)
  @Matches(/^[A-Z]{2}$/, { each: true })
  beneficiaryCountries: string[];

  @IsISO8601() openedAt: string;
}

/** `programmes.activity.cancelled.v1`: its enrolments are cancelled with it (no per-enrolment events). */
export class ActivityCancelledV1 extends ActivityFactsV1 {
  /** Accounts of the experts who were nominated, confirmed or waitlisted. */
  @IsArray()
  @ArrayMaxSize(100000)
  @IsUUID('all', { each: true })
  expertUserIds: string[];

  /** Focal points who had nominated someone. */
  @IsArray()
  @ArrayMaxSize(100000)
  @IsUUID('all', { each: true })
  focalPointIds: string[];

  @IsISO8601() cancelledAt: string;
}

/** `programmes.activity.completed.v1`: the activity is over; certificates follow (one event each). */
export class ActivityCompletedV1 extends ActivityFactsV1 {
  /** Accounts of the experts confirmed in it (participants and trainers) who have one. */
  @IsArray()
  @ArrayMaxSize(100000)
  @IsUUID('all', { each: true })
  expertUserIds: string[];

  @IsISO8601() completedAt: string;
}

/** One enrolment's change; the subject says which. */
export class EnrollmentEventV1 extends ActivityFactsV1 {
  @IsUUID() enrollmentId: string;
  @IsUUID() expertId: string;
  @Matches(/^[A-Z]{2}$/) expertCountry: string;
  @IsOptional() @IsUUID() expertUserId?: string;
  @IsOptional() @IsUUID() nominatedBy?: string;
  @IsIn(ENROLLMENT_ROLES) role: EnrollmentRole;
  @IsIn(ENROLLMENT_STATUSES) status: EnrollmentStatus;
  /** While waitlisted: the place in the queue (1 = next). */
  @IsOptional() @IsInt() @Min(1) waitlistPosition?: number;
  @IsISO8601() occurredAt: string;
}

/** `programmes.enrollment.nominated.v1`: a focal point nominated an expert; the coordinators decide. */
export class EnrollmentNominatedV1 extends EnrollmentEventV1 {}
/** `programmes.enrollment.confirmed.v1`: a seat (or a trainer's place) is the expert's. */
export class EnrollmentConfirmedV1 extends EnrollmentEventV1 {}
/** `programmes.enrollment.waitlisted.v1`: no seat (or the country's quota is used); in the queue. */
export class EnrollmentWaitlistedV1 extends EnrollmentEventV1 {}
/** `programmes.enrollment.promoted.v1`: a seat freed and this waitlisted enrolment took it. */
export class EnrollmentPromotedV1 extends EnrollmentEventV1 {}
/** `programmes.enrollment.cancelled.v1` */
export class EnrollmentCancelledV1 extends EnrollmentEventV1 {}
/** `programmes.enrollment.rejected.v1`: the coordinator declined a nomination. */
export class EnrollmentRejectedV1 extends EnrollmentEventV1 {}

/** `programmes.certificate.issued.v1` */
export class CertificateIssuedV1 extends ActivityFactsV1 {
  @Matches(/^OLP-\d{4}-[0-9A-Z]{8}$/) certificateNumber: string;
  @IsUUID() enrollmentId: string;
  @IsUUID() expertId: string;
  @IsOptional() @IsUUID() expertUserId?: string;
  @IsOptional() @IsUUID() nominatedBy?: string;
  @IsISO8601() issuedAt: string;
}
