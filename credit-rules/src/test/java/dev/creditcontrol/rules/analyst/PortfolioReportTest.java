package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.Tone;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.rules.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The portfolio review's totals and its reports, the HTML one checked in a real headless Chromium. */
class PortfolioReportTest {
    static final String[] NAMES = {"第一人民医院", "广州康健医疗器械有限公司", "华南医疗集团", "深圳市妇幼保健院", "Clinic São José"};

    /** 60 customers of every type and grade, 0 to 6 open invoices of every age. */
    static List<CustomerSnapshot> portfolio() {
        List<CustomerSnapshot> all = new ArrayList<>();
        CustomerType[] types = CustomerType.values();
        for (int i = 0; i < 60; i++) {
            Customer c = Customer.builder("C-" + i, NAMES[i % NAMES.length] + " " + i, types[i % types.length]).build();
            CreditAccount.Builder a = CreditAccount.builder(Money.cny("1000000"));
            if (i % 5 != 4) a.grade(CreditGrade.values()[i % 4]);
            CustomerSnapshot.Builder s = CustomerSnapshot.builder(c, a.build(), TODAY).warningLevel(WarningLevel.values()[i % 3]);
            for (int k = 0; k < i % 7; k++) {
                int pastDue = (i * 37 + k * 53) % 500 - 20;
                s.receivable(Receivable.open("INV-" + i + "-" + k, Money.cny(String.valueOf(1000 * (k + 1) + i)),
                        TODAY.minusDays(pastDue + 60L), TODAY.minusDays(pastDue)));
            }
            all.add(s.build());
        }
        return all;
    }

    static ReceivablesPortfolio.Summary summary() {
        return ReceivablesPortfolio.builder(TestOrders.DEFAULT).threads(2).batchSize(7).build().run(portfolio().iterator());
    }

    @Test
    void thePortfolioTotalsAreTheSumsOfTheCustomersReviews() {
        AtomicLong progress = new AtomicLong();
        List<ReceivablesPortfolio.Notice> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        ReceivablesPortfolio.Summary s = ReceivablesPortfolio.builder(TestOrders.DEFAULT).threads(3).batchSize(4)
                .progress(10, progress::set).notices(sent::add).build().run(portfolio().iterator());
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal provision = BigDecimal.ZERO;
        long notices = 0;
        for (CustomerSnapshot c : portfolio()) {
            var r = TestOrders.DEFAULT.reviewReceivables(c);
            open = open.add(r.open().amount());
            provision = provision.add(r.provision().amount());
            notices += r.actions().size();
        }
        assertThat(s.customers()).isEqualTo(60);
        assertThat(s.failed()).isZero();
        assertThat(s.open()).isEqualByComparingTo(open);
        assertThat(s.provision()).isEqualByComparingTo(provision);
        assertThat(s.noticeCount()).isEqualTo(notices).isEqualTo(sent.size());
        assertThat(s.notices()).isEmpty(); // they went to the sink
        assertThat(s.noticesPerTone().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(notices);
        assertThat(s.largest()).hasSize(20).isSortedAccordingTo((a, b) -> b.open().compareTo(a.open()));
        assertThat(s.customersPerGrade().get("NONE")).isEqualTo(12);
        assertThat(s.buckets()).containsExactly("current", "1-30", "31-60", "61-90", "91-180", "181-365", "365+");
        assertThat(progress.get()).isEqualTo(60);
        assertThat(sent).extracting(n -> n.action().tone()).contains(Tone.GENTLE, Tone.FINAL);
    }

    @Test
    void theCsvOpensInExcelWithChineseIntactAndTheJsonCarriesTheTotals(@TempDir Path dir) throws Exception {
        ReceivablesPortfolio.Summary s = summary();
        Path csv = dir.resolve("report.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            PortfolioReport.csv(s, w);
        }
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("customer type,current,1-30,31-60,61-90,91-180,181-365,365+,open,provision")
                .contains("第一人民医院").contains("TOTAL," );
        StringWriter json = new StringWriter();
        PortfolioReport.json(s, json);
        JsonNode tree = JsonMapper.builder().build().readTree(json.toString());
        assertThat(tree.get("customers").asLong()).isEqualTo(60);
        assertThat(new BigDecimal(tree.get("provisionPerBucket").get("365+").asString()))
                .isEqualByComparingTo(s.provisionPerBucket().get("365+"));
    }

    @Test
    void theHtmlPageRendersEveryChartInARealBrowserWithoutErrors(@TempDir Path dir) throws Exception {
        HeadlessBrowser browser = HeadlessBrowser.orSkip();
        Path html = dir.resolve("portfolio-report.html");
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            PortfolioReport.html(summary(), w);
        }
        String page = Files.readString(html);
        assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http").contains("第一人民医院");
        String dom = browser.dumpDom(html);
        assertThat(dom).contains("data-charts=\"5\"").contains("data-errors=\"0\"");
        assertThat(dom.split("data-rendered=\"yes\"", -1)).hasSize(6);
        browser.keepScreenshot(html, "portfolio-report");
    }
}
