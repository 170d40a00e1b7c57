import { exportDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { exportMyDataRoute } from '../../shared/api/seekers';
import { exportSeeker } from '../../shared/domain/seeker-export';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(exportMyDataRoute, async ({ caller }) => ({
  status: 200,
  body: await exportSeeker(exportDeps(uses.exportMyData), caller.sub),
  headers: {
    'content-disposition': 'attachment; filename="bassin-my-data.json"',
    'cache-control': 'no-store',
  },
}));
