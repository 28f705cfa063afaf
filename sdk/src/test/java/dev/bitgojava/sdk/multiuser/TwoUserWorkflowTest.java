package dev.bitgojava.sdk.multiuser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.client.model.WalletShare;
import dev.bitgojava.client.model.WalletShareState;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.Outcome;
import dev.bitgojava.sdk.PolicyAction;
import dev.bitgojava.sdk.PolicyRuleDefinition;
import dev.bitgojava.sdk.errors.BitGoNeedsUnlockException;
import dev.bitgojava.sdk.errors.BitGoPermissionException;
import dev.bitgojava.sdk.multiuser.MultiUserFixture.WalletOps;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.utxo.PsbtSigner;
import dev.bitgojava.signing.utxo.UtxoCoin;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.bitgojava.sdk.multiuser.MultiUserFixture.ALICE;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.ALICE_PASSWORD;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.BOB;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.BOB_PASSWORD;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.COIN;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.JSON;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.OTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four-eyes workflow end to end through the SDK on the test server: Alice shares her wallet with spend
 * permission, Bob accepts (re-encrypting the key under his own passphrase) and sends, Alice's policy holds the send
 * for her approval, Alice approves, and exactly one transfer goes out.
 */
class TwoUserWorkflowTest {

    /** BIP 173's testnet P2WPKH example address: an external recipient. */
    private static final String RECIPIENT = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";

    private final MultiUserFixture fixture = new MultiUserFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aliceSharesBobAcceptsAndSendsAliceApprovesOneTransferGoesOut() {
        char[] alicePassphrase = "alice wallet passphrase".toCharArray();
        char[] bobPassphrase = "bob wallet passphrase".toCharArray();
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        BitGoClient bob = fixture.login(BOB, BOB_PASSWORD);
        String aliceId = fixture.server.userId(ALICE);

        Bip32Key userKey = Bip32Key.generate(new SecureRandom());
        String walletId = MultiUserFixture.createWallet(alice, userKey, alicePassphrase, fixture.server.enterpriseId());
        fixture.server.credit(walletId, 1_000_000);
        Outcome<?> rule = alice.policies(COIN, walletId).add(PolicyRuleDefinition.velocityLimit("four-eyes",
                BigInteger.ZERO, Duration.ofDays(1), PolicyAction.getApproval(aliceId)));
        assertFalse(rule.isPendingApproval());

        WalletShare share = alice.walletShares().shareSpend(COIN, walletId, BOB, alicePassphrase, "co-sign with me");
        assertEquals("view,spend", share.getPermissions());
        assertEquals(share.getId(), bob.walletShares().list().getIncoming().get(0).getId());

        AtomicInteger otpAsked = new AtomicInteger();
        WalletShareState accepted = bob.auth().withUnlock(() -> {
            otpAsked.incrementAndGet();
            return OTP;
        }, () -> bob.walletShares().accept(COIN, share.getId(), bobPassphrase));
        assertEquals("accepted", accepted.getState());
        assertEquals(1, otpAsked.get(), "the share read needed an unlock, asked for once");

        // Bob's copy of the user key opens with Bob's passphrase and is Alice's wallet key.
        WalletOps bobOps = bob.api(WalletOps.class);
        String userKeyId = bobOps.wallet(COIN, walletId).path("keys").get(0).asText();
        String bobCopy = bobOps.key(COIN, userKeyId).path("encryptedPrv").asText();
        Bip32Key opened = Bip32Key.parse(KeychainEncryptor.defaults().decrypt(bobPassphrase, bobCopy));
        assertEquals(userKey.toXpub(), opened.toXpub());

        ObjectNode build = JSON.createObjectNode();
        build.putArray("recipients").addObject().put("address", RECIPIENT).put("amount", "250000");
        String unsigned = bobOps.build(COIN, walletId, build).path("txHex").asText();
        String halfSigned = PsbtSigner.sign(Psbt.fromHex(unsigned), opened.toXprv(), UtxoCoin.TBTC).toHex();
        Outcome<JsonNode> sent = bob.withPendingApproval(() ->
                bobOps.send(COIN, walletId, JSON.createObjectNode().put("txHex", halfSigned)));
        assertTrue(sent.isPendingApproval());
        String approvalId = sent.pendingApproval().approvalId().orElseThrow();
        assertEquals(0, sends(alice, walletId), "nothing goes out before Alice approves");

        assertThrows(BitGoPermissionException.class, () -> bob.pendingApprovals().approve(approvalId, OTP),
                "Bob cannot approve his own send");
        List<String> waiting = alice.pendingApprovals().forWallet(walletId).stream()
                .map(dev.bitgojava.client.model.PendingApproval::getId).toList();
        assertEquals(List.of(approvalId), waiting);

        var approved = alice.pendingApprovals().approve(approvalId, OTP);
        assertEquals("approved", approved.getState().getValue());
        assertEquals(1, sends(alice, walletId));
        assertEquals(1, sends(bob, walletId));
        assertEquals(0, alice.pendingApprovals().forWallet(walletId).stream().count());
        fixture.server.assertNoContractViolations();
    }

    @Test
    void readingAShareWithKeyMaterialOnALockedSessionSaysToUnlock() {
        char[] alicePassphrase = "alice wallet passphrase".toCharArray();
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        BitGoClient bob = fixture.login(BOB, BOB_PASSWORD);
        String walletId = MultiUserFixture.createWallet(alice, Bip32Key.generate(new SecureRandom()),
                alicePassphrase, fixture.server.enterpriseId());
        WalletShare share = alice.walletShares().shareSpend(COIN, walletId, BOB, alicePassphrase, null);

        BitGoNeedsUnlockException e = assertThrows(BitGoNeedsUnlockException.class,
                () -> bob.walletShares().accept(COIN, share.getId(), "p".toCharArray()));
        assertTrue(e.getMessage().contains("client.auth().unlock("), e.getMessage());
        bob.auth().unlock(OTP, Duration.ofMinutes(5));
        assertEquals("accepted", bob.walletShares().accept(COIN, share.getId(), "p".toCharArray()).getState());
    }

    @Test
    void aViewShareCarriesNoKeyAndGivesNoSpending() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        BitGoClient bob = fixture.login(BOB, BOB_PASSWORD);
        String walletId = MultiUserFixture.createWallet(alice, Bip32Key.generate(new SecureRandom()),
                "pw".toCharArray(), fixture.server.enterpriseId());
        WalletShare share = alice.walletShares().shareView(COIN, walletId, BOB, "have a look");
        assertEquals(null, share.getKeychain());

        assertEquals("accepted", bob.walletShares().accept(COIN, share.getId(), (char[]) null).getState());
        WalletOps bobOps = bob.api(WalletOps.class);
        String userKeyId = bobOps.wallet(COIN, walletId).path("keys").get(0).asText();
        assertTrue(bobOps.key(COIN, userKeyId).path("encryptedPrv").isMissingNode());
        ObjectNode build = JSON.createObjectNode();
        build.putArray("recipients").addObject().put("address", RECIPIENT).put("amount", "1000");
        assertThrows(BitGoPermissionException.class, () -> bobOps.build(COIN, walletId, build));
    }

    @Test
    void theSenderCancelsAndTheRecipientRejects() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        BitGoClient bob = fixture.login(BOB, BOB_PASSWORD);
        String first = MultiUserFixture.createWallet(alice, Bip32Key.generate(new SecureRandom()),
                "pw".toCharArray(), fixture.server.enterpriseId());
        String second = MultiUserFixture.createWallet(alice, Bip32Key.generate(new SecureRandom()),
                "pw".toCharArray(), fixture.server.enterpriseId());
        WalletShare canceled = alice.walletShares().shareView(COIN, first, BOB, null);
        WalletShare rejected = alice.walletShares().shareView(COIN, second, BOB, null);

        assertEquals("canceled", alice.walletShares().cancel(COIN, canceled.getId()).getState());
        assertEquals("rejected", bob.walletShares().reject(COIN, rejected.getId()).getState());
        assertThrows(dev.bitgojava.sdk.errors.BitGoBadRequestException.class,
                () -> bob.walletShares().accept(COIN, canceled.getId(), (char[]) null));
        assertThrows(dev.bitgojava.sdk.errors.BitGoNotFoundException.class,
                () -> bob.api(WalletOps.class).wallet(COIN, first));
        assertNotEquals(first, second);
    }

    private static long sends(BitGoClient client, String walletId) {
        JsonNode transfers = client.api(WalletOps.class).transfers(COIN, walletId, "send").path("transfers");
        return transfers.size();
    }
}
