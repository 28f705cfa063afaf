package dev.bitgojava.signing.bitcoin.internal;

import org.slf4j.LoggerFactory;

/**
 * Chooses the secp256k1 backend once per process, on first use (so that classes which never touch the curve do not
 * pay for extracting the native library): libsecp256k1 when it loads and answers correctly, else the Java backend.
 * The system property {@code bitgo.secp256k1=java} forces the Java backend.
 */
public final class EcBackends {

    /** System property that selects the backend: {@code java} forces Bouncy Castle; anything else means native. */
    public static final String PROPERTY = "bitgo.secp256k1";

    private EcBackends() {
    }

    /** The backend the library uses. */
    public static EcBackend get() {
        return Chosen.BACKEND;
    }

    /** The pure-Java backend. */
    public static EcBackend java() {
        return JavaEcBackend.INSTANCE;
    }

    /** The native backend, or null when the native library cannot be loaded here (ignores {@link #PROPERTY}). */
    public static EcBackend nativeOrNull() {
        return Native.BACKEND;
    }

    /** Holder: loads the native library when the first caller asks for it. */
    private static final class Native {
        static final EcBackend BACKEND = load();

        private static EcBackend load() {
            try {
                return new NativeEcBackend();
            } catch (LinkageError | RuntimeException e) {
                LoggerFactory.getLogger(EcBackends.class).info(
                        "native libsecp256k1 unavailable, using the Java secp256k1 backend: {}", e.toString());
                return null;
            }
        }
    }

    /** Holder: the backend chosen for this process. */
    private static final class Chosen {
        static final EcBackend BACKEND = choose();

        private static EcBackend choose() {
            if ("java".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
                return JavaEcBackend.INSTANCE;
            }
            EcBackend nativeBackend = Native.BACKEND;
            return nativeBackend != null ? nativeBackend : JavaEcBackend.INSTANCE;
        }
    }
}
