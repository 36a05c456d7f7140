package dev.creditcontrol.rules.authoring;

import dev.creditcontrol.decision.Tone;
import dev.creditcontrol.facts.CollectionItem;

/**
 * Where collection rules put the notices to send: the global {@code notices}
 * ({@code global Notices notices}). A rule matches an open invoice ({@code CollectionItem}) and sends
 * one notice in the tone it chooses, with a ready message; the engine records which rule sent it.
 * An invoice gets at most one notice per review: the first rule to send for it wins, so rules
 * that overlap do not double the mail.
 */
public abstract class Notices {

    /** For the engine only. */
    protected Notices() {
    }

    /**
     * Sends a notice about {@code item}, in {@code tone}: {@code message} is a key of the rule set's
     * message bundles, formatted with the named {@code values} in the language of the review (or,
     * without bundles, the text itself).
     */
    public void send(CollectionItem item, Tone tone, String message, Object... values) {
        if (item == null || tone == null || message == null) {
            throw new IllegalArgumentException("a notice needs an invoice, a tone and a message");
        }
        add(item, tone, text(message, values));
    }

    /** The text of a message (see {@link #send}); the engine's. */
    protected String text(String message, Object[] values) {
        return message;
    }

    /** Records a notice; the engine's implementation. */
    protected abstract void add(CollectionItem item, Tone tone, String message);
}
