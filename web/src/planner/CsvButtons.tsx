/** The same table as CSV: for a French spreadsheet (Excel, LibreOffice) and for programs. */
import { api } from '../api/client';
import type { paths } from '../api/schema';

type CsvPath =
  | '/v1/planning/indicators'
  | '/v1/planning/tension'
  | '/v1/planning/skills-gap'
  | '/v1/planning/catchment'
  | '/v1/planning/forecast';

async function download(
  path: CsvPath,
  query: Record<string, string | number | undefined>,
  accept: string,
  filename: string,
) {
  const { data, response } = await api.GET(path, {
    params: { query: query as paths[CsvPath]['get']['parameters']['query'] } as never,
    headers: { accept },
    // The bytes as sent: decoding them as text would drop the byte order mark spreadsheets need.
    parseAs: 'blob',
  });
  if (!response.ok || !(data instanceof Blob)) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function CsvButtons(props: {
  path: CsvPath;
  query: Record<string, string | number | undefined>;
  name: string;
}) {
  return (
    <div class="actions">
      <button
        type="button"
        class="secondary"
        onClick={() =>
          download(props.path, props.query, 'text/csv; profile=spreadsheet-fr', `${props.name}.csv`)
        }
      >
        Télécharger pour un tableur (CSV)
      </button>
      <button
        type="button"
        class="secondary"
        onClick={() => download(props.path, props.query, 'text/csv', `${props.name}-donnees.csv`)}
      >
        Données brutes (CSV)
      </button>
    </div>
  );
}
