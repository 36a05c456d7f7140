package dev.creditcontrol.journal;

import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.rules.CreditControl;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process {@code JournalKillTest} kills: journals decisions from four threads as fast as it
 * can and prints {@code ack <orderId>} for each decision returned, until it is killed.
 */
public final class KillTestMain {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String round = args[1];
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir, 256 * 1024)).build();
        out.println("ready");
        for (int t = 0; t < 4; t++) {
            int thread = t;
            new Thread(() -> {
                for (int i = 0; ; i++) {
                    String id = "SO-" + round + "-" + thread + "-" + i;
                    OrderRequest order = OrderRequest.builder(id, DirectoryJournalTest.SNAPSHOT.customer().id(), DirectoryJournalTest.order(1).orderDate())
                            .line("PM-300", DeviceClass.II, "07", Money.cny(String.valueOf(1000 + i))).build();
                    if (control.checkOrder(order, DirectoryJournalTest.SNAPSHOT).hasReason("ENGINE_ERROR")) {
                        out.println("error " + id);
                    } else {
                        out.println("ack " + id);
                    }
                }
            }).start();
        }
    }
}
