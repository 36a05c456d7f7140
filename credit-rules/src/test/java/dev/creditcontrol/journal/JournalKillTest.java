package dev.creditcontrol.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journalling process is killed with SIGKILL at a random moment, several times over the same
 * directory: every decision it acknowledged must be in the reopened journal, which verifies intact.
 */
class JournalKillTest {
    static final int ROUNDS = 4;

    @Test
    void aKilledProcessLosesNoAcknowledgedDecisionAndLeavesAnIntactChain(@TempDir Path dir) throws Exception {
        Random random = new Random();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        long notes = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                    KillTestMain.class.getName(), dir.toString(), String.valueOf(round))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            CountDownLatch firstAck = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("ack ")) {
                            acknowledged.add(line.substring(4));
                            firstAck.countDown();
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process died mid-line: what was not read was not acknowledged to us
                }
            });
            reader.start();
            assertThat(firstAck.await(60, TimeUnit.SECONDS)).as("round %d: the process acknowledged nothing", round).isTrue();
            Thread.sleep(100 + random.nextInt(900));
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            try (DecisionJournal journal = DecisionJournal.inDirectory(dir, 256 * 1024)) {
                JournalCheck check = journal.verify();
                assertThat(check.intact()).as("round %d: %s", round, check).isTrue();
                Set<String> journalled = journal.records().map(r -> r.request().orderId()).collect(Collectors.toSet());
                assertThat(journalled).as("round %d", round).containsAll(acknowledged);
                notes += check.notes().size();
                System.out.printf("kill round %d: %d acknowledged so far, %d journalled, %s%n", round, acknowledged.size(),
                        check.records(), check.notes().isEmpty() ? "no torn record" : check.notes());
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(ROUNDS);
        System.out.println("kill test: " + ROUNDS + " rounds, " + acknowledged.size() + " acknowledged decisions, all journalled; "
                + notes + " torn tail(s) set aside");
    }

}
