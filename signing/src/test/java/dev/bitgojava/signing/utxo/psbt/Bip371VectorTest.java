package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

class Bip371VectorTest {

    @TestFactory
    Stream<DynamicNode> taprootPsbtRecords() {
        return VectorFiles.tests("bip371.json", Map.of(
                "invalid", PsbtVectorChecks::refused,
                "valid", PsbtVectorChecks::decodes));
    }
}
