package dev.creditcontrol.journal;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.CreditRequest;
import dev.creditcontrol.model.CustomerSnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One journalled decision: the full input (order or shipment, snapshot, the exchange rates the
 * check used), the decision (with its rule-set name, version and hash), its place in the chain
 * and the exact text stored.
 *
 * @param sequence     1 for the first record, then consecutive
 * @param previousHash SHA-256 (hex) of the previous record's text; 64 zeros for the first
 * @param hash         SHA-256 (hex) of this record's text without its hash
 * @param recordedAt   when the journal wrote it
 * @param request      the order or shipment checked
 * @param snapshot     the customer's position it was checked on
 * @param rates        the rate of each other currency into the account's currency the check used (empty: none)
 * @param decision     the decision returned
 * @param json         the record exactly as stored (one line of the journal's JSON form)
 */
public record JournalRecord(long sequence, String previousHash, String hash, Instant recordedAt, CreditRequest request,
                            CustomerSnapshot snapshot, Map<String, BigDecimal> rates, CreditDecision decision, String json) {
    /** Checks the fields are present and copies the rates. */
    public JournalRecord {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(snapshot, "snapshot");
        rates = Map.copyOf(rates);
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(json, "json");
    }

    /**
     * Reads one line of a journal or of its JSON Lines export ({@code credit-rules journal export
     * --format jsonl}), e.g. in a job that replays an export. Only the line is read: whether it
     * belongs in its chain is {@link DecisionJournal#verify()}'s question.
     *
     * @throws IllegalArgumentException naming what is wrong with the line
     */
    public static JournalRecord fromJson(String line) {
        if (line == null) throw new IllegalArgumentException("line is required but was null");
        return RecordText.parse(line);
    }

    /** The rates the check used, as a source that answers exactly those (for deciding the record again). */
    public dev.creditcontrol.model.ExchangeRateSource rateSource() {
        return (from, to, on) -> java.util.Optional.ofNullable(rates.get(dev.creditcontrol.facts.Converter.key(from, to, on)));
    }
}
