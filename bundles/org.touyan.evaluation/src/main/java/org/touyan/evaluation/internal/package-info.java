/**
 * Evaluation implementation, in rooms that follow the half-year cycle; a room uses only the rooms
 * below it (checked by a test):
 * <ul>
 * <li>{@code cycle} (评): the cycle's life and pins, the departments' scores, the star ratings, the what-if;</li>
 * <li>{@code review} (评): the four reviews (四评) with the residents' ballots, the half-year reports (提级述职);</li>
 * <li>{@code use} (用): the negative list and the use records, which read a cycle's pin and nothing else of it;</li>
 * <li>{@code manage} (管): classification into 示范/骨干/潜力/守摊, the measures that follow, mentoring;</li>
 * <li>{@code flow}: what spans the rooms (closing scoring, the cycle's report, the code lists);</li>
 * <li>{@code demo}: the demo district's year, built through the rooms' services.</li>
 * </ul>
 * Its tables are migrated by the store before any component here starts.
 */
@RequireSchemaExtender
package org.touyan.evaluation.internal;

import org.touyan.api.store.RequireSchemaExtender;
