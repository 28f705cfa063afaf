package dev.bitgojava.signing.utxo.psbt;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Leaves are one-opcode scripts; their TapLeaf hashes (leaf version 0xc0) start with: OP_1 a85b…, OP_2 c276…,
 * OP_3 a819…, OP_4 6547…; branch(OP_2, OP_3) = 96f5…, branch(OP_1, OP_2) = 6496…, branch(OP_3, OP_4) = 9610….
 */
class TapTreeOrderTest {

    private static final HexFormat HEX = HexFormat.of();

    private static String canonical(String hex) {
        return HEX.formatHex(TapTreeOrder.canonical(HEX.parseHex(hex)));
    }

    @Test
    void siblingLeavesAreWrittenInAscendingLeafHashOrder() {
        assertEquals("01c0015101c00152", canonical("01c0015201c00151"));
    }

    @Test
    void aTreeAlreadyInHashOrderIsUnchanged() {
        assertEquals("01c0015101c00152", canonical("01c0015101c00152"));
    }

    @Test
    void aBranchWithASmallerHashGoesBeforeALeafAndItsOwnChildrenAreOrderedToo() {
        assertEquals("02c0015302c0015201c00151", canonical("01c0015102c0015202c00153"));
    }

    @Test
    void branchesAtEveryLevelAreOrdered() {
        assertEquals("02c0015102c0015202c0015402c00153", canonical("02c0015302c0015402c0015102c00152"));
    }

    @Test
    void anIncompleteTreeIsRefused() {
        assertThrows(PsbtFormatException.class, () -> canonical("01c00151"));
    }
}
