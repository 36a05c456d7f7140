package dev.creditcontrol.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded journal: segment files of one JSON record per line in a directory.
 *
 * <p>Appends are written under one lock (the chain is sequential), then made durable by group
 * commit: the first waiter whose bytes are not yet synced runs one {@code fdatasync} for
 * everything written so far while the others wait for it, so concurrent callers share fsyncs.
 * A failed write is cut back off the file; a failed fsync fails the journal for good, since what
 * reached the disk is then unknown (every later append throws, the engine fails closed).
 */
final class DirectoryJournal extends DecisionJournal {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{6})\\.jsonl");
    private static final String LOCK_FILE = ".lock";

    private final Path dir;
    private final long segmentBytes;
    private final Clock clock = Clock.systemUTC();
    private final List<String> notes = new ArrayList<>();

    // the writer's state, under writeLock
    private final Object writeLock = new Object();
    private volatile FileChannel channel;
    private int segment;
    private long segmentSize;
    private long sequence;
    private String lastHash = RecordText.GENESIS;
    /** Bytes written through this instance, all segments together: the durability clock. */
    private volatile long written;
    private IOException failure;
    private boolean closed;

    // group commit, under syncLock
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Condition synced = syncLock.newCondition();
    private long durable;
    private boolean syncing;

    private FileChannel lockChannel;
    private FileLock lock;

    DirectoryJournal(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                lockChannel = null;
                notes.add("another journal holds " + dir + " for writing: this one reads only");
            }
            List<Path> segments = segments();
            if (lock != null && !segments.isEmpty()) setAsideTornTail(segments.get(segments.size() - 1));
            findEnd(segments);
            if (lock != null) {
                segment = segments.isEmpty() ? 1 : number(segments.get(segments.size() - 1));
                openSegment();
            }
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot open the decision journal in " + dir, e);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            // regular files only: a device or pipe of that name is never read as records
            return files.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static int number(Path segment) {
        String name = segment.getFileName().toString();
        return Integer.parseInt(name.substring("journal-".length(), "journal-".length() + 6));
    }

    private Path segmentPath(int n) {
        return dir.resolve(String.format("journal-%06d.jsonl", n));
    }

    /**
     * Bytes after the last line break are a record whose write did not complete; a last complete
     * line whose text does not match its hash is one whose write reached the disk only in part.
     * Either is moved to a {@code .torn-<time>} file and cut off, and reported.
     */
    private void setAsideTornTail(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        int end = bytes.length;
        int lastBreak = lastIndexOf(bytes, end - 1);
        int good = lastBreak + 1;
        if (good > 0) {
            int previousBreak = lastIndexOf(bytes, lastBreak - 1);
            String last = new String(bytes, previousBreak + 1, lastBreak - previousBreak - 1, StandardCharsets.UTF_8);
            if (RecordText.hashProblem(last) != null) good = previousBreak + 1;
        }
        if (good == end) return;
        Path aside = segment.resolveSibling(segment.getFileName() + ".torn-" + clock.millis());
        Files.write(aside, java.util.Arrays.copyOfRange(bytes, good, end), StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(good);
            ch.force(true);
        }
        syncDirectory();
        String note = "a torn last record (" + (end - good) + " bytes) at the end of " + segment.getFileName()
                + " was set aside in " + aside.getFileName();
        notes.add(note);
        LOG.warn("Decision journal {}: {}; the decision it held was never acknowledged", dir, note);
    }

    private static int lastIndexOf(byte[] bytes, int from) {
        for (int i = from; i >= 0; i--) if (bytes[i] == '\n') return i;
        return -1;
    }

    /** The last record's sequence and hash: from the last segment that holds one. */
    private void findEnd(List<Path> segments) throws IOException {
        for (int i = segments.size() - 1; i >= 0; i--) {
            String last = null;
            for (String line : completeLines(segments.get(i))) last = line;
            if (last == null) continue;
            long seq = RecordText.sequenceOf(last);
            if (seq < 1 || RecordText.hashProblem(last) != null) {
                throw new IOException("the last record of " + segments.get(i).getFileName() + " cannot be read; run verify");
            }
            sequence = seq;
            lastHash = RecordText.hashOf(last);
            return;
        }
    }

    private void openSegment() throws IOException {
        Path path = segmentPath(segment);
        boolean created = !Files.exists(path);
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segmentSize = channel.size();
        if (created) syncDirectory(); // the new file's name is durable too
    }

    private void syncDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the data itself is synced
            if (!(e.getMessage() != null && e.getMessage().contains("Is a directory"))) throw e;
        }
    }

    @Override
    RecordText.Written appendPayload(String payload) {
        RecordText.Written w;
        long end;
        synchronized (writeLock) {
            if (closed) throw new IllegalStateException("the decision journal in " + dir + " is closed");
            if (lock == null) throw new IllegalStateException("the decision journal in " + dir + " is open for writing elsewhere: this one reads only");
            if (failure != null) throw new UncheckedIOException("the decision journal in " + dir + " failed earlier and takes no more records", failure);
            w = RecordText.write(sequence + 1, lastHash, clock.instant(), payload);
            byte[] bytes = (w.line() + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                if (segmentSize > 0 && segmentSize + bytes.length > segmentBytes) roll();
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
            } catch (IOException e) {
                cutBack(e);
                throw new UncheckedIOException("the decision journal in " + dir + " could not write record " + w.sequence(), e);
            }
            segmentSize += bytes.length;
            written += bytes.length;
            end = written;
            sequence = w.sequence();
            lastHash = w.hash();
        }
        awaitDurable(end);
        return w;
    }

    /** A write that failed may have left part of a line: cut it off, or fail the journal if that fails too. */
    private void cutBack(IOException cause) {
        try {
            channel.truncate(segmentSize);
        } catch (IOException e) {
            cause.addSuppressed(e);
            failure = cause;
        }
    }

    /** Closes the full segment (synced) and starts the next. Under writeLock. */
    private void roll() throws IOException {
        channel.force(false);
        channel.close();
        syncLock.lock();
        try {
            durable = Math.max(durable, written);
        } finally {
            syncLock.unlock();
        }
        segment++;
        openSegment();
    }

    /** Group commit: returns once every byte up to {@code end} is synced; one caller syncs for all who wait. */
    private void awaitDurable(long end) {
        syncLock.lock();
        try {
            while (durable < end) {
                if (failure != null) throw new UncheckedIOException("the decision journal in " + dir + " could not sync", failure);
                if (syncing) {
                    synced.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long target = written; // before the channel: bytes up to target are in it or in a segment a roll synced
                FileChannel ch = channel;
                syncLock.unlock();
                IOException error = null;
                try {
                    ch.force(false);
                } catch (ClosedChannelException rolledOrClosed) {
                    // a roll synced it before closing; closing syncs too
                } catch (IOException e) {
                    error = e;
                } catch (RuntimeException | Error e) {
                    // never leave 'syncing' set: the other callers would wait for ever
                    error = new IOException("fsync failed: " + e, e);
                } finally {
                    syncLock.lock();
                }
                syncing = false;
                if (error != null) {
                    if (failure == null) failure = error;
                } else {
                    durable = Math.max(durable, target);
                }
                synced.signalAll();
            }
        } finally {
            syncLock.unlock();
        }
    }

    @Override
    Stream<String> lines() {
        List<Path> segments;
        try {
            segments = segments();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the decision journal in " + dir, e);
        }
        return segments.stream().flatMap(s -> {
            try {
                return completeLines(s).stream();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + s, e);
            }
        });
    }

    /** The lines that end with a line break (a record still being written is not one yet). */
    private static List<String> completeLines(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return lines;
    }

    @Override
    List<String> notes() {
        synchronized (writeLock) {
            return copy(notes);
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (closed) return;
            closed = true;
            try {
                if (channel != null) {
                    channel.force(false);
                    channel.close();
                }
            } catch (IOException e) {
                LOG.warn("Closing the decision journal in {} failed", dir, e);
            }
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException e) {
            LOG.warn("Releasing the decision journal lock in {} failed", dir, e);
        }
    }

    @Override
    public String toString() {
        return "DecisionJournal.inDirectory(" + dir + ")";
    }
}
