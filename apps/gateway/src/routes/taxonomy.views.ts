import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SKILL_FIELDS } from '@olp/reference-data';

class LabelsView {
  @ApiPropertyOptional() ar?: string;
  @ApiPropertyOptional() en?: string;
  @ApiPropertyOptional() fr?: string;
}

class PathEntry {
  @ApiProperty({ example: '2' }) code: string;
  @ApiProperty({ example: 'Professionals' }) label: string;
}

export class OccupationView {
  @ApiProperty({ enum: ['isco', 'esco'] }) kind: 'isco' | 'esco';
  @ApiProperty({ example: '2149', description: 'ISCO code, or ESCO occupation id' }) id: string;
  @ApiProperty({ example: '2149' }) iscoCode: string;
  @ApiProperty({ example: 4, description: '1–4: ISCO level; 5: an ESCO occupation inside a unit group' }) level: number;
  @ApiProperty({ description: 'In the request language' }) label: string;
  @ApiProperty({ type: LabelsView }) labels: LabelsView;
  @ApiProperty({ type: [PathEntry], description: 'Major group first' }) path: PathEntry[];
}

export class SkillView {
  @ApiProperty({ example: 'osh.risk-assessment' }) id: string;
  @ApiProperty({ description: 'In the request language' }) label: string;
  @ApiProperty({ type: LabelsView }) labels: LabelsView;
  @ApiProperty({ enum: SKILL_FIELDS }) field: string;
  @ApiProperty({ enum: ['skill', 'knowledge'] }) kind: string;
  @ApiPropertyOptional() escoUri?: string;
}

export class OccupationList {
  @ApiProperty({ type: [OccupationView] }) items: OccupationView[];
}

export class SkillList {
  @ApiProperty({ type: [SkillView] }) items: SkillView[];
}
