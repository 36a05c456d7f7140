package dev.creditcontrol.examples;

import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.rules.analyst.Scenario;
import dev.creditcontrol.rules.analyst.ScenarioFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records the demo portfolio's order history as cases (orders with their snapshots) for
 * {@code bin/credit-rules diff}: {@code credit-examples/cases/demo-cases.csv}. A host records
 * its real orders the same way, with {@link ScenarioFile#write}.
 */
public final class ExportCases {
    /** Orders per customer: 52 customers, 312 cases. */
    public static final int PER_CUSTOMER = 6;

    public static List<Scenario> demoCases() {
        DemoPortfolio portfolio = DemoPortfolio.create();
        List<Scenario> cases = new ArrayList<>();
        for (OrderRequest order : portfolio.recordedOrders(PER_CUSTOMER)) {
            DemoPortfolio.Account account = portfolio.account(order.customerId());
            cases.add(new Scenario(order.orderId() + " " + account.profile(), "demo", order, account.snapshot(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return cases;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "credit-examples/cases/demo-cases.csv");
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<Scenario> cases = demoCases();
        ScenarioFile.write(file, cases);
        System.out.println("wrote " + cases.size() + " cases to " + file);
    }

    private ExportCases() {}
}
