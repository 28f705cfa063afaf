package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.bitcoin.TransactionFormatException;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Seeded random mutations of the vector PSBTs: the parser only returns or throws {@link PsbtFormatException}. */
class PsbtFuzzTest {

    private static final int MUTANTS = 12_000;
    private static final long PER_INPUT_NANOS = 500_000_000L;

    private static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        for (VectorCase c : VectorFiles.cases("utxo-psbt.json")) {
            for (String f : new String[] {"unsignedPsbtHex", "halfSignedPsbtHex", "bothSignaturesPsbtHex"}) {
                if (c.expected().hasNonNull(f)) {
                    out.add(HexFormat.of().parseHex(c.out(f)));
                }
            }
        }
        for (String file : new String[] {"bip174.json", "bip371.json"}) {
            for (VectorCase c : VectorFiles.cases(file)) {
                if (c.input().hasNonNull("psbtHex")) {
                    out.add(HexFormat.of().parseHex(c.in("psbtHex")));
                }
            }
        }
        return out;
    }

    @Test
    void mutatedPsbtsParseOrFailWithPsbtFormatExceptionOnly() {
        List<byte[]> seeds = seeds();
        Random random = new Random(0x5eed_0f_b17L);
        int refused = 0;
        for (int n = 0; n < MUTANTS; n++) {
            byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            long start = System.nanoTime();
            try {
                Psbt p = Psbt.parse(mutant);
                p.serialize();
            } catch (PsbtFormatException e) {
                refused++;
                if (e.getCause() != null && !(e.getCause() instanceof TransactionFormatException)
                        && !(e.getCause() instanceof PsbtFormatException)) {
                    fail("mutant " + n + " refused with an unexpected cause", e);
                }
            } catch (RuntimeException | Error e) {
                fail("mutant " + n + " (" + HexFormat.of().formatHex(mutant) + ") threw " + e, e);
            }
            long took = System.nanoTime() - start;
            assertTrue(took < PER_INPUT_NANOS, "mutant " + n + " took " + took / 1_000_000 + " ms");
        }
        assertTrue(refused > MUTANTS / 4, "the mutator should produce mostly invalid PSBTs, refused " + refused);
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        switch (r.nextInt(6)) {
            case 0: { // bit flips
                int flips = 1 + r.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 1: // truncation
                return Arrays.copyOf(b, r.nextInt(b.length));
            case 2: { // a huge compact size inserted
                int at = 5 + r.nextInt(b.length - 5);
                byte[] varint = r.nextBoolean()
                        ? new byte[] {(byte) 0xff, -1, -1, -1, -1, -1, -1, -1, 0x7f}
                        : new byte[] {(byte) 0xfe, -1, -1, -1, 0x7f};
                return splice(b, at, 0, varint);
            }
            case 3: { // overwrite a byte with a compact-size prefix
                b[5 + r.nextInt(b.length - 5)] = (byte) (0xfd + r.nextInt(3));
                return b;
            }
            case 4: { // duplicate a region (often a whole record, giving a duplicate key)
                int from = 5 + r.nextInt(b.length - 5);
                int len = 1 + r.nextInt(Math.min(120, b.length - from));
                return splice(b, from, 0, Arrays.copyOfRange(b, from, from + len));
            }
            default: { // delete a region
                int from = 5 + r.nextInt(b.length - 5);
                int len = 1 + r.nextInt(Math.min(40, b.length - from));
                return splice(b, from, len, new byte[0]);
            }
        }
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    @Test
    void duplicateRecordInAnInputIsRefused() {
        byte[] seed = HexFormat.of().parseHex(VectorFiles.cases("utxo-psbt.json", "scenarios").get(0).out("unsignedPsbtHex"));
        Psbt p = Psbt.parse(seed);
        PsbtEntry first = p.input(0).entries().get(0);
        byte[] serialized = p.serialize();
        // insert a copy of input 0's first record right after it
        int globalEnd = indexOfInput0(serialized, p);
        byte[] record = new dev.bitgojava.signing.bitcoin.internal.ByteWriter(first.value().length + 16)
                .writeVarBytes(first.key()).writeVarBytes(first.value()).toByteArray();
        byte[] dup = splice(serialized, globalEnd, 0, record);
        PsbtFormatException e = org.junit.jupiter.api.Assertions.assertThrows(PsbtFormatException.class, () -> Psbt.parse(dup));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    }

    private static int indexOfInput0(byte[] serialized, Psbt p) {
        int len = 5;
        for (PsbtEntry e : p.global().entries()) {
            len += new dev.bitgojava.signing.bitcoin.internal.ByteWriter(16).writeVarBytes(e.key()).writeVarBytes(e.value()).size();
        }
        return len + 1;
    }
}
