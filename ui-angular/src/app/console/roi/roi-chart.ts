import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import type { Chart as ChartType } from 'chart.js';
import { formatCents } from '../../core/format/money.pipe';
import { ConsoleI18n } from '../core/console-i18n';
import type { ChartSpec } from './roi-charts';

/** Series colours: dark enough against white for WCAG 1.4.11 (non-text contrast ≥ 3:1), told apart by the legend too. */
const COLOURS = ['#1f5fa8', '#8a4b00', '#00695c', '#6a1b9a'];

/**
 * One chart of the ROI page, drawn with Chart.js (loaded on first use, in its own chunk, only here). The canvas is
 * an image with a one-line summary for screen readers (`summary`); the numbers themselves are in the data table the
 * page shows right after it. Animations are off (WCAG 2.3.3, and stable screenshots).
 */
@Component({
  selector: 'app-roi-chart',
  template: `
    <div class="roi-chart">
      <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
    </div>
  `,
  styles: `
    .roi-chart {
      position: relative;
      height: 16rem;
      max-width: 100%;
      /* Chart.js resizes the canvas a frame after its box changes: never let the old size widen the page meanwhile. */
      overflow: hidden;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoiChart {
  readonly spec = input.required<ChartSpec>();
  readonly summary = input.required<string>();
  private readonly i18n = inject(ConsoleI18n);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: ChartType | null = null;
  private rendered = false;

  constructor() {
    afterNextRender(() => {
      this.rendered = true;
      void this.draw();
    });
    effect(() => {
      this.spec();
      this.i18n.locale();
      if (this.rendered) {
        void this.draw();
      }
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private async draw(): Promise<void> {
    const { Chart } = await import('./chart-setup');
    const spec = this.spec();
    const locale = this.i18n.locale();
    const format = (value: number | string) =>
      spec.unit === 'cents'
        ? formatCents(Math.round(Number(value)), 'USD', locale)
        : Number(value).toLocaleString(locale);
    this.chart?.destroy();
    const context = this.canvas().nativeElement.getContext('2d');
    if (!context) {
      return; // No canvas (a test DOM): the data table carries the numbers.
    }
    const horizontal = spec.horizontal === true;
    const valueAxis = horizontal ? 'x' : 'y';
    this.chart = new Chart(context, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length],
          pointRadius: spec.kind === 'line' ? 0 : undefined,
          borderWidth: spec.kind === 'line' ? 2 : 0,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        locale,
        scales: { [valueAxis]: { beginAtZero: true, ticks: { callback: (value: number | string) => format(value) } } },
        plugins: {
          legend: { display: spec.series.length > 1 },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(item.parsed[valueAxis] ?? 0)}` },
          },
        },
      },
    });
  }
}
