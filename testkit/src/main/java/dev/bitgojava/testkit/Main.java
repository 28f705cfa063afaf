package dev.bitgojava.testkit;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link BitGoTestServer} standalone, for tools in any language:
 * {@code java -jar bitgo-testkit-<version>-standalone.jar --port 3080 --token v2x...}. Prints
 * {@code listening on http://127.0.0.1:<port>} and serves until the process is stopped.
 */
public final class Main {

    private Main() {
    }

    /** Entry point; options {@code --port <n>} (default 0: a free port) and {@code --token <access token>} (required). */
    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BitGoTestServer.Builder builder = BitGoTestServer.builder();
        boolean tokenGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port":
                    builder.port(parsePort(value(args, ++i, arg)));
                    break;
                case "--token":
                    builder.accessToken(value(args, ++i, arg));
                    tokenGiven = true;
                    break;
                case "--help":
                case "-h":
                    usage(System.out);
                    return;
                default:
                    System.err.println("unknown option: " + arg);
                    usage(System.err);
                    System.exit(2);
                    return;
            }
        }
        if (!tokenGiven) {
            System.err.println("--token is required: the access token the seeded user authenticates with");
            usage(System.err);
            System.exit(2);
            return;
        }
        BitGoTestServer server = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "bitgo-testkit-shutdown"));
        System.out.println("listening on " + server.url());
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            usage(System.err);
            System.exit(2);
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            System.err.println("--port needs a number, not " + text);
            System.exit(2);
            return 0;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar bitgo-testkit-<version>-standalone.jar [--port <n>] --token <v2x...>");
    }
}
