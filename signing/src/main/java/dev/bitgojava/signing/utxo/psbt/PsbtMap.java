package dev.bitgojava.signing.utxo.psbt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One map of a PSBT (global, an input or an output): its records in the order they are written. Not thread-safe.
 */
public final class PsbtMap {

    private final boolean inputMap;
    private final List<PsbtEntry> entries;

    PsbtMap(boolean inputMap, List<PsbtEntry> entries) {
        this.inputMap = inputMap;
        this.entries = new ArrayList<>(entries);
    }

    PsbtMap copy() {
        return new PsbtMap(inputMap, entries);
    }

    /** The records, in written order (unmodifiable view). */
    public List<PsbtEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The value of the record with exactly this key. */
    public Optional<byte[]> get(byte[] key) {
        for (PsbtEntry e : entries) {
            if (Arrays.equals(e.key(), key)) {
                return Optional.of(e.value().clone());
            }
        }
        return Optional.empty();
    }

    /** The value of the key-data-less record of a type. */
    public Optional<byte[]> get(int type) {
        return get(new byte[] {(byte) type});
    }

    /** Every record of a type, in written order. */
    public List<PsbtEntry> all(int type) {
        List<PsbtEntry> out = new ArrayList<>();
        for (PsbtEntry e : entries) {
            if (e.type() == type) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Adds a record, or replaces the value of the record with the same key in place. A new record goes before the
     * first record that sorts after it in {@code order}, so an ordered map stays ordered.
     */
    public void put(PsbtEntry entry, RecordOrder order) {
        for (int i = 0; i < entries.size(); i++) {
            if (Arrays.equals(entries.get(i).key(), entry.key())) {
                entries.set(i, entry);
                return;
            }
        }
        var cmp = order.comparator(inputMap);
        int at = entries.size();
        for (int i = 0; i < entries.size(); i++) {
            if (cmp.compare(entries.get(i), entry) > 0) {
                at = i;
                break;
            }
        }
        entries.add(at, entry);
    }

    /** Removes every record whose type is not in {@code keep}. */
    public void retainTypes(int... keep) {
        entries.removeIf(e -> Arrays.stream(keep).noneMatch(t -> t == e.type()));
    }

    /** Removes every record of a type. */
    public void removeType(int type) {
        entries.removeIf(e -> e.type() == type);
    }

    /** Sorts the records in {@code order}. */
    public void sort(RecordOrder order) {
        entries.sort(order.comparator(inputMap));
    }

    /** Whether the map has no records. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
