package dev.creditcontrol.journal;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.ShipmentRequest;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.TestOrders;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.io.IOException;
import java.util.List;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON form is lossless, strict, versioned and described by its published schema. */
class JsonFormTest {
    static final CreditControl ENGINE = TestOrders.DEFAULT.withExchangeRates(Generated.RATES);
    static final Schema SCHEMA;

    static {
        try (InputStream in = JsonForm.class.getResourceAsStream(JsonForm.SCHEMA_RESOURCE)) {
            SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    record Checked(OrderRequest order, CustomerSnapshot snapshot) {}

    @Provide
    Arbitrary<CustomerSnapshot> snapshots() {
        return Generated.snapshot();
    }

    @Provide
    Arbitrary<Checked> checks() {
        return Generated.snapshot().flatMap(s -> Generated.orderFor(s).map(o -> new Checked(o, s)));
    }

    static void conformsToTheSchema(String json) {
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).as(json).isEmpty();
    }

    @Property(tries = 150)
    void aSnapshotReadBackEqualsTheSnapshotWritten(@ForAll("snapshots") CustomerSnapshot s) {
        String json = JsonForm.toJson(s);
        assertThat(JsonForm.fromJson(json, CustomerSnapshot.class)).isEqualTo(s);
        conformsToTheSchema(json);
    }

    @Property(tries = 150)
    void ordersShipmentsAndTheirDecisionsReadBackEqual(@ForAll("checks") Checked c) {
        String order = JsonForm.toJson(c.order());
        assertThat(JsonForm.fromJson(order, OrderRequest.class)).isEqualTo(c.order());
        conformsToTheSchema(order);
        ShipmentRequest ship = Generated.shipmentOf(c.order(), "DN-" + c.order().orderId());
        assertThat(JsonForm.fromJson(JsonForm.toJson(ship), ShipmentRequest.class)).isEqualTo(ship);
        CreditDecision d = ENGINE.checkOrder(c.order(), c.snapshot());
        String decision = JsonForm.toJson(d);
        assertThat(JsonForm.fromJson(decision, CreditDecision.class)).isEqualTo(d);
        conformsToTheSchema(decision);
    }

    @Property(tries = 60)
    void anAssessmentReadBackEqualsTheAssessmentWritten(@ForAll("snapshots") CustomerSnapshot s) {
        CreditAssessment a = ENGINE.assess(s);
        String json = JsonForm.toJson(a);
        assertThat(JsonForm.fromJson(json, CreditAssessment.class)).isEqualTo(a);
        conformsToTheSchema(json);
    }

    @Property(tries = 60)
    void aReceivablesReviewReadBackEqualsTheReviewWritten(@ForAll("snapshots") CustomerSnapshot s) {
        dev.creditcontrol.decision.ReceivablesReview r = ENGINE.reviewReceivables(s);
        String json = JsonForm.toJson(r);
        assertThat(JsonForm.fromJson(json, dev.creditcontrol.decision.ReceivablesReview.class)).isEqualTo(r);
        conformsToTheSchema(json);
    }

    @Example
    void creditEventsReadBackEqualAndAnEventMissingItsAmountIsRefused() {
        for (dev.creditcontrol.rules.CreditEvent e : List.of(
                dev.creditcontrol.rules.CreditEvent.largeOrder("C-1", dev.creditcontrol.model.Money.cny("250000.50")),
                dev.creditcontrol.rules.CreditEvent.newOverdueItem("C-1", "INV-7"),
                dev.creditcontrol.rules.CreditEvent.licenceChanged("C-2"),
                dev.creditcontrol.rules.CreditEvent.limitChanged("C-3"))) {
            String json = JsonForm.toJson(e);
            conformsToTheSchema(json);
            assertThat(JsonForm.fromJson(json, dev.creditcontrol.rules.CreditEvent.class)).isEqualTo(e);
        }
        String large = JsonForm.toJson(dev.creditcontrol.rules.CreditEvent.largeOrder("C-1", dev.creditcontrol.model.Money.cny("1")));
        assertThat(large).startsWith("{\"schema\":1,\"event\":{\"kind\":\"LARGE_ORDER\"");
        assertThatThrownBy(() -> JsonForm.fromJson(large.replaceAll("\"amount\":\\{[^}]*\\}", "\"amount\":null"),
                dev.creditcontrol.rules.CreditEvent.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event.amount");
    }

    @Example
    void amountsAreExactDecimalsAndDatesIso() {
        CustomerSnapshot s = TestOrders.distributor().openInvoice("1200000.10", 3).snapshot();
        String json = JsonForm.toJson(s);
        assertThat(json).startsWith("{\"schema\":1,\"snapshot\":{").contains("\"amount\":1200000.10,\"currencyCode\":\"CNY\"")
                .contains("\"asOf\":\"2026-06-15\"").doesNotContain("\"zero\"").doesNotContain("E+");
    }

    @Example
    void readingIsStrictAndNamesWhatIsWrong() {
        String json = JsonForm.toJson(TestOrders.distributor().snapshot());
        assertThatThrownBy(() -> JsonForm.fromJson(json.replace("\"schema\":1", "\"schema\":2"), CustomerSnapshot.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema 2");
        // a misspelt property: the value it should have named is missing, and the model says which
        assertThatThrownBy(() -> JsonForm.fromJson(json.replace("\"asOf\"", "\"asOff\""), CustomerSnapshot.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asOf");
        assertThatThrownBy(() -> JsonForm.fromJson(json.replace("\"limit\":{\"amount\":", "\"limit\":{\"amount\":-"), CustomerSnapshot.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account.limit");
        assertThatThrownBy(() -> JsonForm.fromJson(json, OrderRequest.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshot");
        assertThatThrownBy(() -> JsonForm.fromJson("{not json", CustomerSnapshot.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonForm.toJson("a string")).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void thePublishedSchemaIsTheOneTheModelGenerates() throws IOException {
        String published;
        try (InputStream in = JsonForm.class.getResourceAsStream(JsonForm.SCHEMA_RESOURCE)) {
            published = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(published).as("regenerate with SchemaGenerator.main").isEqualTo(SchemaGenerator.schema());
        String json = JsonForm.toJson(TestOrders.distributor().snapshot());
        assertThat(SCHEMA.validate(json.replace("\"asOf\"", "\"asOff\""), InputFormat.JSON)).isNotEmpty();
        assertThat(SCHEMA.validate(json.replace("\"currencyCode\":\"CNY\"", "\"currencyCode\":7"), InputFormat.JSON)).isNotEmpty();
        assertThat(Files.readString(Path.of("src/main/resources" + JsonForm.SCHEMA_RESOURCE))).isEqualTo(published);
    }
}
