import { describe, expect, test } from 'vitest'
import { XLSX, tableFile } from '../src/api/http'

describe('a table file picked for an import', () => {
  test('a workbook is sent as xlsx, whatever the case of its extension', () => {
    const file = new File(['PK'], '民政局评分.XLSX')
    expect(tableFile(file)).toEqual({ content: file, type: XLSX })
  })

  test('anything else is sent as CSV, for the platform to refuse if it is not', () => {
    expect(tableFile(new File(['communityId,score'], 'scores.csv')).type).toBe('text/csv')
    expect(tableFile(new File(['x'], 'old.xls')).type).toBe('text/csv')
  })
})
