// A new version of the district's star formula for the what-if test, built the way the itests'
// PluginJars builds formula plugins: one compiled class, its component description and a manifest
// naming the same symbolic name and policy id as the example plugin, with a higher version. This
// version is stricter (five points off before the cut), so the what-if has stars that change.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../../../..')
export const FORMULA_BSN = 'org.touyan.plugin.star.district'
export const FORMULA_POLICY = 'district-default'

const SOURCE = `package org.touyan.e2e.stricter;

import java.math.BigDecimal;
import org.touyan.api.evaluation.StarLevels;
import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

public class StricterFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		BigDecimal score = StarLevels.weightedMean(input.scores(), input.parameters());
		BigDecimal cut = score.subtract(BigDecimal.valueOf(5)).max(BigDecimal.ZERO);
		int stars = StarLevels.stars(cut, input.parameters());
		return new StarRating(score, stars, "从严评定：" + input.scores().size() + " 个部门加权平均 " + score.toPlainString() + " 分，扣 5 分后评为" + stars + "星。");
	}
}
`

const COMPONENT = `<?xml version="1.0" encoding="UTF-8"?>
<scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="org.touyan.e2e.stricter">
  <implementation class="org.touyan.e2e.stricter.StricterFormula"/>
  <service><provide interface="org.touyan.api.evaluation.StarRatingFormula"/></service>
  <property name="touyan.policy.id" value="${FORMULA_POLICY}"/>
  <property name="touyan.policy.name" value="区级默认星级评定办法（从严）"/>
  <property name="touyan.policy.nameEn" value="District default star formula (stricter)"/>
</scr:component>
`

/** The jar's bytes: {@code version} of the district formula, compiled against the built API. */
export function stricterFormula(version) {
  const target = join(ROOT, 'bundles/org.touyan.api/target')
  const api = readdirSync(target).find((n) => /^org\.touyan\.api-.*\.jar$/.test(n) && !n.includes('sources'))
  if (!api) throw new Error(`no API jar in ${target}: build the reactor first`)
  const dir = mkdtempSync(join(tmpdir(), 'touyan-formula-'))
  try {
    const src = join(dir, 'src/org/touyan/e2e/stricter')
    mkdirSync(src, { recursive: true })
    writeFileSync(join(src, 'StricterFormula.java'), SOURCE)
    const classes = join(dir, 'classes')
    execFileSync('javac', ['--release', '17', '-encoding', 'UTF-8', '-cp', join(target, api), '-d', classes, join(src, 'StricterFormula.java')])
    mkdirSync(join(classes, 'OSGI-INF'))
    writeFileSync(join(classes, 'OSGI-INF/formula.xml'), COMPONENT)
    writeFileSync(join(dir, 'MANIFEST.MF'), [
      'Bundle-ManifestVersion: 2', `Bundle-SymbolicName: ${FORMULA_BSN}`, `Bundle-Version: ${version}`,
      'Bundle-Name: District default star formula (stricter)',
      'Import-Package: org.touyan.api.evaluation;version="[1.2,2)"', 'Service-Component: OSGI-INF/formula.xml', '',
    ].join('\n'))
    const jar = join(dir, 'formula.jar')
    execFileSync('jar', ['--create', '--file', jar, '--manifest', join(dir, 'MANIFEST.MF'), '-C', classes, '.'])
    return readFileSync(jar)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
