package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Financials;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.ShipmentRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a scenario in full form: every value spelled out, no default relied on, so that reading
 * the row back gives equal model objects.
 */
final class ScenarioWriter {
    private ScenarioWriter() {}

    /** The row's cells, in {@link ScenarioCsv#COLUMNS} order; {@code bad} as given. */
    static List<String> cells(Scenario s, Optional<Boolean> bad) {
        OrderRequest o = s.order();
        CustomerSnapshot snap = s.snapshot();
        Customer c = snap.customer();
        CreditAccount a = snap.account();
        Financials f = snap.financials();
        Map<String, String> cells = new TreeMap<>();
        cells.put("case", s.name());
        cells.put("orderId", o.orderId());
        cells.put("orderDate", o.orderDate().toString());
        cells.put("asOf", snap.asOf().toString());
        cells.put("customerId", c.id());
        cells.put("customerName", c.name());
        cells.put("customerType", c.type().name());
        cells.put("since", c.since().map(LocalDate::toString).orElse(""));
        cells.put("licences", ScenarioCells.licences(c.licences()));
        cells.put("limit", a.limit().amount().toPlainString());
        cells.put("currency", a.currencyCode());
        cells.put("temporaryIncrease", a.temporaryIncrease().map(ScenarioCells::temporaryIncrease).orElse(""));
        cells.put("grade", a.grade().map(Enum::name).orElse(""));
        cells.put("frozen", String.valueOf(a.frozen()));
        cells.put("limitValidUntil", a.validUntil().map(LocalDate::toString).orElse(""));
        cells.put("paymentTermDays", String.valueOf(a.paymentTermDays()));
        cells.put("limitCheck", String.valueOf(a.limitChecked()));
        String currency = a.currencyCode();
        cells.put("receivables", ScenarioCells.receivables(snap.receivables(), currency));
        cells.put("deliveredNotInvoiced", ScenarioCells.money(snap.deliveredNotInvoiced(), currency));
        cells.put("openOrders", ScenarioCells.money(snap.openOrders(), currency));
        cells.put("bills", ScenarioCells.bills(snap.acceptanceBills(), currency));
        cells.put("securities", ScenarioCells.securities(snap.securities(), currency));
        cells.put("group", snap.group().map(g -> ScenarioCells.group(g, currency)).orElse(""));
        cells.put("rates", s.rates().map(ExchangeRates::toString).orElse(""));
        cells.put("thirdPartyScore", f.thirdPartyScore().isPresent() ? String.valueOf(f.thirdPartyScore().getAsInt()) : "");
        cells.put("debtToAssets", f.debtToAssets().map(BigDecimal::toPlainString).orElse(""));
        cells.put("currentRatio", f.currentRatio().map(BigDecimal::toPlainString).orElse(""));
        cells.put("warningLevel", snap.warningLevel().name());
        s.previous().ifPresent(p -> {
            cells.put("previousScore", String.valueOf(p.score()));
            cells.put("previousGrade", p.grade().name());
        });
        cells.put("checkpoint", s.shipment().isPresent() ? "SHIPMENT" : "ORDER");
        cells.put("shipmentId", s.shipment().map(ShipmentRequest::shipmentId).orElse(""));
        cells.put("lines", ScenarioCells.lines(o.lines(), currency));
        cells.put("payment", o.paymentMethod().name());
        cells.put("requestedBy", o.requestedBy().orElse(""));
        cells.put("release", o.release().map(r -> ScenarioCells.release(r, currency)).orElse(""));
        cells.put("expectedOutcome", s.expectedOutcome().map(Enum::name).orElse(""));
        cells.put("expectedReasons", s.expectedReasons().map(ScenarioCells::codes).orElse(""));
        cells.put("expectedApproval", s.expectedApproval().map(Enum::name).orElse(""));
        cells.put("expectedBlocked", s.expectedBlocked().map(ScenarioCells::codes).orElse(""));
        cells.put("expectedGrade", s.expectedGrade().map(Enum::name).orElse(""));
        cells.put("expectedLevel", s.expectedLevel().map(Enum::name).orElse(""));
        cells.put("expectedDunningLevel", s.review().dunningLevel().map(String::valueOf).orElse(""));
        cells.put("expectedProvision", s.review().provision().map(java.math.BigDecimal::toPlainString).orElse(""));
        cells.put("expectedNotices", s.review().notices().map(ScenarioCells::codes).orElse(""));
        cells.put("bad", bad.map(String::valueOf).orElse(""));
        List<String> row = new ArrayList<>(ScenarioCsv.COLUMNS.size());
        for (String column : ScenarioCsv.COLUMNS) row.add(cells.getOrDefault(column, ""));
        if (!ScenarioCsv.COLUMNS.containsAll(cells.keySet())) {
            throw new IllegalStateException("a written cell has no column: " + cells.keySet());
        }
        return row;
    }
}
