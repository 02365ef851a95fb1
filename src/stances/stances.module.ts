import { Module } from '@nestjs/common';
import { PositionsController } from '../positions/positions.http.controller.js';
import { Positions } from '../positions/positions.query.js';
import { GetStanceController } from './stance-on-date/get-stance.http.controller.js';
import { StanceOnDate } from './stance-on-date/stance-on-date.query.js';

/** Stance reads over the statements read model: "what did X say about Y on D", and the grid of where everyone stands. */
@Module({ controllers: [GetStanceController, PositionsController], providers: [StanceOnDate, Positions] })
export class StancesModule {}
