// The charts of the year's training report, built from the report as the API answers it (numbers
// may come as decimal strings); labels are passed in, so the builders stay free of i18n.
import type { TrainingReport } from './api/types'

/** Credit per street (bars) with the secretaries still below the requirement (a second bar). */
export function hoursByStreet(report: TrainingReport, labels: { credit: string; unmet: string }) {
  const streets = report.streets
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 50, right: 50, top: 30, bottom: 40 },
    xAxis: { type: 'category', data: streets.map((s) => s.streetName), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: [{ type: 'value', name: labels.credit }, { type: 'value', name: labels.unmet, minInterval: 1 }],
    series: [
      { name: labels.credit, type: 'bar', data: streets.map((s) => Number(s.credit)), label: { show: true, position: 'top' } },
      { name: labels.unmet, type: 'bar', yAxisIndex: 1, data: streets.map((s) => s.unmet), itemStyle: { color: '#f56c6c' } },
    ],
  }
}

/** The year's dispatches: started in it, running in it, cumulative since the pairing began. */
export function dispatchFigures(report: TrainingReport, labels: { startedInYear: string; runningInYear: string; cumulative: string }) {
  const d = report.dispatches
  return {
    tooltip: {}, grid: { left: 40, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: [labels.startedInYear, labels.runningInYear, labels.cumulative] }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: [d.startedInYear, d.runningInYear, d.cumulative], itemStyle: { color: '#409eff' }, label: { show: true, position: 'top' } }],
  }
}

/** Exchange events held by kind, `total` left out (it is the sum). */
export function eventsByKind(report: TrainingReport, kindName: (kind: string) => string) {
  const data = Object.entries(report.events).filter(([k]) => k !== 'total').map(([k, n]) => ({ name: kindName(k), value: n }))
  return {
    tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data, label: { position: 'inside', formatter: '{c}' } }],
  }
}
