package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Parses the {@code recipients} of a build: a non-empty list of addresses and positive integer amounts. */
final class Recipients {

    private Recipients() {
    }

    /** One recipient; {@code data} is EVM call data or null. */
    record Recipient(String address, BigInteger amount, String data) {
    }

    static List<Recipient> parse(JsonNode recipients) {
        if (recipients == null || !recipients.isArray() || recipients.isEmpty()) {
            throw ApiException.badRequest("MissingRecipients", "recipients must list at least one recipient");
        }
        List<Recipient> out = new ArrayList<>();
        for (JsonNode r : recipients) {
            String address = Model.text(r, "address");
            String amount = Model.text(r, "amount");
            if (address == null || address.isEmpty()) {
                throw ApiException.badRequest("InvalidRecipient", "a recipient needs an address");
            }
            if (amount == null || !amount.matches("\\d+")) {
                throw ApiException.badRequest("InvalidAmount", "the amount of " + address
                        + " must be a positive integer of base units (\"max\" is not supported by the test server)");
            }
            BigInteger value = new BigInteger(amount);
            if (value.signum() <= 0) {
                throw ApiException.badRequest("InvalidAmount", "the amount of " + address + " must be positive");
            }
            out.add(new Recipient(address, value, Model.text(r, "data")));
        }
        return out;
    }
}
