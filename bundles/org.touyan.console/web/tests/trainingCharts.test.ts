import { describe, expect, it } from 'vitest'
import { dispatchFigures, eventsByKind, hoursByStreet } from '../src/trainingCharts'
import type { TrainingReport } from '../src/api/types'

const report = {
  streets: [
    { streetId: 's1', streetName: '城关', secretaries: 10, credit: '312.5', unmet: 2 },
    { streetId: 's2', streetName: '湖滨', secretaries: 8, credit: 280, unmet: 0 },
  ],
  dispatches: { startedInYear: 7, runningInYear: 8, cumulative: 14, items: [] },
  events: { FORUM: 4, SALON: 4, ACTIVITY: 4, total: 12 },
} as unknown as TrainingReport

describe('the training report charts', () => {
  it('draws each street’s credit as a number beside its unmet secretaries', () => {
    const o = hoursByStreet(report, { credit: '学分', unmet: '未达标' })
    expect(o.xAxis.data).toEqual(['城关', '湖滨'])
    expect(o.series[0].data).toEqual([312.5, 280])
    expect(o.series[1].data).toEqual([2, 0])
    expect(o.series[1].yAxisIndex).toBe(1)
  })
  it('draws the three dispatch figures in order', () => {
    const o = dispatchFigures(report, { startedInYear: 'a', runningInYear: 'b', cumulative: 'c' })
    expect(o.xAxis.data).toEqual(['a', 'b', 'c'])
    expect(o.series[0].data).toEqual([7, 8, 14])
  })
  it('draws events by kind, without the total', () => {
    const o = eventsByKind(report, (k) => 'k:' + k)
    expect(o.series[0].data).toEqual([{ name: 'k:FORUM', value: 4 }, { name: 'k:SALON', value: 4 }, { name: 'k:ACTIVITY', value: 4 }])
  })
})
