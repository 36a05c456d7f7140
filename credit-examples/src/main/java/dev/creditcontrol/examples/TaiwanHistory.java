package dev.creditcontrol.examples;

import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.rules.analyst.LabelledSnapshot;
import dev.creditcontrol.rules.analyst.ScenarioFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Real payment histories as labelled snapshots: the UCI "default of credit card clients" data
 * (Yeh and Lien 2009; {@code ../shared/data/taiwan-default-train.csv}) read as a receivables ledger,
 * so the calibrator and the bundled scorecard can be measured on payers this project never generated.
 *
 * <p>Each client is a customer observed on 2005-09-30. Each monthly statement (April to September
 * 2005, {@code BILL_AMT6..1}) is an invoice issued on the 15th and due 20 days later; its repayment
 * status ({@code PAY_6..PAY_2, PAY_0}) says how late it was paid: -2 no invoice that month, -1 or 0
 * paid on time, {@code k} paid {@code k} × 30 days late (still open if that is after the observation
 * date). A September status {@code k} of 1 or more is an invoice open and {@code k} × 30 days
 * overdue on the observation date; otherwise September's statement is open and not yet due. The
 * credit limit ({@code LIMIT_BAL}) is the account's limit; amounts are kept as numbers (the score
 * reads ratios and days, not a currency). Demographics are not read: a seller does not score its
 * buyers on them. {@code bad} is {@code default_payment_next_month}.
 */
public final class TaiwanHistory {
    /** The date every client is observed on. */
    public static final LocalDate OBSERVED = LocalDate.of(2005, 9, 30);
    private static final String[] STATUS = {"PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6"};

    private TaiwanHistory() {}

    /**
     * A client of the file with its {@code ID} and what the simple baselines read: the September
     * repayment status, the worst of the six, and the share of months with a status of 1 or more
     * among those with a statement.
     */
    public record Client(int id, LabelledSnapshot history, int latestStatus, int worstStatus, double shareOfMonthsLate) {}

    /** Reads every client of the CSV. */
    public static List<Client> read(Path csv) {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<Client> clients = new ArrayList<>();
            for (CSVRecord r : parser) clients.add(client(r));
            return clients;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    private static Client client(CSVRecord r) {
        int id = Integer.parseInt(r.get("ID"));
        String cid = "TW-" + id;
        Customer customer = Customer.builder(cid, "client " + id, CustomerType.OTHER)
                .licence(new Licence(LicenceType.BUSINESS_LICENCE, "B-" + id, LocalDate.of(2000, 1, 1), null, Set.of()))
                .build();
        CreditAccount account = CreditAccount.builder(amount(r.get("LIMIT_BAL"))).paymentTermDays(20).build();
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(customer, account, OBSERVED);
        int late = 0;
        int months = 0;
        int worst = Integer.MIN_VALUE;
        for (int k = 0; k < 6; k++) {
            int status = Integer.parseInt(r.get(STATUS[k]).strip());
            worst = Math.max(worst, status);
            BigDecimal bill = new BigDecimal(r.get("BILL_AMT" + (k + 1)).strip());
            if (status == -2) continue;
            months++;
            if (status >= 1) late++;
            Money money = amount(bill.signum() > 0 ? bill.toPlainString() : "1");
            String invoice = cid + "-" + k;
            if (k == 0) {
                if (status >= 1) {
                    LocalDate due = OBSERVED.minusDays(30L * status);
                    s.receivable(Receivable.open(invoice, money, due.minusDays(20), due));
                } else if (bill.signum() > 0) {
                    s.receivable(Receivable.open(invoice, money, LocalDate.of(2005, 9, 15), LocalDate.of(2005, 10, 5)));
                }
                continue;
            }
            if (status < 1 && bill.signum() <= 0) continue;
            LocalDate issued = LocalDate.of(2005, 9, 15).minusMonths(k);
            LocalDate due = issued.plusDays(20);
            LocalDate paid = due.plusDays(30L * Math.max(0, status));
            s.receivable(paid.isAfter(OBSERVED) ? Receivable.open(invoice, money, issued, due)
                    : Receivable.paid(invoice, money, issued, due, paid));
        }
        boolean bad = r.get("default_payment_next_month").strip().equals("1");
        return new Client(id, new LabelledSnapshot(s.build(), bad), Integer.parseInt(r.get("PAY_0").strip()), worst,
                months == 0 ? 0 : late / (double) months);
    }

    private static Money amount(String value) {
        return Money.of(new BigDecimal(value.strip()), "CNY");
    }

    /** Converts the CSV into the labelled scenario format {@code credit-rules calibrate} reads: {@code TaiwanHistory IN OUT}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TaiwanHistory taiwan-default-train.csv labelled-history.csv");
            System.exit(2);
        }
        List<LabelledSnapshot> history = read(Path.of(args[0])).stream().map(Client::history).toList();
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            ScenarioFile.writeLabelled(w, history);
        }
        System.out.println("wrote " + history.size() + " labelled snapshots to " + args[1]);
    }
}
