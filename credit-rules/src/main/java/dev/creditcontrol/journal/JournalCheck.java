package dev.creditcontrol.journal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link DecisionJournal#verify()} found walking the chain.
 *
 * @param intact         every record's text matches its hash, each names the previous record's hash, sequences are consecutive
 * @param records        how many records were read (up to the first bad one, when there is one)
 * @param firstBadRecord the sequence (or, where the sequence cannot be read, the position counted from 1) of the first bad record
 * @param problem        what is wrong with it
 * @param notes          what opening the journal did, e.g. a torn last record set aside after a crash
 */
public record JournalCheck(boolean intact, long records, OptionalLong firstBadRecord, Optional<String> problem,
                           List<String> notes) {
    /** Copies the notes. */
    public JournalCheck {
        notes = List.copyOf(notes);
    }

    static JournalCheck ok(long records, List<String> notes) {
        return new JournalCheck(true, records, OptionalLong.empty(), Optional.empty(), notes);
    }

    static JournalCheck bad(long records, long at, String problem, List<String> notes) {
        return new JournalCheck(false, records, OptionalLong.of(at), Optional.of(problem), notes);
    }

    /** {@code intact, 20 records} or {@code broken at record 7: ...}. */
    @Override
    public String toString() {
        String head = intact ? "intact, " + records + " records" : "broken at record " + firstBadRecord.getAsLong() + ": " + problem.orElse("");
        return notes.isEmpty() ? head : head + " (" + String.join("; ", notes) + ")";
    }
}
