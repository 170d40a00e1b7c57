import * as z from 'zod/mini';
import { area, areaDefinition, areaId } from '../domain/planning/areas';
import { metrics } from '../domain/planning/codes';
import { metricNames } from '../domain/planning/figures';
import { monthPattern } from '../domain/planning/months';
import {
  boundedString,
  communeCode,
  commuteMode,
  int32,
  queryInt32,
  romeCode,
  sectorSlug,
  shiftName,
} from '../domain/schema-parts';
import { scenario, scenarioDefinition, scenarioId } from '../domain/transit/scenario';
import { journeyView } from '../domain/transit/trip-view';
import { defineRoute } from '../http/route-contract';
import { commonProblems, ifMatchHeader, problemDocument } from './common';

const planner = ['planner'] as const;
const tags = ['Planning'];

const month = /* @__PURE__ */ (() =>
  z.string().check(z.maxLength(7), z.regex(monthPattern, 'field.month')))();
const count = /* @__PURE__ */ (() => z.nullable(int32(0, 2_000_000_000)))();
const measure = /* @__PURE__ */ (() => z.nullable(z.number().check(z.minimum(0), z.maximum(1e12))))();
const label = /* @__PURE__ */ (() => boundedString(300))();
const areaRef = /* @__PURE__ */ (() =>
  z.object({
    id: areaId,
    name: label,
    exact: z.boolean().register(z.globalRegistry, {
      description: 'False when a statistical unit of the area reaches beyond it',
    }),
    units: z.array(z.object({ id: boundedString(20), name: label })).check(z.maxLength(5000)),
    personFiguresFrom: z
      .object({
        areas: z.array(z.object({ id: boundedString(60), name: label })).check(z.maxLength(2000)),
        exact: z.boolean(),
      })
      .register(z.globalRegistry, {
        description:
          'Person figures are published per EPCI (and for the pilot territory): the ones summed here',
      }),
  }))();
const reach = /* @__PURE__ */ (() =>
  z.object({
    minutes: int32(0, 240),
    mode: commuteMode,
    hour: int32(0, 23),
    areas: z.array(z.object({ id: boundedString(60), name: label })).check(z.maxLength(2000)),
  }))();
const areaQuery = /* @__PURE__ */ (() =>
  areaId.clone().register(z.globalRegistry, {
    description: 'Area id (GET /v1/planning/areas), `epci-<SIREN>` or `dep-<code>`',
  }))();
const areaFilters = /* @__PURE__ */ (() => ({
  area: areaQuery,
  sector: z.optional(sectorSlug),
  occupation: z.optional(romeCode),
}))();

export const listAreasRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listPlanningAreas',
    method: 'GET',
    path: '/v1/planning/areas',
    summary: 'The pilot territory, each of its EPCIs and départements, and the areas planners defined',
    tags,
    access: planner,
    responses: {
      200: {
        description: 'Areas with how many statistical units and communes they cover',
        schema: z.object({
          items: z
            .array(
              z.extend(area, {
                units: int32(0, 100_000),
                communeCount: int32(0, 100_000),
                exact: z.boolean(),
              }),
            )
            .check(z.maxLength(1000)),
        }),
      },
      ...commonProblems,
    },
  }))();

export const putAreaRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'putPlanningArea',
    method: 'PUT',
    path: '/v1/planning/areas/{id}',
    summary: 'Create or replace a custom area from EPCI and commune codes',
    tags,
    access: planner,
    params: z.strictObject({ id: areaId }),
    body: areaDefinition,
    headers: [ifMatchHeader(false)],
    responses: {
      200: { description: 'Replaced', schema: area },
      201: { description: 'Created', schema: area },
      ...commonProblems,
      409: { description: 'A built-in id, or too many areas', schema: problemDocument },
      412: { description: 'Stale If-Match', schema: problemDocument },
      428: { description: 'The area exists: replacing it needs If-Match', schema: problemDocument },
    },
  }))();

const indicatorRow = /* @__PURE__ */ (() =>
  z.object({
    month,
    vacancies_posted: count,
    openings_posted: count,
    vacancies_open: count,
    vacancies_closed: count,
    median_days_to_close: measure,
    seekers_active: count,
    matches_new: count,
    matches_accepted: count,
    offers_sent: count,
    offers_answered: count,
    offers_accepted: count,
    vacancies_offering: count,
    vacancies_first_accepted: count,
    median_hours_to_first_acceptance: measure,
    offers_per_vacancy: measure.clone().register(z.globalRegistry, {
      description: 'Offers sent ÷ vacancies that sent offers that month; null when either is not published',
    }),
    answer_rate: measure.clone().register(z.globalRegistry, {
      description: 'Offers answered ÷ offers sent that month; null when either is not published',
    }),
    suppressed: z.array(z.enum(metricNames)).check(z.maxLength(20)),
  }))();

export const indicatorsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'planningIndicators',
    method: 'GET',
    path: '/v1/planning/indicators',
    summary: 'Monthly figures of an area, optionally for one sector and/or occupation',
    tags,
    access: planner,
    query: z.strictObject({
      ...areaFilters,
      from: z
        .optional(month)
        .register(z.globalRegistry, { description: 'First month (default: 11 months before `to`)' }),
      to: z
        .optional(month)
        .register(z.globalRegistry, { description: 'Last month (default: the current, provisional month)' }),
    }),
    csv: (body: { items: Record<string, unknown>[] }) => body.items,
    responses: {
      200: {
        description: 'One row per month; null + `suppressed` where a count of persons is 1–10',
        schema: z.object({
          area: areaRef,
          sector: z.nullable(label),
          occupation: z.nullable(label),
          provisionalMonth: month,
          items: z.array(indicatorRow).check(z.maxLength(60)),
        }),
      },
      ...commonProblems,
    },
  }))();

export const tensionRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'planningTension',
    method: 'GET',
    path: '/v1/planning/tension',
    summary: 'Per occupation: open vacancies in the area, available seekers within reach, ratio and rank',
    tags,
    access: planner,
    query: z.strictObject({ area: areaQuery, month: z.optional(month) }),
    csv: (body: { items: Record<string, unknown>[] }) => body.items,
    responses: {
      200: {
        description: 'Occupations ranked from most to least tense',
        schema: z.object({
          area: areaRef,
          month,
          reach,
          items: z
            .array(
              z.object({
                occupation: label,
                label,
                openVacancies: int32(0, 2_000_000_000),
                seekersInReach: count,
                seekersSuppressed: z.boolean(),
                ratio: measure,
                noSeekerInReach: z.boolean(),
                rank: z.nullable(int32(1, 100_000)),
              }),
            )
            .check(z.maxLength(1000)),
        }),
      },
      ...commonProblems,
    },
  }))();

export const skillsGapRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'planningSkillsGap',
    method: 'GET',
    path: '/v1/planning/skills-gap',
    summary: 'Skills most demanded by open vacancies and how many available seekers within reach have them',
    tags,
    access: planner,
    query: z.strictObject({
      area: areaQuery,
      sector: z.optional(sectorSlug),
      limit: z._default(queryInt32(1, 100), 20),
    }),
    csv: (body: { items: Record<string, unknown>[] }) => body.items,
    responses: {
      200: {
        description: 'Skills, most demanded first',
        schema: z.object({
          area: areaRef,
          sector: z.nullable(label),
          reach,
          items: z
            .array(
              z.object({
                skill: label.clone().register(z.globalRegistry, {
                  description: 'The skill: "#<code OGR>" for a referential skill, else its normalised text',
                }),
                label: label.clone().register(z.globalRegistry, { description: 'The skill in words' }),
                openVacancies: int32(0, 2_000_000_000),
                seekersInReach: count,
                seekersSuppressed: z.boolean(),
                seekersPerVacancy: measure,
              }),
            )
            .check(z.maxLength(100)),
        }),
      },
      ...commonProblems,
    },
  }))();

export const catchmentRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'planningCatchment',
    method: 'GET',
    path: '/v1/planning/catchment',
    summary: 'How many seekers live within a commute of a site, by occupation and by commute band',
    tags,
    access: ['planner', 'employer'],
    query: z.strictObject({
      commune: communeCode,
      minutes: z._default(queryInt32(5, 120), 30),
      mode: z._default(commuteMode, 'car'),
      hour: z._default(queryInt32(0, 23), 8),
      sector: z.optional(sectorSlug),
    }),
    csv: (body: { byOccupation: Record<string, unknown>[] }) => body.byOccupation,
    responses: {
      200: {
        description: 'Seekers active this month (who consented to statistics) living within the commute',
        schema: z.object({
          site: z.object({ commune: label, name: label }),
          month,
          minutes: int32(5, 120),
          mode: commuteMode,
          hour: int32(0, 23),
          sector: z.nullable(label),
          seekers: count,
          suppressed: z.boolean(),
          byOccupation: z
            .array(z.object({ occupation: label, label, seekers: count, suppressed: z.boolean() }))
            .check(z.maxLength(1000)),
          distribution: z
            .array(
              z.object({
                fromMinutes: int32(0, 120),
                toMinutes: int32(0, 120),
                seekers: count,
                suppressed: z.boolean(),
                areas: int32(0, 100_000),
              }),
            )
            .check(z.maxLength(10)),
          areas: z
            .array(
              z.object({
                id: boundedString(60),
                name: label,
                minutes: z.number().check(z.minimum(0), z.maximum(240)),
                seekers: count.clone().register(z.globalRegistry, {
                  description: 'Seekers active in this EPCI; null when secret',
                }),
                suppressed: z.boolean(),
                commune: boundedString(5),
                lat: z.number().check(z.minimum(-90), z.maximum(90)),
                lon: z.number().check(z.minimum(-180), z.maximum(180)),
              }),
            )
            .check(z.maxLength(5000)),
        }),
      },
      ...commonProblems,
      422: { description: 'The commune has no known coordinates', schema: problemDocument },
    },
  }))();

const forecastedMetric = /* @__PURE__ */ (() =>
  z.enum(metricNames.filter((name) => metrics[name].kept !== 'histogram') as [string, ...string[]]))();

export const forecastRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'planningForecast',
    method: 'GET',
    path: '/v1/planning/forecast',
    summary: 'Next months of a monthly figure, with 80 % and 95 % intervals and the backtest error',
    tags,
    access: planner,
    query: z.strictObject({
      ...areaFilters,
      metric: z._default(forecastedMetric, 'vacancies_posted'),
      horizon: z._default(queryInt32(1, 24), 12),
    }),
    csv: (body: { points: Record<string, unknown>[] }) => body.points,
    responses: {
      200: {
        description:
          'Point forecasts and intervals; no points (and a `reason`) when the series is too short, or `suppressed` when it counts few persons',
        schema: z.object({
          area: areaRef,
          metric: label,
          sector: z.nullable(label),
          occupation: z.nullable(label),
          history: z.array(z.object({ month, value: count, suppressed: z.boolean() })).check(z.maxLength(60)),
          suppressed: z.boolean(),
          reason: z.optional(label),
          method: z.optional(label),
          methodText: z
            .optional(label)
            .register(z.globalRegistry, { description: 'The method in words (French by default)' }),
          errorText: z.optional(label).register(z.globalRegistry, {
            description: 'Its backtest error (MASE, sMAPE) explained in one sentence',
          }),
          backtest: z.optional(
            z.object({
              mase: measure,
              smape: measure,
              origins: int32(0, 60),
              horizon: int32(0, 24),
            }),
          ),
          candidates: z.optional(
            z.array(z.object({ method: label, mase: measure, smape: measure })).check(z.maxLength(20)),
          ),
          intervals: z.optional(label),
          points: z
            .array(
              z.object({
                month,
                forecast: measure,
                lower80: measure,
                upper80: measure,
                lower95: measure,
                upper95: measure,
                suppressed: z.boolean(),
              }),
            )
            .check(z.maxLength(24)),
        }),
      },
      ...commonProblems,
    },
  }))();

const clockTime = /* @__PURE__ */ (() => boundedString(5))();
const journey = /* @__PURE__ */ (() => z.nullable(journeyView))();

export const transitOverviewRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'planningTransit',
    method: 'GET',
    path: '/v1/planning/transit',
    summary: 'The timetables loaded (GTFS): representative day, networks and their lines',
    tags,
    access: planner,
    responses: {
      200: {
        description: 'What was imported; `loaded: false` when no timetable is (transit is then estimated)',
        schema: z.object({
          loaded: z.boolean(),
          version: z.optional(label),
          importedAt: z.optional(boundedString(40)),
          date: z.optional(boundedString(8)),
          weekday: z.optional(label),
          feeds: z.optional(
            z
              .array(z.object({ name: label, agencies: z.array(label).check(z.maxLength(100)) }))
              .check(z.maxLength(100)),
          ),
          communesServed: z.optional(int32(0, 100_000)),
          lines: z
            .array(
              z.object({
                id: label,
                name: label,
                mode: label,
                modeLabel: label,
                agency: label,
                trips: int32(0, 10_000_000),
              }),
            )
            .check(z.maxLength(20_000)),
        }),
      },
      ...commonProblems,
    },
  }))();

export const listScenariosRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listMobilityScenarios',
    method: 'GET',
    path: '/v1/planning/scenarios',
    summary: "The planning team's mobility scenarios",
    tags,
    access: planner,
    responses: {
      200: {
        description: 'Scenarios by id',
        schema: z.object({ items: z.array(scenario).check(z.maxLength(1000)) }),
      },
      ...commonProblems,
    },
  }))();

export const putScenarioRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'putMobilityScenario',
    method: 'PUT',
    path: '/v1/planning/scenarios/{id}',
    summary: 'Create or replace a mobility scenario: lines added (stops, times, days) or removed',
    tags,
    access: planner,
    params: z.strictObject({ id: scenarioId }),
    body: scenarioDefinition,
    headers: [ifMatchHeader(false)],
    responses: {
      200: { description: 'Replaced', schema: scenario },
      201: { description: 'Created', schema: scenario },
      ...commonProblems,
      409: { description: 'Too many scenarios', schema: problemDocument },
      412: { description: 'Stale If-Match', schema: problemDocument },
      422: { description: 'A commune of a stop has no known point', schema: problemDocument },
    },
  }))();

const reachFigure = /* @__PURE__ */ (() =>
  z.object({
    seekers: count,
    suppressed: z.boolean(),
    areas: z
      .array(
        z.object({
          id: boundedString(60),
          name: label,
          minutes: int32(0, 240),
          outbound: journey,
          back: journey,
        }),
      )
      .check(z.maxLength(5000)),
  }))();

export const transitReachRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'planningTransitReach',
    method: 'GET',
    path: '/v1/planning/transit-reach',
    summary:
      'Seekers who can reach a site or an area by public transport for each shift, with the timetable and with a scenario',
    tags,
    access: planner,
    query: z.strictObject({
      commune: z
        .optional(communeCode)
        .register(z.globalRegistry, { description: 'The site (give a commune or an area)' }),
      area: z.optional(areaQuery),
      scenario: z.optional(scenarioId).register(z.globalRegistry, {
        description: 'Compare with this scenario (GET /v1/planning/scenarios)',
      }),
      minutes: z._default(
        queryInt32(15, 120)
          .clone()
          .register(z.globalRegistry, { description: 'Longest way there or back, waiting included' }),
        90,
      ),
      sector: z.optional(sectorSlug),
    }),
    csv: (body: { shifts: { shift: string; label: string; byOccupation: Record<string, unknown>[] }[] }) =>
      body.shifts.flatMap((s) =>
        s.byOccupation.map((row) => ({ shift: s.shift, shiftLabel: s.label, ...row })),
      ),
    responses: {
      200: {
        description:
          'Per shift: seekers active this month (who consented to statistics) in the EPCIs whose main place reaches the place and comes back; null + suppressed for 1–10 persons',
        schema: z.object({
          place: z.object({ kind: z.enum(['site', 'area']), id: label, name: label }),
          month,
          minutes: int32(15, 120),
          sector: z.nullable(label),
          timetable: z.nullable(z.object({ version: label, date: boundedString(8), weekday: label })),
          scenario: z.nullable(
            z.object({ id: label, name: label, notes: z.array(label).check(z.maxLength(50)) }),
          ),
          notes: z.array(label).check(z.maxLength(10)),
          shifts: z
            .array(
              z.object({
                shift: shiftName,
                label,
                start: clockTime,
                end: clockTime,
                before: reachFigure,
                after: z.nullable(reachFigure),
                byOccupation: z
                  .array(
                    z.object({
                      occupation: label,
                      label,
                      before: count,
                      beforeSuppressed: z.boolean(),
                      after: count,
                      afterSuppressed: z.boolean(),
                    }),
                  )
                  .check(z.maxLength(2000)),
              }),
            )
            .check(z.maxLength(4)),
        }),
      },
      ...commonProblems,
      404: { description: 'No such scenario', schema: problemDocument },
      422: { description: 'The commune has no known coordinates', schema: problemDocument },
    },
  }))();
