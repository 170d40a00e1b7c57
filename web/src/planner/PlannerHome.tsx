/** The planner's view of an area: figures, forecast, tension, skills, a site's catchment, own areas. */
import { useState } from 'preact/hooks';
import { api, data } from '../api/client';
import { useLoad } from '../ui/useLoad';
import { AreaEditor } from './AreaEditor';
import { AreaPicker } from './AreaPicker';
import { Catchment } from './Catchment';
import { Forecast } from './Forecast';
import type { PlannerFilters } from './filters';
import { Indicators } from './Indicators';
import { SkillsGap } from './SkillsGap';
import { Tension } from './Tension';

export function PlannerHome() {
  const [filters, setFilters] = useState<PlannerFilters>({ area: 'lacq-pau-tarbes' });
  const [areasVersion, setAreasVersion] = useState(0);
  const sectors = useLoad(() => data(api.GET('/v1/ref/sectors', {})), []);
  const sectorName = sectors.data?.items.find((s) => s.slug === filters.sector)?.label;
  return (
    <main id="main">
      <h1>Planification territoriale</h1>
      <AreaPicker filters={filters} onChange={setFilters} areasVersion={areasVersion} />
      <p class="note">
        Chiffres issus de Bassin seulement (offres publiées et candidats inscrits ici), pas du marché du
        travail entier. « &lt; 11 » : moins de 11 personnes, non publié (secret statistique).
      </p>
      <Indicators filters={filters} />
      <Forecast filters={filters} />
      <Tension filters={filters} sectorName={sectorName} />
      <SkillsGap filters={filters} />
      <Catchment sector={filters.sector} />
      <AreaEditor
        onSaved={(id) => {
          setAreasVersion((n) => n + 1);
          setFilters({ ...filters, area: id });
        }}
      />
    </main>
  );
}
