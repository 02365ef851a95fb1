import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnknownReferenceError } from './domain-error.js';

/**
 * Checks that what a write refers to exists, against the registries' read models (kept inline, so a
 * registration that got its 2xx is visible here). The error names the request field.
 */
@Injectable()
export class References {
  constructor(private readonly dataSource: DataSource) {}

  requireActor(id: string, field = 'actorId', db?: EntityManager): Promise<void> {
    return this.require('actors', id, field, `No actor ${id}; register it first (POST /v1/actors)`, db);
  }

  requireTopic(id: string, field = 'topicId', db?: EntityManager): Promise<void> {
    return this.require('topics', id, field, `No topic ${id}; define it first (POST /v1/topics)`, db);
  }

  requireSource(id: string, field = 'sourceId', db?: EntityManager): Promise<void> {
    return this.require('sources', id, field, `No source ${id}; register it first (POST /v1/sources)`, db);
  }

  private async require(table: 'actors' | 'topics' | 'sources', id: string, field: string, message: string, db?: EntityManager): Promise<void> {
    const rows = await (db ?? this.dataSource.manager).query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    if (rows.length === 0) throw new UnknownReferenceError(field, message);
  }
}
