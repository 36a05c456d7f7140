package dev.creditcontrol.facts;

import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Open receivables past due on the snapshot date.
 *
 * @param customerType  kind of buyer (tolerances differ by type)
 * @param asOf          the date days are counted to
 * @param openItems     number of unpaid invoices
 * @param overdueItems  number of unpaid invoices past due
 * @param daysOverdue   days past due of the oldest open item (0 when nothing is overdue)
 * @param openAmount    total of unpaid invoices
 * @param overdueAmount total of unpaid invoices past due
 * @param overdueShare  {@code overdueAmount / openAmount}, 4 decimals (0 when nothing is open)
 */
public record Overdue(CustomerType customerType, LocalDate asOf, int openItems, int overdueItems, int daysOverdue,
                      Money openAmount, Money overdueAmount, BigDecimal overdueShare) {
}
