package dev.bitgojava.sdk.wallet;

import dev.bitgojava.client.api.AddressApi;
import dev.bitgojava.client.api.KeychainApi;
import dev.bitgojava.client.api.TransferApi;
import dev.bitgojava.client.model.Address;
import dev.bitgojava.client.model.AddressList;
import dev.bitgojava.client.model.CreateAddressRequest;
import dev.bitgojava.client.model.Keychain;
import dev.bitgojava.client.model.Transfer;
import dev.bitgojava.client.model.TransferList;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.Paged;
import dev.bitgojava.sdk.errors.BitGoAddressVerificationException;
import dev.bitgojava.sdk.errors.BitGoKeyMismatchException;
import dev.bitgojava.sdk.errors.BitGoNotFoundException;
import dev.bitgojava.sdk.errors.BitGoUnsupportedException;
import dev.bitgojava.sdk.internal.KeyChecks;
import dev.bitgojava.sdk.internal.WalletCoin;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.utxo.AddressVerifier;
import dev.bitgojava.signing.utxo.WalletKeys;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A BitGo 2-of-3 multisig wallet: create verified addresses, list addresses and transfers lazily, and send with
 * verify-before-sign and {@code sequenceId} idempotency. Get one from {@link Wallets#get} or
 * {@link Wallets#generateWallet}. Thread-safe; the wallet's keychains are fetched and checked once, then reused.
 */
public final class Wallet {

    private final BitGoClient client;
    private final WalletCoin coin;
    private final String id;
    private final String label;
    private final List<String> keyIds;
    private volatile WalletKeychains keychains;
    private volatile WalletKeys walletKeys;

    Wallet(BitGoClient client, WalletCoin coin, String id, String label, List<String> keyIds,
           WalletKeychains keychains) {
        this.client = client;
        this.coin = coin;
        this.id = id;
        this.label = label;
        this.keyIds = List.copyOf(keyIds);
        this.keychains = keychains;
    }

    /** The wallet id. */
    public String id() {
        return id;
    }

    /** The coin id. */
    public String coin() {
        return coin.id();
    }

    /** The label, if the server returned one. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** The key ids in the order user, backup, bitgo. */
    public List<String> keyIds() {
        return keyIds;
    }

    BitGoClient client() {
        return client;
    }

    WalletCoin walletCoin() {
        return coin;
    }

    /**
     * The wallet's three keychains (user, backup, bitgo), fetched once and checked: exactly three distinct ids, each
     * answered under its own id with a valid xpub.
     *
     * @throws BitGoKeyMismatchException when the wallet's keys are not a well-formed user/backup/bitgo set
     */
    public List<WalletKeychain> keychains() {
        WalletKeychains k = verifiedKeychains();
        return List.of(k.user(), k.backup(), k.bitgo());
    }

    WalletKeychains verifiedKeychains() {
        WalletKeychains k = keychains;
        if (k != null) {
            return k;
        }
        if (keyIds.size() != 3 || keyIds.stream().distinct().count() != 3) {
            throw new BitGoKeyMismatchException("wallet " + id + " does not list three distinct key ids: " + keyIds);
        }
        KeychainApi api = client.api(KeychainApi.class);
        String[] roles = {"user", "backup", "bitgo"};
        WalletKeychain[] fetched = new WalletKeychain[3];
        for (int i = 0; i < 3; i++) {
            Keychain kc = api.getKeychain(coin.id(), keyIds.get(i));
            if (kc == null || (kc.getId() != null && !kc.getId().equals(keyIds.get(i)))) {
                throw new BitGoKeyMismatchException("asked for the " + roles[i] + " keychain " + keyIds.get(i)
                        + " but the server returned " + (kc == null ? "nothing" : kc.getId()));
            }
            KeyChecks.requireXpub(kc.getPub(), "the " + roles[i] + " keychain of wallet " + id);
            fetched[i] = new WalletKeychain(keyIds.get(i), kc.getPub(), roles[i], kc.getEncryptedPrv());
        }
        k = new WalletKeychains(fetched[0], fetched[1], fetched[2]);
        keychains = k;
        return k;
    }

    /** The wallet's derivation keys (UTXO coins), built once from the checked keychains. */
    WalletKeys walletKeys() {
        WalletKeys w = walletKeys;
        if (w == null) {
            WalletKeychains k = verifiedKeychains();
            try {
                w = WalletKeys.fromXpubs(k.user().pub(), k.backup().pub(), k.bitgo().pub());
            } catch (SigningException e) {
                throw new BitGoKeyMismatchException("the wallet's keychains are not usable xpubs: " + e.getMessage(), e);
            }
            walletKeys = w;
        }
        return w;
    }

    /**
     * Creates a receive address on {@code chain} and verifies it before returning it: the address must re-derive
     * from the wallet's own three xpubs at the chain and index the server names.
     *
     * @throws BitGoAddressVerificationException when the server's address does not match (or names another chain)
     * @throws BitGoUnsupportedException         for Ethereum wallets (forwarder verification is not implemented)
     */
    public VerifiedAddress createAddress(int chain) {
        if (!coin.isUtxo()) {
            throw new BitGoUnsupportedException("verified address creation is not implemented for " + coin.id()
                    + " (forwarder contracts); no address was created");
        }
        WalletKeys keys = walletKeys();
        Address a = client.api(AddressApi.class).createAddress(coin.id(), id, new CreateAddressRequest().chain(chain));
        if (a == null || a.getAddress() == null) {
            throw new BitGoAddressVerificationException("the server returned no address", null, null);
        }
        if (a.getChain() == null || a.getChain() != chain || a.getIndex() == null || a.getIndex() < 0) {
            throw new BitGoAddressVerificationException("the server returned address " + a.getAddress()
                    + " for chain " + a.getChain() + " index " + a.getIndex() + " when chain " + chain
                    + " was asked for", a.getAddress(), null);
        }
        verifyAddress(keys, a.getAddress(), chain, a.getIndex());
        return new VerifiedAddress(a.getId(), a.getAddress(), chain, a.getIndex(), a.getLabel());
    }

    /** Creates a receive address on chain 0 (p2sh); see {@link #createAddress(int)}. */
    public VerifiedAddress createAddress() {
        return createAddress(0);
    }

    private void verifyAddress(WalletKeys keys, String address, int chain, int index) {
        try {
            AddressVerifier.verify(keys, coin.utxo(), chain, index, address);
        } catch (SigningException e) {
            throw new BitGoAddressVerificationException("address " + address + " does not belong to wallet " + id
                    + " at chain " + chain + " index " + index + ": " + e.getMessage(), address, e);
        }
    }

    /** Every address of the wallet, fetched lazily page by page. */
    public Paged<Address> addresses() {
        return addresses(Paged.DEFAULT_PAGE_SIZE);
    }

    /** Every address of the wallet, fetched lazily with {@code pageSize} (1..500) per page. */
    public Paged<Address> addresses(int pageSize) {
        AddressApi api = client.api(AddressApi.class);
        return Paged.of((prevId, limit) -> api.listAddresses(coin.id(), id, limit, prevId, null, null, null, null,
                null, null, null), AddressList::getAddresses, AddressList::getNextBatchPrevId, pageSize);
    }

    /** Every transfer of the wallet, newest first, fetched lazily page by page. */
    public Paged<Transfer> transfers() {
        return transfers(Paged.DEFAULT_PAGE_SIZE);
    }

    /** Every transfer of the wallet, fetched lazily with {@code pageSize} (1..500) per page. */
    public Paged<Transfer> transfers(int pageSize) {
        TransferApi api = client.api(TransferApi.class);
        return Paged.of((prevId, limit) -> api.listTransfers(coin.id(), id, limit, prevId, null, null, null, null,
                null, null, null, null, null, null), TransferList::getTransfers, TransferList::getNextBatchPrevId,
                pageSize);
    }

    /** The transfer made with {@code sequenceId}, if there is one. */
    public Optional<Transfer> transferBySequenceId(String sequenceId) {
        Objects.requireNonNull(sequenceId, "sequenceId");
        try {
            return Optional.ofNullable(client.api(TransferApi.class).getTransferBySequenceId(coin.id(), id, sequenceId));
        } catch (BitGoNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Sends to the options' recipients: build (server), verify against the intent and the wallet's checked keys,
     * sign with the user key (decrypted with the passphrase and wiped after), send. Every send carries a sequence id
     * (generated when the options give none); when the send's answer is lost after it may have reached BitGo, the
     * transfer is looked up by sequence id before anything is sent again, so one intent never becomes two
     * transfers. Concurrent calls with the same sequence id share one send. The passphrase held by the options is
     * wiped when this returns.
     *
     * @return {@link SendResult.Sent} or {@link SendResult.AwaitingApproval}
     * @throws dev.bitgojava.sdk.errors.BitGoTransactionRejectedException when the build is refused; nothing signed
     * @throws dev.bitgojava.sdk.errors.BitGoWrongPassphraseException     when the passphrase is wrong
     * @throws dev.bitgojava.sdk.errors.BitGoNeedsOtpException         when BitGo wants an OTP
     * @throws dev.bitgojava.sdk.errors.BitGoNeedsUnlockException      when the session must be unlocked
     * @throws dev.bitgojava.sdk.errors.BitGoSendOutcomeUnknownException  when the outcome could not be established
     */
    public SendResult sendMany(SendManyOptions options) {
        Objects.requireNonNull(options, "options");
        try {
            return new SendFlow(this).send(options);
        } finally {
            options.clearPassphrase();
        }
    }

    /**
     * Sends {@code amount} base units to one address with a generated sequence id; see {@link #sendMany}. The
     * passphrase is copied; clear your own array afterwards.
     */
    public SendResult sendCoins(String address, BigInteger amount, char[] passphrase) {
        return sendMany(SendManyOptions.builder().recipient(address, amount).passphrase(passphrase).build());
    }

    @Override
    public String toString() {
        return "Wallet[" + coin.id() + " " + id + (label != null ? " '" + label + "'" : "") + "]";
    }
}
