import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  stroke: string;
  dash?: number[];
  fill?: string;
}

/** A uPlot time chart; `bands` fill between pairs of series (indexes into data). */
export function Chart(props: {
  title: string;
  data: [number[], ...(number | null)[][]];
  series: ChartSeries[];
  bands?: { between: [number, number]; fill: string }[];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const plot = new uPlot(
      {
        title: props.title,
        width: Math.min(760, box.current.clientWidth || 760),
        height: 260,
        series: [
          {},
          ...props.series.map((s) => ({
            label: s.label,
            stroke: s.stroke,
            width: 2,
            dash: s.dash,
            spanGaps: false,
          })),
        ],
        bands: (props.bands ?? []).map((band) => ({ series: band.between, fill: band.fill })),
        axes: [{}, { size: 50 }],
      },
      props.data as uPlot.AlignedData,
      box.current,
    );
    return () => plot.destroy();
  }, [props.data, props.title]);
  return <figure ref={box} class="chart" aria-label={props.title} />;
}
