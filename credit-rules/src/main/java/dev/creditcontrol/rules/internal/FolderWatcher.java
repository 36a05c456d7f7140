package dev.creditcontrol.rules.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a rule folder (and its sub-folders) and calls back once changes have been quiet for a
 * moment, so an analyst saving five files triggers one reload, not five half-done ones.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    private final WatchService service;

    /**
     * Starts watching: the watch loop runs as one long task on {@code executor} until {@link #close()}
     * (a host's executor must have a thread to spare for it).
     */
    public FolderWatcher(Path dir, Duration quietPeriod, Runnable onChange, Executor executor) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        register(dir);
        try {
            executor.execute(() -> loop(dir, quietPeriod, onChange));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** The executor used when the host gives none: one daemon thread per watcher. */
    public static Executor defaultExecutor() {
        return task -> {
            Thread t = new Thread(task, "credit-control-rule-watcher");
            t.setDaemon(true);
            t.start();
        };
    }

    private void register(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                if (Files.isDirectory(p)) {
                    p.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }

    private void loop(Path dir, Duration quietPeriod, Runnable onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                key.pollEvents();
                key.reset();
                // Wait until the folder has been quiet for the whole period.
                WatchKey more;
                while ((more = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                try {
                    register(dir); // new sub-folders (a new version) need watching too
                    onChange.run();
                } catch (IOException | RuntimeException e) {
                    LOG.error("Reload after a change in {} failed", dir, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: the loop ends and the executor's thread is free again
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
    }
}
