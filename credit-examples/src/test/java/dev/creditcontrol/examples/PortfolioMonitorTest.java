package dev.creditcontrol.examples;

import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.LabelledSnapshot;
import dev.creditcontrol.rules.analyst.PortfolioMonitor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioMonitorTest {

    @Test
    void assessesAStreamAndSummarisesGradesLevelsExposureAndAlerts() {
        CreditControl control = CreditControl.withDefaultRules();
        List<CustomerSnapshot> snapshots = SyntheticHistory.generate(1000, 11).stream().map(LabelledSnapshot::snapshot).toList();
        AtomicLong lastProgress = new AtomicLong();
        Iterator<CustomerSnapshot> stream = snapshots.iterator();
        PortfolioMonitor.Summary s = PortfolioMonitor.builder(control).threads(2).batchSize(50)
                .progress(100, n -> lastProgress.accumulateAndGet(n, Math::max)).build().run(stream);
        assertThat(s.assessed()).isEqualTo(1000);
        assertThat(s.failed()).isZero();
        assertThat(s.perGrade().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
        assertThat(s.perLevel().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
        long alerting = s.perLevel().get(WarningLevel.ORANGE) + s.perLevel().get(WarningLevel.RED);
        assertThat(s.alerts()).hasSize((int) alerting).allMatch(a -> a.level() != WarningLevel.GREEN);
        BigDecimal exposure = snapshots.stream().map(x -> control.assess(x).exposure().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(s.exposurePerLevel().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(exposure);
        assertThat(lastProgress.get()).isEqualTo(1000);
    }
}
