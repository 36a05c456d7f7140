package dev.creditcontrol.rules;

import java.util.List;

/**
 * Told of every reload, explicit or by the directory watcher. Called on the reloading thread.
 */
public interface ReloadListener {
    /** The new versions are now serving. */
    default void reloaded(List<RuleSetInfo> serving) {
    }

    /** The reload failed and the previous versions keep serving; {@code error} lists every problem. */
    default void reloadFailed(RuleSetException error) {
    }
}
