package dev.creditcontrol.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A buyer: hospital, clinic, distributor, agent or other, with the licences it holds.
 *
 * @param id       the host's customer id
 * @param name     display name
 * @param type     kind of buyer
 * @param since    start of the business relationship, when known
 * @param licences licences on file, in the order given
 */
public record Customer(String id, String name, CustomerType type, Optional<LocalDate> since, List<Licence> licences) {

    /** Validates the fields and copies the licence list. */
    public Customer {
        id = Require.text(id, "customer.id");
        name = Require.text(name, "customer.name");
        Require.present(type, "customer.type");
        Require.present(since, "customer.since");
        since.ifPresent(d -> Require.date(d, "customer.since"));
        Require.noNulls(licences, "customer.licences");
        licences = List.copyOf(licences);
    }

    /** Starts a customer with its id, name and type. */
    public static Builder builder(String id, String name, CustomerType type) {
        return new Builder(id, name, type);
    }

    /** The licences of one type. */
    public List<Licence> licences(LicenceType type) {
        return licences.stream().filter(l -> l.type() == type).toList();
    }

    /** Builds a {@link Customer}; not thread-safe, use one per customer. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final CustomerType type;
        private LocalDate since;
        private final List<Licence> licences = new ArrayList<>();

        private Builder(String id, String name, CustomerType type) {
            this.id = Require.text(id, "customer.id");
            this.name = Require.text(name, "customer.name");
            this.type = Require.present(type, "customer.type");
        }

        /** The date the business relationship began. */
        public Builder since(LocalDate since) {
            this.since = Require.present(since, "customer.since");
            return this;
        }

        /** Adds a licence the customer holds. */
        public Builder licence(Licence licence) {
            licences.add(Require.present(licence, "customer.licence"));
            return this;
        }

        /** Builds the customer; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public Customer build() {
            return new Customer(id, name, type, Optional.ofNullable(since), licences);
        }
    }
}
