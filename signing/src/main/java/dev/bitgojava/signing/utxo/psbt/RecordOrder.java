package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.internal.Hashes;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Where a new record goes in a PSBT map. Both orders sort by key type first; they differ only inside one type.
 */
public enum RecordOrder {
    /**
     * Ascending key type, then ascending key bytes: the order of rust-bitcoin, which BitGo's current SDK
     * (wasm-utxo) writes.
     */
    KEY_TYPE_THEN_KEY {
        @Override
        Comparator<PsbtEntry> comparator(boolean inputMap) {
            return (a, b) -> {
                int c = Long.compare(a.type(), b.type());
                return c != 0 ? c : Arrays.compareUnsigned(a.key(), b.key());
            };
        }
    },
    /**
     * Bitcoin Core's order: ascending key type, then key bytes, except input partial signatures, which are ordered
     * by HASH160 of their public key.
     */
    BITCOIN_CORE {
        @Override
        Comparator<PsbtEntry> comparator(boolean inputMap) {
            return (a, b) -> {
                int c = Long.compare(a.type(), b.type());
                if (c != 0) {
                    return c;
                }
                if (inputMap && a.type() == Psbt.IN_PARTIAL_SIG) {
                    return Arrays.compareUnsigned(Hashes.hash160(a.keyData()), Hashes.hash160(b.keyData()));
                }
                return Arrays.compareUnsigned(a.key(), b.key());
            };
        }
    };

    abstract Comparator<PsbtEntry> comparator(boolean inputMap);
}
