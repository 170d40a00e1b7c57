/**
 * A uPlot time chart in French: month names, axis titles and legend labels; the width follows
 * its box (phones included); `bands` fill between pairs of series.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCount } from '../format';

export interface ChartSeries {
  label: string;
  stroke: string;
  dash?: number[];
}

const months = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const frenchNames = {
  MMMM: months,
  MMM: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  WWWW: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  WWW: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
};
const monthOfSeconds = (seconds: number, names = months) => {
  const date = new Date(seconds * 1000);
  return `${names[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
};

export function Chart(props: {
  title: string;
  yLabel: string;
  data: [number[], ...(number | null)[][]];
  series: ChartSeries[];
  bands?: { between: [number, number]; fill: string }[];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const width = () => Math.max(260, Math.min(900, element.clientWidth || 320));
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
        fmtDate: (template) => uPlot.fmtDate(template, frenchNames),
        series: [
          { label: 'Mois', value: (_, seconds) => (seconds == null ? '–' : monthOfSeconds(seconds)) },
          ...props.series.map((s) => ({
            label: s.label,
            stroke: s.stroke,
            width: 2,
            ...(s.dash ? { dash: s.dash } : {}),
            spanGaps: false,
            value: (_: uPlot, v: number | null) => (v == null ? '–' : formatCount(v, false)),
          })),
        ],
        bands: (props.bands ?? []).map((band) => ({ series: band.between, fill: band.fill })),
        axes: [
          // Tick labels drawn on the canvas: French month names, never uPlot's English ones.
          { label: 'Mois', values: (_, ticks) => ticks.map((t) => monthOfSeconds(t, frenchNames.MMM)) },
          { label: props.yLabel, size: 60, values: (_, ticks) => ticks.map((t) => formatCount(t, false)) },
        ],
        scales: { x: { time: true } },
      },
      props.data as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 260 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props.data, props.title]);
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={box} role="img" aria-label={`${props.title} (les chiffres sont dans le tableau)`} />
    </figure>
  );
}
