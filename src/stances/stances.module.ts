import { Module } from '@nestjs/common';
import { GetStanceController } from './stance-on-date/get-stance.http.controller.js';
import { StanceOnDate } from './stance-on-date/stance-on-date.query.js';

/** Stance reads over the statements read model: "what did X say about Y on D". */
@Module({ controllers: [GetStanceController], providers: [StanceOnDate] })
export class StancesModule {}
