import type { SchemaObject } from '@nestjs/swagger';
import { CHANGE_KINDS, FLIP_O_METER } from '../../stance-changes/classify-change.js';
import { STANCES } from '../../statements/statement.events.js';

// The OpenAPI shapes of the two export formats (timelinejs.format.ts, vis-timeline.format.ts): the
// libraries' own JSON, snake_case and all, so they are written as schemas rather than decorated classes.

const string = { type: 'string' } as const;
const text: SchemaObject = { type: 'object', required: ['headline', 'text'], properties: { headline: string, text: { type: 'string', description: 'HTML' } } };
const date: SchemaObject = {
  type: 'object', required: ['year'],
  properties: { year: { type: 'integer' }, month: { type: 'integer', minimum: 1, maximum: 12 }, day: { type: 'integer', minimum: 1, maximum: 31 } },
};

export const TIMELINEJS_SCHEMA: SchemaObject = {
  title: 'TimelineJsDocument',
  type: 'object',
  required: ['title', 'events'],
  properties: {
    title: { type: 'object', required: ['text'], properties: { text } },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['start_date', 'text', 'group', 'unique_id'],
        properties: {
          start_date: date,
          end_date: { ...date, description: 'only for a month or a year: its last day, so the slide spans the period' },
          display_date: { type: 'string', example: 'February 2025' },
          text,
          group: string,
          unique_id: { type: 'string', description: 'the statement id' },
          media: {
            type: 'object', required: ['url', 'credit', 'caption'],
            properties: { url: string, credit: string, caption: string, link: string },
          },
        },
      },
    },
  },
};

const changeMark: SchemaObject = {
  type: 'object',
  required: ['kind', 'flipOMeter', 'scoreDelta', 'orderUncertain', 'from'],
  properties: {
    kind: { type: 'string', enum: CHANGE_KINDS.filter((kind) => kind !== 'unchanged') },
    flipOMeter: { type: 'string', enum: [...new Set(Object.values(FLIP_O_METER))] },
    scoreDelta: { type: 'number' },
    orderUncertain: { type: 'boolean' },
    from: {
      type: 'object', required: ['id', 'stance', 'statedAt'],
      properties: { id: string, stance: { type: 'string', enum: [...STANCES] }, statedAt: string },
    },
  },
};

export const VIS_TIMELINE_SCHEMA: SchemaObject = {
  title: 'VisTimelineData',
  type: 'object',
  required: ['items', 'groups'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'start', 'type', 'content', 'group', 'title', 'className', 'actorId', 'topicId', 'stance', 'stanceScore',
          'statedAt', 'precision', 'statedStart', 'statedEnd'],
        properties: {
          id: string,
          start: { type: 'string', format: 'date' },
          end: { type: 'string', format: 'date', description: 'exclusive: the day after the period' },
          type: { type: 'string', enum: ['point', 'range'] },
          content: { type: 'string', description: 'HTML' },
          group: string,
          title: string,
          className: string,
          actorId: string,
          topicId: string,
          stance: { type: 'string', enum: [...STANCES] },
          stanceScore: { type: 'number', minimum: -2, maximum: 2 },
          statedAt: string,
          precision: { type: 'string', enum: ['day', 'month', 'year'] },
          statedStart: { type: 'string', format: 'date' },
          statedEnd: { type: 'string', format: 'date' },
          change: changeMark,
        },
      },
    },
    groups: { type: 'array', items: { type: 'object', required: ['id', 'content'], properties: { id: string, content: string } } },
  },
};
