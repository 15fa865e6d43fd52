import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsLanguageCode, IsMemberState, type LocalizedText } from '@olp/reference-data';
import { IsCalendarDate, IsLocalizedText } from '../../common/localized-text.validator.js';
import { PageRequest } from '../../common/pagination.js';

/** The OIC Labour Market Strategy thematic areas a programme serves (docs/decisions.md says why these codes). */
export const THEMATIC_AREAS = ['employability', 'occupational-safety-health', 'labour-productivity', 'unemployment-reduction', 'social-protection'] as const;
export const ACTIVITY_TYPES = ['training-course', 'workshop', 'study-visit', 'webinar', 'expert-mission'] as const;
export const ACTIVITY_MODALITIES = ['on-site', 'online', 'hybrid'] as const;
export const ACTIVITY_STATUSES = ['planned', 'open', 'closed', 'completed', 'cancelled'] as const;
/** Where a coordinator may move an activity (from planned: open or cancelled; …; see ACTIVITY_TRANSITIONS). */
export const ACTIVITY_TARGET_STATUSES = ['open', 'closed', 'completed', 'cancelled'] as const;
export const ENROLLMENT_ROLES = ['participant', 'trainer'] as const;
export const ENROLLMENT_STATUSES = ['nominated', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;
export const GENDERS = ['female', 'male', 'undisclosed'] as const;
export const ATTENDANCE_VALUES = ['present', 'partial', 'absent'] as const;
export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export const NOMINATION_DECISIONS = ['approve', 'reject'] as const;

export type ThematicArea = (typeof THEMATIC_AREAS)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type ActivityModality = (typeof ACTIVITY_MODALITIES)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type ActivityTargetStatus = (typeof ACTIVITY_TARGET_STATUSES)[number];
export type EnrollmentRole = (typeof ENROLLMENT_ROLES)[number];
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export type Gender = (typeof GENDERS)[number];
export type Attendance = (typeof ATTENDANCE_VALUES)[number];
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Lifecycle: planned → open → closed → completed; planned, open or closed → cancelled. */
export const ACTIVITY_TRANSITIONS: Readonly<Record<ActivityStatus, readonly ActivityStatus[]>> = {
  planned: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

const LOCALIZED_SCHEMA = {
  type: 'object',
  properties: { ar: { type: 'string' }, en: { type: 'string' }, fr: { type: 'string' } },
  description: 'At least one of ar, en, fr',
} as const;

const PROGRAMME_CODE = /^[A-Z][A-Za-z-]{1,19}$/;

// ---------- programmes ----------

export class CreateProgrammeRequest {
  @ApiProperty({ example: 'OSH-CaB', description: 'Short code, unique' })
  @Matches(PROGRAMME_CODE)
  code: string;

  @ApiProperty({ ...LOCALIZED_SCHEMA })
  @IsLocalizedText(200)
  name: LocalizedText;

  @ApiProperty({ ...LOCALIZED_SCHEMA })
  @IsLocalizedText(5000)
  description: LocalizedText;

  @ApiProperty({ ...LOCALIZED_SCHEMA, description: 'The institution that runs it' })
  @IsLocalizedText(200)
  institution: LocalizedText;

  @ApiProperty({ enum: THEMATIC_AREAS })
  @IsIn(THEMATIC_AREAS)
  thematicArea: ThematicArea;
}

export class ProgrammeRef {
  @ApiProperty({ example: 'OSH-CaB' })
  @Matches(PROGRAMME_CODE)
  code: string;
}

export class ProgrammeCoordinatorRequest extends ProgrammeRef {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}

export class ListProgrammesRequest extends PageRequest {}

export class ProgrammeView {
  @ApiProperty({ example: 'OSH-CaB' }) code: string;
  @ApiProperty({ ...LOCALIZED_SCHEMA }) name: LocalizedText;
  @ApiProperty({ ...LOCALIZED_SCHEMA }) description: LocalizedText;
  @ApiProperty({ ...LOCALIZED_SCHEMA }) institution: LocalizedText;
  @ApiProperty({ description: 'The name in the request language' }) displayName: string;
  @ApiProperty({ enum: THEMATIC_AREAS }) thematicArea: ThematicArea;
  @ApiProperty({ description: 'Whether the caller coordinates it' }) isCoordinator: boolean;
  @ApiProperty({ format: 'uuid', isArray: true, description: "The coordinators' user ids (admins and the programme's coordinators only; empty otherwise)" })
  coordinatorIds: string[];
}

export class ProgrammePage {
  @ApiProperty({ type: [ProgrammeView] }) items: ProgrammeView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

// ---------- activities ----------

export class CreateActivityRequest {
  @ApiProperty({ enum: ACTIVITY_TYPES })
  @IsIn(ACTIVITY_TYPES)
  type: ActivityType;

  @ApiProperty({ ...LOCALIZED_SCHEMA })
  @IsLocalizedText(200)
  title: LocalizedText;

  @ApiProperty({ ...LOCALIZED_SCHEMA })
  @IsLocalizedText(5000)
  description: LocalizedText;

  @ApiProperty({ example: 'TR' })
  @IsMemberState()
  hostCountry: string;

  @ApiProperty({ type: [String], example: ['TR'] })
  @IsArray()
  @ArrayMaxSize(57)
  @ArrayUnique()
  @IsMemberState({ each: true })
  providerCountries: string[];

  @ApiProperty({ type: [String], example: ['SN', 'JO'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(57)
  @ArrayUnique()
  @IsMemberState({ each: true })
  beneficiaryCountries: string[];

  @ApiProperty({ enum: ACTIVITY_MODALITIES })
  @IsIn(ACTIVITY_MODALITIES)
  modality: ActivityModality;

  @ApiProperty({ type: [String], example: ['ar', 'en'], description: 'Working languages (ISO 639-1)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages: string[];

  @ApiProperty({ example: '2027-03-01' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '2027-03-05' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ example: '2027-02-01', description: 'Last day for nominations and enrolments' })
  @IsCalendarDate()
  applicationDeadline: string;

  @ApiProperty({ minimum: 1, maximum: 10000, description: 'Participant seats (trainers use none)' })
  @IsInt()
  @Min(1)
  @Max(10000)
  seats: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, nullable: true, description: 'Most confirmed participants per country; unset: no quota' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  countryQuota?: number | null;
}

export class CreateActivityCommand extends CreateActivityRequest {
  @Matches(PROGRAMME_CODE)
  programmeCode: string;
}

export class UpdateActivityRequest {
  @ApiPropertyOptional({ enum: ACTIVITY_TYPES }) @IsOptional() @IsIn(ACTIVITY_TYPES) type?: ActivityType;
  @ApiPropertyOptional({ ...LOCALIZED_SCHEMA }) @IsOptional() @IsLocalizedText(200) title?: LocalizedText;
  @ApiPropertyOptional({ ...LOCALIZED_SCHEMA }) @IsOptional() @IsLocalizedText(5000) description?: LocalizedText;
  @ApiPropertyOptional() @IsOptional() @IsMemberState() hostCountry?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(57)
  @ArrayUnique()
  @IsMemberState({ each: true })
  providerCountries?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(57)
  @ArrayUnique()
  @IsMemberState({ each: true })
  beneficiaryCountries?: string[];

  @ApiPropertyOptional({ enum: ACTIVITY_MODALITIES }) @IsOptional() @IsIn(ACTIVITY_MODALITIES) modality?: ActivityModality;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages?: string[];

  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() startDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() endDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() applicationDeadline?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, description: 'More seats promote waitlisted participants at once; never below the confirmed ones' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  seats?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, nullable: true, description: 'null removes the quota' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(10000)
  countryQuota?: number | null;
}

export class UpdateActivityCommand extends UpdateActivityRequest {
  @IsUUID() activityId: string;
  @IsInt() @Min(1) expectedVersion: number;
}

export class ActivityRef {
  @IsUUID() activityId: string;
}

export class ChangeActivityStatusRequest {
  @ApiProperty({ enum: ACTIVITY_TARGET_STATUSES })
  @IsIn(ACTIVITY_TARGET_STATUSES)
  status: ActivityTargetStatus;
}

export class ChangeActivityStatusCommand extends ChangeActivityStatusRequest {
  @IsUUID() activityId: string;
}

export class ListActivitiesRequest extends PageRequest {
  @ApiPropertyOptional({ example: 'OSH-CaB' }) @IsOptional() @Matches(PROGRAMME_CODE) programme?: string;
  @ApiPropertyOptional({ description: 'Host, provider or beneficiary country' }) @IsOptional() @IsMemberState() country?: string;
  @ApiPropertyOptional({ description: 'Activities ending on or after this day' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'Activities starting on or before this day' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES }) @IsOptional() @IsIn(ACTIVITY_STATUSES) status?: ActivityStatus;
  @ApiPropertyOptional({ description: 'A working language' }) @IsOptional() @IsLanguageCode() language?: string;
}

export class ActivityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() programmeCode: string;
  @ApiProperty({ enum: ACTIVITY_TYPES }) type: ActivityType;
  @ApiProperty({ ...LOCALIZED_SCHEMA }) title: LocalizedText;
  @ApiProperty({ ...LOCALIZED_SCHEMA }) description: LocalizedText;
  @ApiProperty({ description: 'The title in the request language' }) displayTitle: string;
  @ApiProperty() hostCountry: string;
  @ApiProperty({ type: [String] }) providerCountries: string[];
  @ApiProperty({ type: [String] }) beneficiaryCountries: string[];
  @ApiProperty({ enum: ACTIVITY_MODALITIES }) modality: ActivityModality;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty() applicationDeadline: string;
  @ApiProperty() seats: number;
  @ApiProperty({ type: Number, nullable: true }) countryQuota: number | null;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status: ActivityStatus;
  @ApiProperty({ description: 'Confirmed participants' }) confirmed: number;
  @ApiProperty({ description: 'Waitlisted participants' }) waitlisted: number;
  @ApiProperty({ description: 'Send as If-Match (quoted) to edit' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ActivityPage {
  @ApiProperty({ type: [ActivityView] }) items: ActivityView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

// ---------- experts ----------

export class CreateExpertRequest {
  @ApiProperty({ example: 'فاطمة الزهراء بنعلي', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  fullName: string;

  @ApiProperty({ example: 'f.benali@example.ma', description: 'Unique in the registry' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: '+212 600 000 000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/)
  phone?: string;

  @ApiProperty({ example: 'MA' })
  @IsMemberState()
  country: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender: Gender;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  institution?: string;

  @ApiProperty({ type: [String], example: ['ar', 'fr'] })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages: string[];

  @ApiProperty({ type: [String], example: ['osh.risk-assessment'], description: 'Skill ids of the skills taxonomy' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  skills: string[];

  @ApiProperty({ type: [String], example: ['2263'], description: 'ISCO-08 codes (any level)' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^\d{1,4}$/, { each: true })
  iscoCodes: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The platform account of the expert, when they have one' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class ExpertRef {
  @IsUUID() expertId: string;
}

export class SearchExpertsRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'Part of the name; Arabic letter forms and diacritics, and accents, are ignored' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional() @IsOptional() @IsMemberState() country?: string;
  @ApiPropertyOptional({ description: 'A skill id' }) @IsOptional() @IsString() @MaxLength(200) skill?: string;
  @ApiPropertyOptional({ description: 'An ISCO-08 code; matches its sub-groups' }) @IsOptional() @Matches(/^\d{1,4}$/) isco?: string;
}

export class ExpertView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional() phone?: string;
  @ApiProperty() country: string;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiPropertyOptional() institution?: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty({ type: [String] }) iscoCodes: string[];
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ExpertPage {
  @ApiProperty({ type: [ExpertView] }) items: ExpertView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

// ---------- enrolments ----------

export class EnrollRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  expertId: string;

  @ApiProperty({ enum: ENROLLMENT_ROLES, description: 'Focal points nominate participants only' })
  @IsIn(ENROLLMENT_ROLES)
  role: EnrollmentRole;
}

export class EnrollCommand extends EnrollRequest {
  @IsUUID() activityId: string;

  /** The `Idempotency-Key` header: a retry with the same key returns the first answer. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{8,128}$/)
  idempotencyKey?: string;
}

export class EnrollmentRef {
  @IsUUID() enrollmentId: string;
}

export class DecideNominationRequest {
  @ApiProperty({ enum: NOMINATION_DECISIONS })
  @IsIn(NOMINATION_DECISIONS)
  decision: (typeof NOMINATION_DECISIONS)[number];
}

export class DecideNominationCommand extends DecideNominationRequest {
  @IsUUID() enrollmentId: string;
}

export class ListEnrollmentsRequest extends PageRequest {
  @IsUUID() activityId: string;
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES }) @IsOptional() @IsIn(ENROLLMENT_STATUSES) status?: EnrollmentStatus;
}

export class RecordAttendanceRequest {
  @ApiProperty({ enum: ATTENDANCE_VALUES })
  @IsIn(ATTENDANCE_VALUES)
  attendance: Attendance;

  @ApiProperty({ description: 'Completed the activity (a certificate may then be issued)' })
  @IsBoolean()
  completed: boolean;
}

export class RecordAttendanceCommand extends RecordAttendanceRequest {
  @IsUUID() enrollmentId: string;
}

export class EnrollmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() expertName: string;
  @ApiProperty() expertCountry: string;
  @ApiProperty({ enum: ENROLLMENT_ROLES }) role: EnrollmentRole;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'The focal point who nominated the expert' }) nominatedBy?: string;
  @ApiPropertyOptional({ description: 'Place in the waitlist (1 = next), while waitlisted' }) waitlistPosition?: number;
  @ApiPropertyOptional({ enum: ATTENDANCE_VALUES }) attendance?: Attendance;
  @ApiProperty() completed: boolean;
  @ApiPropertyOptional() certificateNumber?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class EnrollmentPage {
  @ApiProperty({ type: [EnrollmentView] }) items: EnrollmentView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

// ---------- certificates ----------

export class CertificateRef {
  @ApiProperty({ example: 'OLP-2027-7K3M9Q2X' })
  @Matches(/^OLP-\d{4}-[0-9A-Z]{8}$/)
  number: string;
}

export class CertificateView {
  @ApiProperty({ example: 'OLP-2027-7K3M9Q2X' }) number: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty({ description: "The holder's name, nothing else about them" }) holderName: string;
  @ApiProperty() programmeCode: string;
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ ...LOCALIZED_SCHEMA }) activityTitle: LocalizedText;
  @ApiProperty({ description: 'The activity title in the request language' }) displayTitle: string;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) revokedAt?: string;
}

// ---------- reports ----------

export class ProgrammesSummaryRequest {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: 'OSH-CaB' })
  @IsOptional()
  @Matches(PROGRAMME_CODE)
  programme?: string;
}

export class ActivityCount {
  @ApiProperty({ enum: ACTIVITY_TYPES }) type: ActivityType;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status: ActivityStatus;
  @ApiProperty() count: number;
}

export class ParticipantCount {
  @ApiProperty() country: string;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty() count: number;
}

export class ProgrammesSummary {
  @ApiProperty() year: number;
  @ApiPropertyOptional() programme?: string;
  @ApiProperty({ type: [ActivityCount], description: 'Activities starting in the year, by type and status' }) activities: ActivityCount[];
  @ApiProperty({ description: 'Experts confirmed in any of them (participants or trainers), each once' }) distinctExperts: number;
  @ApiProperty({ type: [ParticipantCount], description: 'Confirmed participants by country and gender' }) participants: ParticipantCount[];
  @ApiProperty({ description: 'Confirmed trainer enrolments' }) trainers: number;
}
