import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsCleanText } from '../../common/validators.js';
import { MAX_TOPIC_ID_LENGTH, TOPIC_PATH, TOPIC_PATH_MESSAGE } from '../topic-path.js';

export class DefineTopicRequest {
  @ApiProperty({ example: 'ukraine-war/negotiations/direct-talks-with-putin', pattern: TOPIC_PATH.source, maxLength: MAX_TOPIC_ID_LENGTH,
    description: 'A slash path of slugs; the parent (the path without its last slug) must be defined first' })
  @IsString() @MaxLength(MAX_TOPIC_ID_LENGTH) @Matches(TOPIC_PATH, { message: `id ${TOPIC_PATH_MESSAGE}` })
  id: string;

  @ApiProperty({ example: 'Direct talks with Putin' })
  @IsString() @IsNotEmpty() @Matches(/\S/, { message: 'title must not be blank' }) @MaxLength(200) @IsCleanText()
  title: string;

  // Required: a stance is support or opposition to this sentence, so a topic without one is meaningless.
  @ApiProperty({ example: "Ukraine's president should negotiate directly with Putin", description: 'The sentence that "support" refers to' })
  @IsString() @IsNotEmpty() @Matches(/\S/, { message: 'proposition must not be blank' }) @MaxLength(1000) @IsCleanText()
  proposition: string;
}
