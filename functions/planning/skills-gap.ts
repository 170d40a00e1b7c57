import { reachDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { skillsGapRoute } from '../../shared/api/planning';
import { skillsGap } from '../../shared/domain/planning/skills-gap';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(skillsGapRoute, async ({ query }) => ({
  status: 200,
  body: await skillsGap(reachDeps(uses.planningSkillsGap), query),
}));
