package dev.creditcontrol.rules.internal;

import dev.creditcontrol.facts.AssessmentFacts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The bundled scorecard's factors, by the names its rules and parameters use; one place for the calibration. */
public final class ScorecardFactors {
    public static final Map<String, Function<AssessmentFacts, Object>> ALL;

    static {
        Map<String, Function<AssessmentFacts, Object>> m = new LinkedHashMap<>();
        m.put("onTimeShare", AssessmentFacts::onTimeShare);
        m.put("averageDaysLate", AssessmentFacts::averageDaysLate);
        m.put("itemsLate60", AssessmentFacts::itemsLate60);
        m.put("trendDaysLate", AssessmentFacts::trendDaysLate);
        m.put("overdueShare", AssessmentFacts::overdueShare);
        m.put("utilization", AssessmentFacts::utilization);
        m.put("yearsOfCooperation", AssessmentFacts::yearsOfCooperation);
        m.put("orderStability", AssessmentFacts::orderStability);
        m.put("licenceLapses", AssessmentFacts::licenceLapses);
        m.put("daysSalesOutstanding", AssessmentFacts::daysSalesOutstanding);
        m.put("thirdPartyScore", AssessmentFacts::thirdPartyScore);
        m.put("debtToAssets", AssessmentFacts::debtToAssets);
        m.put("currentRatio", AssessmentFacts::currentRatio);
        ALL = java.util.Collections.unmodifiableMap(m);
    }

    /** A factor's value as a double, or null when absent. */
    public static Double value(String factor, AssessmentFacts facts) {
        Object v = ALL.get(factor).apply(facts);
        if (v == null) return null;
        return v instanceof BigDecimal d ? d.doubleValue() : ((Number) v).doubleValue();
    }

    private ScorecardFactors() {}
}
